package io.s2spay.connector.tokens;

import io.s2spay.connector.support.ConnectorDeadlines;
import io.s2spay.connector.support.ResolutionSettings;
import java.time.Duration;

/**
 * The deadlines the connector keeps with its settings, computed the way {@link TokensGateway} times out, retries a
 * token, resolves by reference and resends.
 */
final class TokensDeadlines {

    private TokensDeadlines() {}

    /**
     * A whole submission: per send, the stored card's read or every token attempt, the payment, a 409's look-up and a
     * whole resolution; for every resend allowed.
     */
    static Duration longestSubmission(TokensProperties settings) {
        Duration call = call(settings);
        Duration round = call.multipliedBy(TokensGateway.TOKEN_ATTEMPTS + 2L).plus(longestResolution(settings));
        return round.multipliedBy(1L + settings.resolution().maxResends());
    }

    /** A whole resolution: every look-up (a payment's, then a refund's when the type is open), with the backoff. */
    static Duration longestResolution(TokensProperties settings) {
        ResolutionSettings resolution = settings.resolution();
        // a payment's look-up, then a refund's; a wait before every look-up (the first follows the send)
        return ConnectorDeadlines.longestResolution(call(settings), 2, resolution, resolution.maxQueries());
    }

    /** One call: connecting and reading the answer. */
    static Duration call(TokensProperties settings) {
        return ConnectorDeadlines.oneCall(settings.connectTimeout(), settings.readTimeout());
    }
}

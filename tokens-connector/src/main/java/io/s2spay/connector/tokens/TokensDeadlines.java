package io.s2spay.connector.tokens;

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
        TokensProperties.Resolution resolution = settings.resolution();
        Duration backoff = Duration.ZERO;
        double step = Math.max(1, resolution.initialBackoff().toMillis());
        for (int query = 0; query < resolution.maxQueries(); query++) {
            backoff = backoff.plusMillis((long) step);
            step *= resolution.backoffMultiplier();
        }
        return call(settings).multipliedBy(2L * resolution.maxQueries()).plus(backoff);
    }

    /** One call: connecting and reading the answer. */
    static Duration call(TokensProperties settings) {
        return settings.connectTimeout().plus(settings.readTimeout());
    }
}

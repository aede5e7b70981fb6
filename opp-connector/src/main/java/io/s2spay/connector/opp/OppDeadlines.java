package io.s2spay.connector.opp;

import io.s2spay.connector.support.ConnectorDeadlines;
import io.s2spay.connector.support.ResolutionSettings;
import java.time.Duration;

/**
 * The deadlines the connector keeps with its settings, computed the way {@link OppGatewayClient} times out, backs off
 * and resends: callers (a recovery lease, a "presumed dead" delay) ask for them instead of recomputing them.
 */
final class OppDeadlines {

    private OppDeadlines() {}

    /** A whole safe submission: the send and its resolution, for every resend allowed. */
    static Duration longestSubmission(OppProperties settings) {
        ResolutionSettings resolution = settings.resolution();
        Duration call = call(settings);
        // the initial backoff before the first query, then the waits between the queries
        Duration backoff = resolution.initialBackoff().plus(resolution.totalBackoff(resolution.maxQueries() - 1));
        Duration round = call.multipliedBy(1L + resolution.maxQueries()).plus(backoff);
        // after a refused resend, one more query checks what the gateway holds
        return round.multipliedBy(1L + resolution.maxResends()).plus(call.multipliedBy(resolution.maxResends()));
    }

    /** A whole resolution: every query, with the backoff between them. */
    static Duration longestResolution(OppProperties settings) {
        ResolutionSettings resolution = settings.resolution();
        // as resolveWithRetries: exponential from the initial backoff (1 ms when it is zero)
        return ConnectorDeadlines.longestResolution(call(settings), 1, resolution, resolution.maxQueries() - 1);
    }

    /** One call: connecting and reading the answer. */
    static Duration call(OppProperties settings) {
        return ConnectorDeadlines.oneCall(settings.connectTimeout(), settings.readTimeout());
    }
}

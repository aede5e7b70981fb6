package io.s2spay.connector.opp;

import java.time.Duration;

/**
 * The deadlines the connector keeps with its settings, computed the way {@link OppGatewayClient} times out, backs off
 * and resends: callers (a recovery lease, a "presumed dead" delay) ask for them instead of recomputing them.
 */
final class OppDeadlines {

    private OppDeadlines() {}

    /** A whole safe submission: the send and its resolution, for every resend allowed. */
    static Duration longestSubmission(OppProperties settings) {
        OppProperties.Resolution resolution = settings.resolution();
        Duration call = call(settings);
        Duration backoff = resolution.initialBackoff();
        double step = resolution.initialBackoff().toMillis();
        for (int query = 1; query < resolution.maxQueries(); query++) {
            backoff = backoff.plusMillis((long) step);
            step *= resolution.backoffMultiplier();
        }
        Duration round = call.multipliedBy(1L + resolution.maxQueries()).plus(backoff);
        // after a refused resend, one more query checks what the gateway holds
        return round.multipliedBy(1L + resolution.maxResends()).plus(call.multipliedBy(resolution.maxResends()));
    }

    /** A whole resolution: every query, with the backoff between them. */
    static Duration longestResolution(OppProperties settings) {
        OppProperties.Resolution resolution = settings.resolution();
        Duration backoff = Duration.ZERO;
        // as resolveWithRetries: exponential from the initial backoff (1 ms when it is zero)
        double step = Math.max(1, resolution.initialBackoff().toMillis());
        for (int query = 1; query < resolution.maxQueries(); query++) {
            backoff = backoff.plusMillis((long) step);
            step *= resolution.backoffMultiplier();
        }
        return call(settings).multipliedBy(resolution.maxQueries()).plus(backoff);
    }

    /** One call: connecting and reading the answer. */
    static Duration call(OppProperties settings) {
        return settings.connectTimeout().plus(settings.readTimeout());
    }
}

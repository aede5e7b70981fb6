package io.s2spay.gateway;

import java.time.Duration;

/**
 * The deadlines a gateway adapter keeps with its own settings (timeouts, queries, backoff, resends), so that a
 * service can tell a caller still inside a call from a dead one without recomputing the adapter's retry timing.
 *
 * @param longestSubmission the longest {@link GatewayPort#submitInitial} or {@link GatewayPort#submitFollowUp} can
 *                          take: every call running into its timeout, every resolution using all its queries and
 *                          backoff, every allowed resend made
 * @param longestResolution the longest {@link GatewayPort#resolve} can take: every query running into its timeout
 * @param longestLookUp     the longest one {@link GatewayPort#lookUp} or {@link GatewayPort#find} can take
 */
public record GatewayDeadlines(Duration longestSubmission, Duration longestResolution, Duration longestLookUp) {

    public GatewayDeadlines {
        if (longestSubmission == null || longestResolution == null || longestLookUp == null) {
            throw new IllegalArgumentException("every deadline is required");
        }
    }

    /**
     * The longest the recovery of one stuck attempt can take: a resolution, then, when the gateway never received
     * the attempt, a whole submission.
     */
    public Duration longestRecovery() {
        return longestResolution.plus(longestSubmission);
    }
}

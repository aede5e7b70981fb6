package io.s2spay.executor.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment executor ({@code s2spay.executor.*}).
 *
 * @param notificationUrl where the gateway should send webhooks for the payments the executor submits (the
 *                        status-poller's notification endpoint); null sends none
 * @param recoverAfter    how long an attempt may stay SUBMITTING before the recovery job presumes its executor dead
 *                        and resolves it; must exceed the longest gateway call plus its resolution
 * @param recovery        the recovery job of attempts left SUBMITTING by a crash
 */
@ConfigurationProperties("s2spay.executor")
public record ExecutorProperties(
        String notificationUrl,
        @DefaultValue("3m") Duration recoverAfter,
        @DefaultValue Recovery recovery) {

    public ExecutorProperties {
        if (notificationUrl != null && notificationUrl.isBlank()) {
            notificationUrl = null;
        }
        if (recoverAfter.isNegative() || recoverAfter.isZero()) {
            throw new IllegalArgumentException("s2spay.executor.recover-after must be positive");
        }
    }

    /**
     * @param interval       pause between two runs of the recovery job
     * @param batchSize      attempts one run claims at most
     * @param lease          how long a claimed attempt is left to the instance that claimed it; must exceed the
     *                       longest recovery (a whole resolution, then a whole submission: 3m06s with the default
     *                       connector settings), checked at start-up
     * @param resubmitWithin an attempt the gateway never received is sent again (same merchantTransactionId) only
     *                       this long after it was recorded; older ones fail instead of charging a shopper late
     */
    public record Recovery(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10s") Duration interval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("15m") Duration lease,
            @DefaultValue("10m") Duration resubmitWithin) {

        public Recovery {
            if (batchSize < 1) {
                throw new IllegalArgumentException("s2spay.executor.recovery.batch-size must be at least 1");
            }
        }
    }
}

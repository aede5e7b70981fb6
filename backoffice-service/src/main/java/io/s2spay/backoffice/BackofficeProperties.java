package io.s2spay.backoffice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the back-office service waits for payments, resolves unknown gateway outcomes and recovers operations
 * interrupted by a stop ({@code s2spay.backoffice.*}). The immediate resolution of a lost answer (queries, one
 * resend when the gateway never got the request) is the connector's ({@code s2spay.opp.resolution.*}).
 *
 * @param paymentWait how long a command or a reported transaction waits for its payment's events when it arrives first (a merchant
 *     may capture the moment it learns of the authorization, before this service has read that event)
 * @param janitorInterval pause between two scans for operations whose outcome is not known
 * @param stuckAfter an operation still being submitted after this long is taken over by the janitor
 * @param unknownFirstCheck delay of the janitor's first query of an unknown outcome
 * @param unknownMaxInterval upper bound of the exponential backoff between those queries
 * @param batchSize most operations claimed by one janitor scan
 * @param lease how long a claimed operation is hidden from other instances while it is checked
 */
@ConfigurationProperties("s2spay.backoffice")
public record BackofficeProperties(
        @DefaultValue("10s") Duration paymentWait,
        @DefaultValue("1s") Duration janitorInterval,
        @DefaultValue("3m") Duration stuckAfter,
        @DefaultValue("2s") Duration unknownFirstCheck,
        @DefaultValue("5m") Duration unknownMaxInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("1m") Duration lease) {

    public BackofficeProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("s2spay.backoffice.batch-size must be at least 1");
        }
    }

    /** Exponential backoff of the janitor's queries: the first check's delay doubled per check made, capped. */
    public Duration backoff(int checksMade) {
        Duration delay = unknownFirstCheck.multipliedBy(1L << Math.min(Math.max(checksMade, 0), 20));
        return delay.compareTo(unknownMaxInterval) > 0 ? unknownMaxInterval : delay;
    }
}

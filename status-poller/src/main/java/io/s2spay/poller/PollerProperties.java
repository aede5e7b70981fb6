package io.s2spay.poller;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often and how long the poller asks the gateway about payments whose outcome is not final
 * ({@code s2spay.poller.*}).
 *
 * @param janitorInterval pause between two scans for due payments
 * @param batchSize most payments claimed by one scan
 * @param parallelism gateway queries running at once
 * @param lease how long a claimed payment is hidden from other poller instances while it is checked
 * @param unknownFirstCheck delay of the first query after an outcome became unknown
 * @param unknownMaxInterval upper bound of the exponential backoff between queries of an unknown outcome
 * @param notReceivedGrace how long after the attempt a "never received" answer is still distrusted, since
 *     a delayed request may yet reach the gateway
 * @param redirectFirstCheck delay of the first query after the shopper was redirected
 * @param redirectInterval pause between two queries of a redirect-pending payment; at least 30 s keeps
 *     even the rate-limited status endpoint (2 per minute per transaction) usable
 * @param redirectExpiry after this long a still-pending redirect is expired ({@code PaymentExpired})
 * @param longTermPendingExpiry the same for payments the gateway reports "pending long-term" (the status of
 *     non-instant methods may change after several days)
 * @param receiptInterval pause between two queries of a transfer awaiting its receipt (a gateway webhook makes
 *     it due at once)
 * @param closedRetention how long closed rows are kept (they stop a late non-final event reopening tracking)
 */
@ConfigurationProperties("s2spay.poller")
public record PollerProperties(
        @DefaultValue("1s") Duration janitorInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("8") int parallelism,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("2s") Duration unknownFirstCheck,
        @DefaultValue("5m") Duration unknownMaxInterval,
        @DefaultValue("2m") Duration notReceivedGrace,
        @DefaultValue("15s") Duration redirectFirstCheck,
        @DefaultValue("30s") Duration redirectInterval,
        @DefaultValue("45m") Duration redirectExpiry,
        @DefaultValue("14d") Duration longTermPendingExpiry,
        @DefaultValue("15m") Duration receiptInterval,
        @DefaultValue("7d") Duration closedRetention) {

    public PollerProperties {
        if (batchSize < 1 || parallelism < 1) {
            throw new IllegalArgumentException("s2spay.poller.batch-size and parallelism must be at least 1");
        }
        if (!redirectExpiry.isPositive() || !unknownMaxInterval.isPositive() || !receiptInterval.isPositive()) {
            throw new IllegalArgumentException(
                    "s2spay.poller.redirect-expiry, unknown-max-interval and receipt-interval must be positive");
        }
    }
}

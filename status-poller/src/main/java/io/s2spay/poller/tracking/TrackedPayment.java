package io.s2spay.poller.tracking;

import java.time.Instant;

/** A payment whose outcome is not final, with what is needed to resolve it at the gateway. */
public record TrackedPayment(
        String paymentId,
        String merchantId,
        String merchantTransactionId,
        String gatewayTransactionId,
        String paymentType,
        long amountMinor,
        String currency,
        TrackingStatus status,
        String correlationId,
        String causedByMessageId,
        Instant since,
        Instant nextCheckAt,
        int checksMade,
        Instant lastCheckedAt,
        String lastResult) {}

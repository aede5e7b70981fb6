package io.s2spay.poller.tracking;

import io.s2spay.gateway.routing.GatewayAccount;
import java.time.Instant;

/**
 * A payment whose outcome is not final, with what is needed to resolve it at the gateway.
 *
 * @param gatewayAccount the account that processed it, as its events named it; null when they named none (a payment
 *                       processed before routing: its merchant's account keyed by the merchant's id)
 */
public record TrackedPayment(
        String paymentId,
        String merchantId,
        GatewayAccount gatewayAccount,
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

package io.s2spay.sandbox.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One order and its single payment, as the sandbox keeps it (and journals it): what was ordered, where the payment
 * came from and how it ended, the stored token and the refunds. Immutable; each change is a new version.
 *
 * @param challengeExpiresAt when a pending 3-D Secure challenge is abandoned; null when none is pending
 */
record Order(
        String orderId,
        String merchantId,
        String terminalId,
        OrdersProperties.TerminalType terminalType,
        List<Line> lines,
        long totalAmount,
        String currency,
        String merchantReference,
        String returnUrl,
        String notificationUrl,
        boolean enforceTokenization,
        OrderStatus status,
        String paymentId,
        String paymentMethod,
        String paymentStatus,
        String failureCode,
        String failureMessage,
        CardSummary card,
        String tokenId,
        List<Refund> refunds,
        Instant createdAt,
        Instant updatedAt,
        Instant challengeExpiresAt) {

    Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    /** One order line: its own id and name, quantity and total in minor units. */
    record Line(String id, String name, long quantity, long total) {}

    /** The card as it may be kept: BIN, last four digits, brand, expiry, holder; never the number or the CVC. */
    record CardSummary(String bin, String last4, String brand, int expiryMonth, int expiryYear, String holderName) {

        String maskedPan() {
            return bin + "******" + last4;
        }
    }

    /** A refund of part or all of the payment. */
    record Refund(String refundId, String merchantReference, long amount, String status, Instant createdAt) {}

    long refunded() {
        return refunds.stream()
                .filter(r -> "COMPLETED".equals(r.status()))
                .mapToLong(Refund::amount)
                .sum();
    }

    Order withPayment(
            OrderStatus status,
            String paymentId,
            String method,
            String paymentStatus,
            String failureCode,
            String failureMessage,
            CardSummary card,
            String tokenId,
            Instant now,
            Instant challengeExpiresAt) {
        return new Order(
                orderId,
                merchantId,
                terminalId,
                terminalType,
                lines,
                totalAmount,
                currency,
                merchantReference,
                returnUrl,
                notificationUrl,
                enforceTokenization,
                status,
                paymentId,
                method,
                paymentStatus,
                failureCode,
                failureMessage,
                card,
                tokenId,
                refunds,
                createdAt,
                now,
                challengeExpiresAt);
    }

    Order withRefund(Refund refund, Instant now) {
        List<Refund> all = new ArrayList<>(refunds);
        all.add(refund);
        long refundedAfter = refunded() + ("COMPLETED".equals(refund.status()) ? refund.amount() : 0);
        OrderStatus after = refundedAfter >= totalAmount ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        return new Order(
                orderId,
                merchantId,
                terminalId,
                terminalType,
                lines,
                totalAmount,
                currency,
                merchantReference,
                returnUrl,
                notificationUrl,
                enforceTokenization,
                after,
                paymentId,
                paymentMethod,
                paymentStatus,
                failureCode,
                failureMessage,
                card,
                tokenId,
                all,
                createdAt,
                now,
                null);
    }
}

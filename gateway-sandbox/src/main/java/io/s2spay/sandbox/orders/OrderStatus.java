package io.s2spay.sandbox.orders;

/** An order's status, as {@code GET .../orders/{orderId}/status} answers it. */
public enum OrderStatus {
    CREATED,
    /** A payment waits for the customer's 3-D Secure challenge. */
    PAYMENT_PENDING,
    PAYMENT_COMPLETED,
    PAYMENT_FAILED,
    /** Cancelled by the merchant, by the customer on a page, or because the challenge was abandoned. */
    PAYMENT_CANCELLED,
    /** Paid, and part of the payment refunded. */
    PARTIALLY_REFUNDED,
    /** Paid, and all of it refunded. */
    REFUNDED;

    /** Whether money was taken (and not all of it refunded, for {@link #PARTIALLY_REFUNDED}). */
    boolean paid() {
        return this == PAYMENT_COMPLETED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}

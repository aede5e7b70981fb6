package io.s2spay.poller.tracking;

import io.s2spay.domain.lifecycle.PaymentState;

/**
 * Why a payment is tracked: its outcome is not final yet, or the tracking is over. A projection of the payment
 * lifecycle ({@link io.s2spay.domain.lifecycle.PaymentLifecycle}): each open state the poller resolves, and every
 * final one as {@link #CLOSED}.
 */
public enum TrackingStatus {
    /** The shopper was sent to a redirect (3-D Secure, bank page); the gateway will know the outcome. */
    REDIRECT_PENDING,
    /** The gateway's answer was lost: the outcome must be found through the query endpoint. */
    UNKNOWN,
    /**
     * A non-instant transfer the shopper approved at the bank: {@code PaymentAwaitingReceipt} was published once,
     * the money comes with the bank's receipt (days, not minutes); checked seldom, and at once on a webhook.
     */
    AWAITING_RECEIPT,
    /** A final event was seen (or published by the janitor); nothing more to do. */
    CLOSED;

    /** The tracking of a payment in lifecycle state {@code state}. */
    static TrackingStatus of(PaymentState state) {
        if (state.isFinal()) {
            return CLOSED;
        }
        return switch (state) {
            case REDIRECT_PENDING -> REDIRECT_PENDING;
            case UNKNOWN -> UNKNOWN;
            case AWAITING_RECEIPT -> AWAITING_RECEIPT;
            default -> throw new IllegalArgumentException("a payment " + state + " is not tracked: nothing to resolve");
        };
    }
}

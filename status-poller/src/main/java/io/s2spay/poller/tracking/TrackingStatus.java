package io.s2spay.poller.tracking;

/** Why a payment is tracked: its outcome is not final yet, or the tracking is over. */
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
    CLOSED
}

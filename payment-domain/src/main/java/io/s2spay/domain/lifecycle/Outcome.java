package io.s2spay.domain.lifecycle;

/** What a transaction came to, as far as s2spay knows: the third column of the lifecycle table. */
public enum Outcome {
    /** Accepted by s2spay, not answered by the gateway yet. */
    PENDING,
    /** The gateway sent the shopper to a page (3-D Secure, the bank's): the outcome comes after. */
    REDIRECT,
    /** The shopper approved a non-instant transfer: the money comes with the bank's receipt. */
    AWAITING_RECEIPT,
    /** The gateway's answer was lost: it is being resolved by query. */
    UNKNOWN,
    SUCCESS,
    /** Refused by the gateway, the bank or the risk checks. */
    DECLINED,
    /** Broke at the gateway (or before it, for good). */
    FAILED,
    /** The shopper never finished the redirect. */
    EXPIRED
}

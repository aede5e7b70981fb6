package io.s2spay.sandbox.gateway;

/** Where a sandbox transaction stands; the OPP result code says why. */
public enum TransactionState {
    /** Waiting for the shopper at the issuer's 3-D Secure page or the bank's page. */
    PENDING_REDIRECT,
    /** The shopper approved a non-instant bank transfer; the bank's receipt has not arrived yet. */
    AWAITING_RECEIPT,
    /** The acquirer did not answer in time; the gateway learns the outcome later. */
    UNCERTAIN,
    SUCCEEDED,
    REJECTED;

    public boolean isPending() {
        return this == PENDING_REDIRECT || this == AWAITING_RECEIPT || this == UNCERTAIN;
    }
}

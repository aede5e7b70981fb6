package io.s2spay.executor.payment;

/** Where one gateway attempt of an initial payment (PA or DB) stands, as recorded in {@code payment_attempt}. */
enum AttemptState {
    /** Recorded, and possibly sent to the gateway: the outcome is not recorded yet. */
    SUBMITTING,
    /** A pre-authorization (PA) the gateway approved. */
    AUTHORIZED,
    /** A debit (DB) the gateway approved. */
    DEBITED,
    /** The shopper must complete a redirect (3-D Secure, bank page); the status-poller follows it up. */
    REDIRECT_PENDING,
    /** The gateway accepted the payment but reports it pending without a redirect; the status-poller follows it up. */
    GATEWAY_PENDING,
    /**
     * The shopper approved a non-instant bank transfer (SOFORTUEBERWEISUNG): the money arrives with the bank's
     * receipt; the status-poller follows it up.
     */
    AWAITING_RECEIPT,
    /** The gateway refused it (bank, risk, 3-D Secure, card data): final, nothing charged. */
    DECLINED,
    /** Not processed (request, configuration or gateway system error, or never reached the gateway): final, nothing charged. */
    FAILED,
    /** Whether the gateway processed it could not be found out yet; the status-poller keeps resolving it. */
    UNKNOWN;

    /** True while the outcome is still open inside the executor, i.e. only before the gateway's answer is recorded. */
    boolean isOpen() {
        return this == SUBMITTING;
    }
}

package io.s2spay.domain.lifecycle;

/**
 * Where a payment stands in its lifecycle: the second and fourth columns of the lifecycle table. The states of the
 * initial transaction only; what the operations did to the money is in {@link io.s2spay.domain.balance
 * .PaymentMovements}. Which state is final, which operation applies where, and every move between them are in
 * {@link PaymentLifecycle}.
 */
public enum PaymentState {
    /** Accepted by s2spay; the gateway has not answered yet. */
    REQUESTED,
    /** The shopper was sent to a redirect (3-D Secure, bank page). */
    REDIRECT_PENDING,
    /** The gateway's answer was lost; it is being resolved by query. */
    UNKNOWN,
    /** A non-instant transfer approved at the bank: no money yet, only a receipt (RC) settles it. */
    AWAITING_RECEIPT,
    /** A pre-authorization's money is reserved. */
    AUTHORIZED,
    /** A debit's (or a confirmed transfer's) money is taken. */
    DEBITED,
    DECLINED,
    FAILED,
    EXPIRED;

    /** Whether no event can move the initial payment out of this state (operations on it may still apply). */
    public boolean isFinal() {
        return PaymentLifecycle.finalStates().contains(this);
    }

    /** Whether the initial payment succeeded, so that its money is reserved or taken. */
    public boolean succeeded() {
        return this == AUTHORIZED || this == DEBITED;
    }
}

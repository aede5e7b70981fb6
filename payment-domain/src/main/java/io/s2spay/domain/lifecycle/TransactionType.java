package io.s2spay.domain.lifecycle;

import io.s2spay.domain.balance.PaymentMovements;

/**
 * The transactions of a payment's life, in s2spay's words (the seeds' two-letter codes are the names, since every
 * gateway family of the seeds knows these nine): the initial payment (PA or DB) and the operations on it.
 */
public enum TransactionType {
    /** Pre-authorization: reserves the amount on the shopper's card. */
    PA(PaymentMovements.Kind.AUTHORIZED),
    /** Debit: takes the amount at once (a pre-authorization and its capture in one step). */
    DB(PaymentMovements.Kind.DEBITED),
    /** Capture of a pre-authorization. */
    CP(PaymentMovements.Kind.CAPTURED),
    /** Reversal of an uncaptured pre-authorization. */
    RV(PaymentMovements.Kind.REVERSED),
    /** Refund of captured money. */
    RF(PaymentMovements.Kind.REFUNDED),
    /** Rebill: charges a settled payment again. */
    RB(PaymentMovements.Kind.REBILLED),
    /** Chargeback: the bank takes money back from the merchant. */
    CB(PaymentMovements.Kind.CHARGED_BACK),
    /** Chargeback reversal: the bank gives it back. */
    CR(PaymentMovements.Kind.CHARGEBACK_REVERSED),
    /** Receipt: the bank confirms the money of a non-instant transfer arrived. */
    RC(PaymentMovements.Kind.RECEIPT_CONFIRMED);

    private final PaymentMovements.Kind movement;

    TransactionType(PaymentMovements.Kind movement) {
        this.movement = movement;
    }

    /** Whether this transaction starts a payment (PA or DB) rather than operating on one. */
    public boolean isInitial() {
        return this == PA || this == DB;
    }

    /** The sum a success of this transaction adds its amount to. */
    public PaymentMovements.Kind movement() {
        return movement;
    }
}

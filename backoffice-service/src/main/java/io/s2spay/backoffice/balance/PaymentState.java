package io.s2spay.backoffice.balance;

/** Where the initial payment (PA or DB) stands, as far as the events have told. */
public enum PaymentState {
    REQUESTED(false),
    REDIRECT_PENDING(false),
    UNKNOWN(false),
    /**
     * A non-instant transfer approved at the bank: no money yet, only a receipt (RC, the merchant's or the bank's)
     * settles it; no other operation applies.
     */
    AWAITING_RECEIPT(false),
    AUTHORIZED(true),
    DEBITED(true),
    DECLINED(true),
    FAILED(true),
    EXPIRED(true);

    private final boolean finalOutcome;

    PaymentState(boolean finalOutcome) {
        this.finalOutcome = finalOutcome;
    }

    /** Whether the initial payment's outcome is settled; a settled state never changes again. */
    public boolean isFinal() {
        return finalOutcome;
    }

    /**
     * Whether a command need not wait for a later event to be judged: the outcome is final, or the transfer awaits
     * its receipt (which may take days).
     */
    public boolean decided() {
        return finalOutcome || this == AWAITING_RECEIPT;
    }

    /** Whether the initial payment succeeded, so that back-office operations may apply to it. */
    public boolean succeeded() {
        return this == AUTHORIZED || this == DEBITED;
    }
}

package io.s2spay.backoffice.balance;

/** Where the initial payment (PA or DB) stands, as far as the events have told. */
public enum PaymentState {
    REQUESTED(false),
    REDIRECT_PENDING(false),
    UNKNOWN(false),
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

    /** Whether the initial payment succeeded, so that back-office operations may apply to it. */
    public boolean succeeded() {
        return this == AUTHORIZED || this == DEBITED;
    }
}

package io.s2spay.backoffice.balance;

/** A movement of money on a payment, each adding to one balance column. */
public enum EntryKind {
    AUTHORIZED("authorized_minor"),
    DEBITED("debited_minor"),
    CAPTURED("captured_minor"),
    REVERSED("reversed_minor"),
    REFUNDED("refunded_minor"),
    REBILLED("rebilled_minor"),
    CHARGED_BACK("charged_back_minor"),
    CHARGEBACK_REVERSED("chargeback_reversed_minor"),
    RECEIPT_CONFIRMED("receipt_confirmed_minor");

    private final String column;

    EntryKind(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}

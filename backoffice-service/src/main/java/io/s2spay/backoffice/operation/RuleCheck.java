package io.s2spay.backoffice.operation;

/** The verdict of the balance rules on one command. */
sealed interface RuleCheck {

    /**
     * Allowed for {@code amountMinor}; {@code sendAmount} is false for a reversal, which the gateway applies to the
     * whole authorization without an amount.
     */
    record Allowed(long amountMinor, String currency, boolean sendAmount) implements RuleCheck {}

    /** Refused before the gateway is called. */
    record Rejected(OperationRejectionReason reasonCode, String reason) implements RuleCheck {}
}

package io.s2spay.domain.balance;

/**
 * The money movements of one payment in minor units of its currency, each the sum of one kind of successful
 * transaction, and what follows from them: what is settled (taken from the shopper), what is charged back and
 * still open, what may still be refunded, and the net. The one place these sums are defined.
 *
 * @param authorizedMinor a pre-authorization's reserved amount
 * @param debitedMinor a debit's amount (authorized and captured in one step)
 * @param capturedMinor what captures (CP) of a pre-authorization took
 * @param receiptMinor what the bank's receipts (RC) confirmed of a non-instant transfer
 */
public record PaymentMovements(
        long authorizedMinor,
        long debitedMinor,
        long capturedMinor,
        long reversedMinor,
        long refundedMinor,
        long rebilledMinor,
        long chargedBackMinor,
        long chargebackReversedMinor,
        long receiptMinor) {

    public static final PaymentMovements NONE = new PaymentMovements(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Money taken from the shopper: captures, rebills, and the debit or the receipt that confirmed it. A
     * non-instant transfer's debit and its receipt are the same money (the gateway charges by the receipt), so
     * they count once.
     */
    public long settledMinor() {
        return capturedMinor + rebilledMinor + Math.max(debitedMinor, receiptMinor);
    }

    /** What the shopper's money was authorized for: the reservation, or the debit/receipt that took it at once. */
    public long authorizedTotalMinor() {
        return Math.max(authorizedMinor, Math.max(debitedMinor, receiptMinor));
    }

    /** Chargebacks not reversed: money the bank already took back from the merchant. */
    public long openChargebackMinor() {
        return chargedBackMinor - chargebackReversedMinor;
    }

    /** What may still be refunded (or charged back): settled money neither refunded nor charged back. */
    public long refundableMinor() {
        return settledMinor() - refundedMinor - openChargebackMinor();
    }

    /** What the merchant keeps: settled money less refunds and open chargebacks. */
    public long netMinor() {
        return refundableMinor();
    }

    /** These movements plus {@code amountMinor} of {@code kind}. */
    public PaymentMovements plus(Kind kind, long amountMinor) {
        return switch (kind) {
            case AUTHORIZED ->
                new PaymentMovements(
                        authorizedMinor + amountMinor,
                        debitedMinor,
                        capturedMinor,
                        reversedMinor,
                        refundedMinor,
                        rebilledMinor,
                        chargedBackMinor,
                        chargebackReversedMinor,
                        receiptMinor);
            case DEBITED ->
                new PaymentMovements(
                        authorizedMinor,
                        debitedMinor + amountMinor,
                        capturedMinor,
                        reversedMinor,
                        refundedMinor,
                        rebilledMinor,
                        chargedBackMinor,
                        chargebackReversedMinor,
                        receiptMinor);
            case CAPTURED ->
                new PaymentMovements(
                        authorizedMinor,
                        debitedMinor,
                        capturedMinor + amountMinor,
                        reversedMinor,
                        refundedMinor,
                        rebilledMinor,
                        chargedBackMinor,
                        chargebackReversedMinor,
                        receiptMinor);
            case REVERSED ->
                new PaymentMovements(
                        authorizedMinor,
                        debitedMinor,
                        capturedMinor,
                        reversedMinor + amountMinor,
                        refundedMinor,
                        rebilledMinor,
                        chargedBackMinor,
                        chargebackReversedMinor,
                        receiptMinor);
            case REFUNDED ->
                new PaymentMovements(
                        authorizedMinor,
                        debitedMinor,
                        capturedMinor,
                        reversedMinor,
                        refundedMinor + amountMinor,
                        rebilledMinor,
                        chargedBackMinor,
                        chargebackReversedMinor,
                        receiptMinor);
            case REBILLED ->
                new PaymentMovements(
                        authorizedMinor,
                        debitedMinor,
                        capturedMinor,
                        reversedMinor,
                        refundedMinor,
                        rebilledMinor + amountMinor,
                        chargedBackMinor,
                        chargebackReversedMinor,
                        receiptMinor);
            case CHARGED_BACK ->
                new PaymentMovements(
                        authorizedMinor,
                        debitedMinor,
                        capturedMinor,
                        reversedMinor,
                        refundedMinor,
                        rebilledMinor,
                        chargedBackMinor + amountMinor,
                        chargebackReversedMinor,
                        receiptMinor);
            case CHARGEBACK_REVERSED ->
                new PaymentMovements(
                        authorizedMinor,
                        debitedMinor,
                        capturedMinor,
                        reversedMinor,
                        refundedMinor,
                        rebilledMinor,
                        chargedBackMinor,
                        chargebackReversedMinor + amountMinor,
                        receiptMinor);
            case RECEIPT_CONFIRMED ->
                new PaymentMovements(
                        authorizedMinor,
                        debitedMinor,
                        capturedMinor,
                        reversedMinor,
                        refundedMinor,
                        rebilledMinor,
                        chargedBackMinor,
                        chargebackReversedMinor,
                        receiptMinor + amountMinor);
        };
    }

    /** A kind of successful transaction, each adding to one of the sums. */
    public enum Kind {
        AUTHORIZED,
        DEBITED,
        CAPTURED,
        REVERSED,
        REFUNDED,
        REBILLED,
        CHARGED_BACK,
        CHARGEBACK_REVERSED,
        RECEIPT_CONFIRMED
    }
}

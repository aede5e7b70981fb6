package io.s2spay.backoffice.balance;

import io.s2spay.domain.lifecycle.PaymentState;

/**
 * The balances of one payment in minor units of its currency, as the events have told: what was
 * authorized, debited, captured, confirmed by a receipt, reversed, refunded, rebilled and charged back.
 *
 * @param capturedMinor what captures (CP) of a pre-authorization took
 */
public record PaymentBalance(
        String paymentId,
        String merchantId,
        String paymentType,
        String currency,
        Long requestedMinor,
        String merchantTransactionId,
        String gatewayTransactionId,
        PaymentState state,
        long authorizedMinor,
        long debitedMinor,
        long capturedMinor,
        int captureCount,
        long reversedMinor,
        long refundedMinor,
        long rebilledMinor,
        long chargedBackMinor,
        long chargebackReversedMinor,
        long receiptConfirmedMinor) {

    /** Whether this is a pre-authorization (PA) rather than a debit. */
    public boolean isPreauthorization() {
        return "PA".equals(paymentType);
    }

    /**
     * Money taken from the shopper: captures, rebills, and the debit or the receipt that confirmed it. A
     * non-instant bank payment's debit and its receipt are the same money (the gateway charges by the receipt),
     * so they count once.
     */
    public long settledMinor() {
        return capturedMinor + rebilledMinor + Math.max(debitedMinor, receiptConfirmedMinor);
    }

    /** Chargebacks not reversed: money the bank already took back from the merchant. */
    public long openChargebackMinor() {
        return chargedBackMinor - chargebackReversedMinor;
    }

    /** What may still be refunded (or charged back): settled money not refunded nor charged back. */
    public long refundableMinor() {
        return settledMinor() - refundedMinor - openChargebackMinor();
    }

    /** A pre-authorization that was neither captured, reversed nor confirmed by a receipt. */
    public boolean isOpenAuthorization() {
        return state == PaymentState.AUTHORIZED
                && isPreauthorization()
                && captureCount == 0
                && reversedMinor == 0
                && receiptConfirmedMinor == 0;
    }
}

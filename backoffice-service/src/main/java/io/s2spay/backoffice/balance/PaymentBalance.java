package io.s2spay.backoffice.balance;

import io.s2spay.domain.balance.BalanceRules;
import io.s2spay.domain.balance.PaymentMovements;
import io.s2spay.domain.lifecycle.PaymentPosition;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.routing.GatewayAccount;

/**
 * The balances of one payment in minor units of its currency, as the events have told: what was
 * authorized, debited, captured, confirmed by a receipt, reversed, refunded, rebilled and charged back.
 *
 * @param gatewayAccount the gateway account that processed the initial payment, as its events named it; null for a
 *     payment processed before s2spay routed payments (its merchant's account keyed by its id, {@code
 *     Gateways.accountOf})
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
        GatewayAccount gatewayAccount,
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

    /** The movements of money, in the domain's words: where settled, refundable and open chargebacks are defined. */
    public PaymentMovements movements() {
        return new PaymentMovements(
                authorizedMinor,
                debitedMinor,
                capturedMinor,
                reversedMinor,
                refundedMinor,
                rebilledMinor,
                chargedBackMinor,
                chargebackReversedMinor,
                receiptConfirmedMinor);
    }

    /** Where the payment stands, for the lifecycle's interpreter to apply the next step to. */
    public PaymentPosition position() {
        return new PaymentPosition(
                paymentType == null ? null : TransactionType.valueOf(paymentType), state, movements());
    }

    /** This payment as the balance rules see it ({@link BalanceRules}). */
    public BalanceRules.Payment forBalanceRules() {
        return new BalanceRules.Payment(
                paymentType == null ? null : TransactionType.valueOf(paymentType),
                state,
                currency,
                requestedMinor,
                movements(),
                captureCount,
                gatewayTransactionId != null);
    }

    /** Money taken from the shopper ({@link PaymentMovements#settledMinor()}). */
    public long settledMinor() {
        return movements().settledMinor();
    }

    /** Chargebacks not reversed ({@link PaymentMovements#openChargebackMinor()}). */
    public long openChargebackMinor() {
        return movements().openChargebackMinor();
    }

    /** What may still be refunded or charged back ({@link PaymentMovements#refundableMinor()}). */
    public long refundableMinor() {
        return movements().refundableMinor();
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

package io.s2spay.sandbox.gateway;

import java.time.Instant;
import java.util.List;

/**
 * The money state of a payment tree (an initial payment and the back-office transactions referencing it), summed
 * from its successful transactions, in minor units of the tree's currency.
 *
 * @param authorized the successful card pre-authorization, if any
 * @param captured what was taken from the shopper: a card debit, captures, rebills and bank receipts
 * @param captures how many captures succeeded
 * @param lastChargeAt when money was last taken (the reversal window runs from there)
 */
public record TreeBalances(
        long authorized,
        long captured,
        int captures,
        long refunded,
        long chargedBack,
        long chargebackReversed,
        boolean reversed,
        long reversedAmount,
        Instant lastChargeAt) {

    public static TreeBalances of(Transaction root, List<Transaction> children) {
        long authorized = 0;
        long captured = 0;
        int captures = 0;
        long refunded = 0;
        long chargedBack = 0;
        long chargebackReversed = 0;
        boolean reversed = false;
        long reversedAmount = 0;
        Instant lastChargeAt = null;
        if (root.succeeded()) {
            if (root.paymentType() == PaymentType.PA && root.paymentBrand().isCard()) {
                authorized = root.amountMinor();
            }
            // a non-instant bank transfer is charged by its receipt (RC), not by the initial transaction
            if (root.paymentType() == PaymentType.DB
                    && root.paymentBrand().workflow() != GatewayBrand.Workflow.BANK_REDIRECT_WITH_RECEIPT) {
                captured = root.amountMinor();
                lastChargeAt = root.updatedAt();
            }
        }
        for (Transaction child : children) {
            if (!child.succeeded()) {
                continue;
            }
            switch (child.paymentType()) {
                case CP, RB, RC -> {
                    captured += child.amountMinor();
                    captures += child.paymentType() == PaymentType.CP ? 1 : 0;
                    lastChargeAt = child.createdAt();
                }
                case RF -> refunded += child.amountMinor();
                case CB -> chargedBack += child.amountMinor();
                case CR -> chargebackReversed += child.amountMinor();
                case RV -> {
                    reversed = true;
                    reversedAmount += child.amountMinor();
                }
                default -> {}
            }
        }
        return new TreeBalances(
                authorized,
                captured,
                captures,
                refunded,
                chargedBack,
                chargebackReversed,
                reversed,
                reversedAmount,
                lastChargeAt);
    }

    public long activeChargeback() {
        return chargedBack - chargebackReversed;
    }

    public long refundable() {
        return captured - refunded;
    }

    /** What the merchant keeps: nothing after a reversal, else captured minus refunds and open chargebacks. */
    public long net() {
        return reversed ? 0 : captured - refunded - activeChargeback();
    }
}

package io.s2spay.backoffice.operation;

import static io.s2spay.backoffice.operation.OperationRejectionReason.ALREADY_CAPTURED;
import static io.s2spay.backoffice.operation.OperationRejectionReason.ALREADY_REVERSED;
import static io.s2spay.backoffice.operation.OperationRejectionReason.AMOUNT_EXCEEDS_AUTHORIZED;
import static io.s2spay.backoffice.operation.OperationRejectionReason.AMOUNT_EXCEEDS_CHARGEBACK;
import static io.s2spay.backoffice.operation.OperationRejectionReason.AMOUNT_EXCEEDS_REFUNDABLE;
import static io.s2spay.backoffice.operation.OperationRejectionReason.AMOUNT_MISMATCH;
import static io.s2spay.backoffice.operation.OperationRejectionReason.AMOUNT_REQUIRED;
import static io.s2spay.backoffice.operation.OperationRejectionReason.CHARGEBACK_OPEN;
import static io.s2spay.backoffice.operation.OperationRejectionReason.CURRENCY_MISMATCH;
import static io.s2spay.backoffice.operation.OperationRejectionReason.INVALID_AMOUNT;
import static io.s2spay.backoffice.operation.OperationRejectionReason.NOTHING_TO_REFUND;
import static io.s2spay.backoffice.operation.OperationRejectionReason.NOT_A_PREAUTHORIZATION;
import static io.s2spay.backoffice.operation.OperationRejectionReason.NOT_CAPTURED;
import static io.s2spay.backoffice.operation.OperationRejectionReason.NO_CHARGEBACK;
import static io.s2spay.backoffice.operation.OperationRejectionReason.NO_PENDING_RECEIPT;
import static io.s2spay.backoffice.operation.OperationRejectionReason.PAYMENT_NOT_COMPLETED;
import static io.s2spay.backoffice.operation.OperationRejectionReason.PAYMENT_NOT_FOUND;

import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.domain.money.MoneyAmounts;
import io.s2spay.schema.Money;

/**
 * The balance rules of back-office operations (ARCHITECTURE rule 4), checked before the gateway is called: one
 * capture of a pre-authorization and not above the authorized amount, refunds in total not above what was
 * captured, reversal only of an uncaptured pre-authorization, no refund, rebill or second chargeback while a
 * chargeback is open, chargeback reversal only after a chargeback, receipt only on a payment awaiting one and for its
 * whole amount, amounts positive and in the payment's currency.
 */
final class OperationRules {

    private OperationRules() {}

    /**
     * The verdict on {@code command} for a payment with {@code balance} (null if unknown), the operations still open
     * on it, and whether the gateway reports the payment as awaiting the bank's receipt.
     */
    static RuleCheck check(
            BackofficeCommand command, PaymentBalance balance, OpenOperations open, boolean awaitingReceipt) {
        if (balance == null || !balance.merchantId().equals(command.merchantId())) {
            return reject(
                    PAYMENT_NOT_FOUND, "no payment " + command.paymentId() + " for merchant " + command.merchantId());
        }
        Money amount = command.amount();
        if (amount != null && amount.getAmountMinor() <= 0) {
            return reject(
                    INVALID_AMOUNT,
                    "amount must be greater than zero, was " + amount.getAmountMinor() + " minor units");
        }
        if (amount != null && balance.currency() != null && !balance.currency().equals(amount.getCurrency())) {
            return reject(
                    CURRENCY_MISMATCH,
                    "the payment is in " + balance.currency() + ", the command in " + amount.getCurrency());
        }
        if (command.operationType() == OppPaymentType.RC) {
            return receipt(balance, amount, open, awaitingReceipt);
        }
        if (!balance.state().succeeded() || balance.gatewayTransactionId() == null) {
            return reject(
                    PAYMENT_NOT_COMPLETED,
                    "the payment is " + balance.state() + "; only a successful payment can be "
                            + verb(command.operationType()));
        }
        return switch (command.operationType()) {
            case CP -> capture(balance, amount, open);
            case RV -> reversal(balance, open);
            case RF -> refund(balance, amount, open);
            case RB -> rebill(balance, amount, open);
            case CB -> chargeback(balance, amount, open);
            case CR -> chargebackReversal(balance, amount, open);
            case RC, PA, DB -> throw new IllegalArgumentException("not checked here: " + command.operationType());
        };
    }

    private static RuleCheck capture(PaymentBalance b, Money amount, OpenOperations open) {
        if (!b.isPreauthorization()) {
            return reject(
                    NOT_A_PREAUTHORIZATION,
                    "only a pre-authorization (PA) can be captured; this payment is " + b.paymentType());
        }
        if (b.reversedMinor() > 0 || open.has(OppPaymentType.RV)) {
            return reject(ALREADY_REVERSED, "the pre-authorization was reversed");
        }
        if (b.captureCount() > 0 || open.has(OppPaymentType.CP) || b.receiptConfirmedMinor() > 0) {
            return reject(
                    ALREADY_CAPTURED,
                    "the pre-authorization was already captured ("
                            + format(b.capturedMinor() + open.amount(OppPaymentType.CP), b.currency())
                            + "); it is captured once");
        }
        long toCapture = amount == null ? b.authorizedMinor() : amount.getAmountMinor();
        if (toCapture > b.authorizedMinor()) {
            return reject(
                    AMOUNT_EXCEEDS_AUTHORIZED,
                    "capture of " + format(toCapture, b.currency()) + " exceeds the authorized "
                            + format(b.authorizedMinor(), b.currency()));
        }
        return allowed(toCapture, b.currency());
    }

    private static RuleCheck reversal(PaymentBalance b, OpenOperations open) {
        if (!b.isPreauthorization()) {
            return reject(
                    NOT_A_PREAUTHORIZATION,
                    "only an uncaptured pre-authorization (PA) can be reversed; this" + " payment is " + b.paymentType()
                            + " (refund it instead)");
        }
        if (b.reversedMinor() > 0 || open.has(OppPaymentType.RV)) {
            return reject(ALREADY_REVERSED, "the pre-authorization was already reversed");
        }
        if (b.captureCount() > 0 || open.has(OppPaymentType.CP) || b.receiptConfirmedMinor() > 0) {
            return reject(ALREADY_CAPTURED, "the pre-authorization was captured; refund it instead of reversing it");
        }
        return new RuleCheck.Allowed(b.authorizedMinor(), b.currency(), false);
    }

    private static RuleCheck refund(PaymentBalance b, Money amount, OpenOperations open) {
        if (b.settledMinor() == 0) {
            return reject(
                    NOT_CAPTURED,
                    "nothing was captured on this payment, so nothing can be refunded"
                            + (b.isPreauthorization() ? " (reverse the pre-authorization instead)" : ""));
        }
        if (b.openChargebackMinor() > 0 || open.has(OppPaymentType.CB)) {
            return reject(
                    CHARGEBACK_OPEN,
                    "a chargeback of " + format(b.openChargebackMinor(), b.currency())
                            + " is open on this payment: the bank already returned that money to the shopper");
        }
        long refundable = b.refundableMinor() - open.amount(OppPaymentType.RF);
        if (refundable <= 0) {
            return reject(NOTHING_TO_REFUND, "everything captured was already refunded");
        }
        long toRefund = amount == null ? refundable : amount.getAmountMinor();
        if (toRefund > refundable) {
            return reject(
                    AMOUNT_EXCEEDS_REFUNDABLE,
                    "refund of " + format(toRefund, b.currency())
                            + " exceeds the refundable " + format(refundable, b.currency()) + " (captured "
                            + format(b.settledMinor(), b.currency()) + ", refunded "
                            + format(b.refundedMinor(), b.currency())
                            + ", charged back " + format(b.openChargebackMinor(), b.currency()) + ")");
        }
        return allowed(toRefund, b.currency());
    }

    private static RuleCheck rebill(PaymentBalance b, Money amount, OpenOperations open) {
        if (amount == null) {
            return reject(AMOUNT_REQUIRED, "a rebill needs the amount to charge");
        }
        if (b.settledMinor() == 0) {
            return reject(NOT_CAPTURED, "only a processed (captured or debited) payment can be rebilled");
        }
        if (b.openChargebackMinor() > 0 || open.has(OppPaymentType.CB)) {
            return reject(CHARGEBACK_OPEN, "a chargeback is open on this payment; it cannot be rebilled");
        }
        return allowed(amount.getAmountMinor(), b.currency());
    }

    private static RuleCheck chargeback(PaymentBalance b, Money amount, OpenOperations open) {
        if (b.settledMinor() == 0) {
            return reject(NOT_CAPTURED, "nothing was captured on this payment, so nothing can be charged back");
        }
        if (b.openChargebackMinor() > 0 || open.has(OppPaymentType.CB)) {
            return reject(CHARGEBACK_OPEN, "a chargeback is already open on this payment (one at a time)");
        }
        long chargeable = b.refundableMinor() - open.amount(OppPaymentType.RF);
        if (chargeable <= 0) {
            return reject(NOTHING_TO_REFUND, "everything captured was already refunded");
        }
        long toChargeBack = amount == null ? chargeable : amount.getAmountMinor();
        if (toChargeBack > chargeable) {
            return reject(
                    AMOUNT_EXCEEDS_REFUNDABLE,
                    "chargeback of " + format(toChargeBack, b.currency()) + " exceeds the "
                            + format(chargeable, b.currency()) + " captured and not refunded");
        }
        return allowed(toChargeBack, b.currency());
    }

    private static RuleCheck chargebackReversal(PaymentBalance b, Money amount, OpenOperations open) {
        long reversible = b.openChargebackMinor() - open.amount(OppPaymentType.CR);
        if (b.chargedBackMinor() == 0 || reversible <= 0) {
            return reject(
                    NO_CHARGEBACK,
                    b.chargedBackMinor() == 0
                            ? "there is no chargeback on this payment to reverse"
                            : "every chargeback on this payment was already reversed");
        }
        long toReverse = amount == null ? reversible : amount.getAmountMinor();
        if (toReverse > reversible) {
            return reject(
                    AMOUNT_EXCEEDS_CHARGEBACK,
                    "chargeback reversal of " + format(toReverse, b.currency()) + " exceeds the open chargebacks of "
                            + format(reversible, b.currency()));
        }
        return allowed(toReverse, b.currency());
    }

    private static RuleCheck receipt(PaymentBalance b, Money amount, OpenOperations open, boolean awaitingReceipt) {
        if (!awaitingReceipt || b.receiptConfirmedMinor() > 0 || open.has(OppPaymentType.RC)) {
            return reject(
                    NO_PENDING_RECEIPT,
                    "the payment does not await a receipt (it is " + b.state()
                            + (b.receiptConfirmedMinor() > 0 || open.has(OppPaymentType.RC)
                                    ? ", receipt already confirmed"
                                    : "")
                            + ")");
        }
        long expected = b.requestedMinor() == null ? 0 : b.requestedMinor();
        long toConfirm = amount == null ? expected : amount.getAmountMinor();
        if (toConfirm != expected) {
            return reject(
                    AMOUNT_MISMATCH,
                    "a receipt confirms the whole payment of " + format(expected, b.currency()) + ", not "
                            + format(toConfirm, b.currency()));
        }
        return allowed(toConfirm, b.currency());
    }

    private static RuleCheck allowed(long amountMinor, String currency) {
        return new RuleCheck.Allowed(amountMinor, currency, true);
    }

    private static RuleCheck.Rejected reject(OperationRejectionReason code, String reason) {
        return new RuleCheck.Rejected(code, reason);
    }

    private static String verb(OppPaymentType type) {
        return switch (type) {
            case CP -> "captured";
            case RV -> "reversed";
            case RF -> "refunded";
            case RB -> "rebilled";
            case CB -> "charged back";
            case CR -> "have a chargeback reversed";
            default -> "changed";
        };
    }

    private static String format(long minor, String currency) {
        try {
            return MoneyAmounts.format(minor, currency) + " " + currency;
        } catch (RuntimeException e) {
            return minor + " minor units of " + currency;
        }
    }
}

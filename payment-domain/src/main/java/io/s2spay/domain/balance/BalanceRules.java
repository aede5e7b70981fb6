package io.s2spay.domain.balance;

import io.s2spay.domain.lifecycle.PaymentLifecycle;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.domain.money.MoneyAmounts;

/**
 * The balance rules of the operations on a payment (ARCHITECTURE rule 4), in s2spay's words and stated once:
 * checked before any gateway is called. One capture of a pre-authorization and not above the authorized amount;
 * refunds in total not above what was captured; reversal only of an uncaptured pre-authorization; no refund, rebill
 * or second chargeback while a chargeback is open; chargeback reversal only after a chargeback; receipt only on a
 * payment awaiting one and for its whole amount; amounts positive and in the payment's currency. Where an operation
 * may start at all is the lifecycle's ({@link PaymentLifecycle#allows}); how much it may move is decided here.
 */
public final class BalanceRules {

    private BalanceRules() {}

    /** The rule a refused operation broke: its machine-readable code. */
    public enum Rule {
        /** The amount is zero or negative. */
        INVALID_AMOUNT,
        /** The amount is in another currency than the payment. */
        CURRENCY_MISMATCH,
        /** The operation needs an amount (a rebill) and has none. */
        AMOUNT_REQUIRED,
        /** The initial payment did not succeed (declined, failed, expired) or its outcome is not known yet. */
        PAYMENT_NOT_COMPLETED,
        /** A capture or reversal of a payment that is not a pre-authorization (PA). */
        NOT_A_PREAUTHORIZATION,
        /** A second capture: a pre-authorization is captured once. */
        ALREADY_CAPTURED,
        /** The pre-authorization was reversed: nothing left to capture or reverse. */
        ALREADY_REVERSED,
        /** A capture above the authorized amount. */
        AMOUNT_EXCEEDS_AUTHORIZED,
        /** A refund, rebill or chargeback on a payment whose money was never captured. */
        NOT_CAPTURED,
        /** Refunds (or chargebacks) above what was captured and is not already refunded or charged back. */
        AMOUNT_EXCEEDS_REFUNDABLE,
        /** Nothing left to refund or charge back. */
        NOTHING_TO_REFUND,
        /** A refund, rebill or second chargeback while a chargeback is open (the bank holds the money). */
        CHARGEBACK_OPEN,
        /** A receipt for another amount than the payment's: a receipt confirms the whole payment. */
        AMOUNT_MISMATCH,
        /** A chargeback reversal without a chargeback to reverse. */
        NO_CHARGEBACK,
        /** A chargeback reversal above the open chargebacks. */
        AMOUNT_EXCEEDS_CHARGEBACK,
        /** A receipt for a payment that does not await one. */
        NO_PENDING_RECEIPT
    }

    /**
     * The payment an operation is checked against.
     *
     * @param type its initial transaction, PA or DB
     * @param requestedMinor the amount the payment was requested for (null if not known)
     * @param captureCount how many captures succeeded
     * @param knownToGateway whether the gateway's id of the payment is known (an operation needs it)
     */
    public record Payment(
            TransactionType type,
            PaymentState state,
            String currency,
            Long requestedMinor,
            PaymentMovements movements,
            int captureCount,
            boolean knownToGateway) {}

    /**
     * Operations sent but not answered yet, by type. The rules count them as if they succeeded wherever that
     * restricts (a pending refund uses up refundable money, a pending capture blocks a second one) and never where
     * it would permit something.
     */
    public interface Pending {
        Pending NONE = new Pending() {
            @Override
            public boolean has(TransactionType type) {
                return false;
            }

            @Override
            public long amountMinor(TransactionType type) {
                return 0;
            }
        };

        boolean has(TransactionType type);

        long amountMinor(TransactionType type);
    }

    /** The verdict on one operation. */
    public sealed interface Verdict {

        /**
         * Allowed for {@code amountMinor}; {@code sendAmount} is false for a reversal, which the gateway applies to
         * the whole authorization without an amount.
         */
        record Allowed(long amountMinor, String currency, boolean sendAmount) implements Verdict {}

        /** Refused before the gateway is called. */
        record Refused(Rule rule, String reason) implements Verdict {}
    }

    /**
     * The verdict on an operation of {@code type} for {@code amountMinor} in {@code currency} (both null when the
     * operation names no amount) on {@code payment}, with the operations still {@code pending} on it, and whether
     * the payment awaits the bank's receipt.
     */
    public static Verdict check(
            TransactionType type,
            Long amountMinor,
            String currency,
            Payment payment,
            Pending pending,
            boolean awaitingReceipt) {
        if (type.isInitial()) {
            throw new IllegalArgumentException(type + " starts a payment; it is no operation on one");
        }
        if (amountMinor != null && amountMinor <= 0) {
            return refuse(Rule.INVALID_AMOUNT, "amount must be greater than zero, was " + amountMinor + " minor units");
        }
        if (amountMinor != null
                && payment.currency() != null
                && !payment.currency().equals(currency)) {
            return refuse(
                    Rule.CURRENCY_MISMATCH, "the payment is in " + payment.currency() + ", the command in " + currency);
        }
        if (type == TransactionType.RC) {
            return receipt(payment, amountMinor, pending, awaitingReceipt);
        }
        if (!payment.state().succeeded() || !payment.knownToGateway()) {
            return refuse(
                    Rule.PAYMENT_NOT_COMPLETED,
                    "the payment is " + payment.state() + "; only a successful payment can be " + verb(type));
        }
        return switch (type) {
            case CP -> capture(payment, amountMinor, pending);
            case RV -> reversal(payment, pending);
            case RF -> refund(payment, amountMinor, pending);
            case RB -> rebill(payment, amountMinor, pending);
            case CB -> chargeback(payment, amountMinor, pending);
            case CR -> chargebackReversal(payment, amountMinor, pending);
            case RC, PA, DB -> throw new IllegalArgumentException("not checked here: " + type);
        };
    }

    private static Verdict capture(Payment p, Long amountMinor, Pending pending) {
        PaymentMovements m = p.movements();
        if (p.type() != TransactionType.PA) {
            return refuse(
                    Rule.NOT_A_PREAUTHORIZATION,
                    "only a pre-authorization (PA) can be captured; this payment is " + p.type());
        }
        if (m.reversedMinor() > 0 || pending.has(TransactionType.RV)) {
            return refuse(Rule.ALREADY_REVERSED, "the pre-authorization was reversed");
        }
        if (p.captureCount() > 0 || pending.has(TransactionType.CP) || m.receiptMinor() > 0) {
            return refuse(
                    Rule.ALREADY_CAPTURED,
                    "the pre-authorization was already captured ("
                            + format(m.capturedMinor() + pending.amountMinor(TransactionType.CP), p.currency())
                            + "); it is captured once");
        }
        long toCapture = amountMinor == null ? m.authorizedMinor() : amountMinor;
        if (toCapture > m.authorizedMinor()) {
            return refuse(
                    Rule.AMOUNT_EXCEEDS_AUTHORIZED,
                    "capture of " + format(toCapture, p.currency()) + " exceeds the authorized "
                            + format(m.authorizedMinor(), p.currency()));
        }
        return allowed(toCapture, p.currency());
    }

    private static Verdict reversal(Payment p, Pending pending) {
        PaymentMovements m = p.movements();
        if (p.type() != TransactionType.PA) {
            return refuse(
                    Rule.NOT_A_PREAUTHORIZATION,
                    "only an uncaptured pre-authorization (PA) can be reversed; this payment is " + p.type()
                            + " (refund it instead)");
        }
        if (m.reversedMinor() > 0 || pending.has(TransactionType.RV)) {
            return refuse(Rule.ALREADY_REVERSED, "the pre-authorization was already reversed");
        }
        if (p.captureCount() > 0 || pending.has(TransactionType.CP) || m.receiptMinor() > 0) {
            return refuse(
                    Rule.ALREADY_CAPTURED, "the pre-authorization was captured; refund it instead of reversing it");
        }
        return new Verdict.Allowed(m.authorizedMinor(), p.currency(), false);
    }

    private static Verdict refund(Payment p, Long amountMinor, Pending pending) {
        PaymentMovements m = p.movements();
        if (m.settledMinor() == 0) {
            return refuse(
                    Rule.NOT_CAPTURED,
                    "nothing was captured on this payment, so nothing can be refunded"
                            + (p.type() == TransactionType.PA ? " (reverse the pre-authorization instead)" : ""));
        }
        if (m.openChargebackMinor() > 0 || pending.has(TransactionType.CB)) {
            return refuse(
                    Rule.CHARGEBACK_OPEN,
                    "a chargeback of " + format(m.openChargebackMinor(), p.currency())
                            + " is open on this payment: the bank already returned that money to the shopper");
        }
        long refundable = m.refundableMinor() - pending.amountMinor(TransactionType.RF);
        if (refundable <= 0) {
            return refuse(Rule.NOTHING_TO_REFUND, "everything captured was already refunded");
        }
        long toRefund = amountMinor == null ? refundable : amountMinor;
        if (toRefund > refundable) {
            return refuse(
                    Rule.AMOUNT_EXCEEDS_REFUNDABLE,
                    "refund of " + format(toRefund, p.currency())
                            + " exceeds the refundable " + format(refundable, p.currency()) + " (captured "
                            + format(m.settledMinor(), p.currency()) + ", refunded "
                            + format(m.refundedMinor(), p.currency())
                            + ", charged back " + format(m.openChargebackMinor(), p.currency()) + ")");
        }
        return allowed(toRefund, p.currency());
    }

    private static Verdict rebill(Payment p, Long amountMinor, Pending pending) {
        PaymentMovements m = p.movements();
        if (amountMinor == null) {
            return refuse(Rule.AMOUNT_REQUIRED, "a rebill needs the amount to charge");
        }
        if (m.settledMinor() == 0) {
            return refuse(Rule.NOT_CAPTURED, "only a processed (captured or debited) payment can be rebilled");
        }
        if (m.openChargebackMinor() > 0 || pending.has(TransactionType.CB)) {
            return refuse(Rule.CHARGEBACK_OPEN, "a chargeback is open on this payment; it cannot be rebilled");
        }
        return allowed(amountMinor, p.currency());
    }

    private static Verdict chargeback(Payment p, Long amountMinor, Pending pending) {
        PaymentMovements m = p.movements();
        if (m.settledMinor() == 0) {
            return refuse(Rule.NOT_CAPTURED, "nothing was captured on this payment, so nothing can be charged back");
        }
        if (m.openChargebackMinor() > 0 || pending.has(TransactionType.CB)) {
            return refuse(Rule.CHARGEBACK_OPEN, "a chargeback is already open on this payment (one at a time)");
        }
        long chargeable = m.refundableMinor() - pending.amountMinor(TransactionType.RF);
        if (chargeable <= 0) {
            return refuse(Rule.NOTHING_TO_REFUND, "everything captured was already refunded");
        }
        long toChargeBack = amountMinor == null ? chargeable : amountMinor;
        if (toChargeBack > chargeable) {
            return refuse(
                    Rule.AMOUNT_EXCEEDS_REFUNDABLE,
                    "chargeback of " + format(toChargeBack, p.currency()) + " exceeds the "
                            + format(chargeable, p.currency()) + " captured and not refunded");
        }
        return allowed(toChargeBack, p.currency());
    }

    private static Verdict chargebackReversal(Payment p, Long amountMinor, Pending pending) {
        PaymentMovements m = p.movements();
        long reversible = m.openChargebackMinor() - pending.amountMinor(TransactionType.CR);
        if (m.chargedBackMinor() == 0 || reversible <= 0) {
            return refuse(
                    Rule.NO_CHARGEBACK,
                    m.chargedBackMinor() == 0
                            ? "there is no chargeback on this payment to reverse"
                            : "every chargeback on this payment was already reversed");
        }
        long toReverse = amountMinor == null ? reversible : amountMinor;
        if (toReverse > reversible) {
            return refuse(
                    Rule.AMOUNT_EXCEEDS_CHARGEBACK,
                    "chargeback reversal of " + format(toReverse, p.currency()) + " exceeds the open chargebacks of "
                            + format(reversible, p.currency()));
        }
        return allowed(toReverse, p.currency());
    }

    private static Verdict receipt(Payment p, Long amountMinor, Pending pending, boolean awaitingReceipt) {
        PaymentMovements m = p.movements();
        if (!awaitingReceipt || m.receiptMinor() > 0 || pending.has(TransactionType.RC)) {
            return refuse(
                    Rule.NO_PENDING_RECEIPT,
                    "the payment does not await a receipt (it is " + p.state()
                            + (m.receiptMinor() > 0 || pending.has(TransactionType.RC)
                                    ? ", receipt already confirmed"
                                    : "")
                            + ")");
        }
        long expected = p.requestedMinor() == null ? 0 : p.requestedMinor();
        long toConfirm = amountMinor == null ? expected : amountMinor;
        if (toConfirm != expected) {
            return refuse(
                    Rule.AMOUNT_MISMATCH,
                    "a receipt confirms the whole payment of " + format(expected, p.currency()) + ", not "
                            + format(toConfirm, p.currency()));
        }
        return allowed(toConfirm, p.currency());
    }

    private static Verdict allowed(long amountMinor, String currency) {
        return new Verdict.Allowed(amountMinor, currency, true);
    }

    private static Verdict.Refused refuse(Rule rule, String reason) {
        return new Verdict.Refused(rule, reason);
    }

    private static String verb(TransactionType type) {
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

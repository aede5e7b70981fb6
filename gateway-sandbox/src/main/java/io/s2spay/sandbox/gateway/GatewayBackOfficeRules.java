package io.s2spay.sandbox.gateway;

import io.s2spay.sandbox.SandboxProperties;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The gateway's rules for back-office operations on a payment tree: whether an operation is allowed and for which
 * amount, or the OPP reference-validation code (700.x) that refuses it.
 */
public final class GatewayBackOfficeRules {

    private static final Set<PaymentType> CHARGES =
            EnumSet.of(PaymentType.PA, PaymentType.DB, PaymentType.CP, PaymentType.RB, PaymentType.RC);
    private static final Set<PaymentType> REVERSIBLE =
            EnumSet.of(PaymentType.PA, PaymentType.DB, PaymentType.CP, PaymentType.RB);

    /** The amount an allowed operation moves, or the code it is refused with. */
    public record Decision(long amountMinor, String refusal) {

        static Decision allow(long amount) {
            return new Decision(amount, null);
        }

        static Decision refuse(String code) {
            return new Decision(0, code);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    private GatewayBackOfficeRules() {}

    /**
     * Decides an operation.
     *
     * @param referenced the transaction the request names in its path
     * @param root the initial payment of its tree
     */
    public static Decision decide(
            BackOfficeRequest request,
            Transaction referenced,
            Transaction root,
            TreeBalances balances,
            SandboxProperties.Rules rules,
            Instant now) {
        PaymentType type = request.paymentType();
        if (request.currency() != null && !request.currency().equals(root.currency())) {
            return Decision.refuse(GatewayResultCodes.CURRENCY_MISMATCH);
        }
        boolean receiptAwaited = root.state() == TransactionState.AWAITING_RECEIPT;
        if (root.state().isPending() && !(type == PaymentType.RC && receiptAwaited)) {
            return Decision.refuse(GatewayResultCodes.REFERENCES_PENDING);
        }
        if (referenced.state() == TransactionState.REJECTED) {
            return Decision.refuse(GatewayResultCodes.REFERENCED_REJECTED);
        }
        Long requested = request.amountMinor();
        return switch (type) {
            case CP -> capture(referenced, root, balances, requested, rules, now);
            case RV -> reverse(referenced, balances, requested, rules, now);
            case RF -> refund(referenced, balances, requested);
            case RB -> rebill(referenced, balances, requested);
            case CB -> chargeback(referenced, balances, requested);
            case CR -> chargebackReversal(balances, requested);
            case RC -> receipt(root, requested);
            case PA, DB -> throw new IllegalArgumentException("not a back-office type: " + type);
        };
    }

    private static Decision capture(
            Transaction referenced,
            Transaction root,
            TreeBalances balances,
            Long amount,
            SandboxProperties.Rules rules,
            Instant now) {
        if (!referenced.isRoot() || root.paymentType() != PaymentType.PA) {
            return Decision.refuse(GatewayResultCodes.CAPTURE_NEEDS_PA);
        }
        if (!root.paymentBrand().isCard()) {
            return Decision.refuse(GatewayResultCodes.CAPTURE_NOT_SUPPORTED);
        }
        if (balances.reversed()) {
            return Decision.refuse(GatewayResultCodes.CANNOT_CAPTURE);
        }
        if (balances.captures() > 0) {
            return Decision.refuse(GatewayResultCodes.ALREADY_PROCESSED);
        }
        if (amount > balances.authorized()) {
            return Decision.refuse(GatewayResultCodes.CANNOT_CAPTURE);
        }
        if (now.isAfter(root.updatedAt().plus(rules.authorizationValidity()))) {
            return Decision.refuse(GatewayResultCodes.CAPTURE_CUT_OFF);
        }
        return Decision.allow(amount);
    }

    private static Decision reverse(
            Transaction referenced, TreeBalances balances, Long amount, SandboxProperties.Rules rules, Instant now) {
        if (!REVERSIBLE.contains(referenced.paymentType())) {
            return Decision.refuse(GatewayResultCodes.INAPPROPRIATE_REFERENCE_TYPE);
        }
        if (balances.reversed()) {
            return Decision.refuse(GatewayResultCodes.ALREADY_PROCESSED);
        }
        if (balances.chargedBack() > 0) {
            return Decision.refuse(GatewayResultCodes.WAS_CHARGEBACKED);
        }
        if (balances.refunded() > 0) {
            return Decision.refuse(GatewayResultCodes.CANNOT_REVERSE);
        }
        long reversible = balances.captured() > 0 ? balances.captured() : balances.authorized();
        if (reversible == 0) {
            return Decision.refuse("700.400.530");
        }
        if (amount != null && amount != reversible) {
            return Decision.refuse(GatewayResultCodes.NON_MATCHING_REFERENCE_AMOUNT);
        }
        if (balances.captured() > 0 && now.isAfter(balances.lastChargeAt().plus(rules.reversalWindow()))) {
            return Decision.refuse(GatewayResultCodes.REVERSAL_NOT_POSSIBLE_ANYMORE);
        }
        return Decision.allow(reversible);
    }

    private static Decision refund(Transaction referenced, TreeBalances balances, Long amount) {
        if (!CHARGES.contains(referenced.paymentType())) {
            return Decision.refuse(GatewayResultCodes.INAPPROPRIATE_REFERENCE_TYPE);
        }
        if (balances.reversed()) {
            return Decision.refuse(GatewayResultCodes.CANNOT_REFUND);
        }
        if (balances.captured() == 0) {
            return Decision.refuse(GatewayResultCodes.REFUND_NEEDS_CAPTURE);
        }
        if (balances.activeChargeback() > 0) {
            return Decision.refuse(GatewayResultCodes.WAS_CHARGEBACKED);
        }
        if (amount > balances.refundable()) {
            return Decision.refuse(GatewayResultCodes.CANNOT_REFUND);
        }
        return Decision.allow(amount);
    }

    private static Decision rebill(Transaction referenced, TreeBalances balances, Long amount) {
        if (!CHARGES.contains(referenced.paymentType()) || balances.captured() == 0) {
            return Decision.refuse(GatewayResultCodes.INAPPROPRIATE_REFERENCE_TYPE);
        }
        if (balances.reversed()) {
            return Decision.refuse(GatewayResultCodes.ALREADY_PROCESSED);
        }
        if (balances.activeChargeback() > 0) {
            return Decision.refuse(GatewayResultCodes.WAS_CHARGEBACKED);
        }
        return Decision.allow(amount);
    }

    private static Decision chargeback(Transaction referenced, TreeBalances balances, Long amount) {
        if (!CHARGES.contains(referenced.paymentType())) {
            return Decision.refuse(GatewayResultCodes.INAPPROPRIATE_REFERENCE_TYPE);
        }
        if (balances.reversed()) {
            return Decision.refuse(GatewayResultCodes.CANNOT_CHARGEBACK);
        }
        if (balances.captured() == 0) {
            return Decision.refuse(GatewayResultCodes.CHARGEBACK_NEEDS_CAPTURE);
        }
        if (balances.activeChargeback() > 0) {
            return Decision.refuse(GatewayResultCodes.MULTIPLE_CHARGEBACKS);
        }
        long disputable = balances.refundable();
        if (disputable == 0) {
            return Decision.refuse(GatewayResultCodes.CANNOT_CHARGEBACK);
        }
        long charged = amount != null ? amount : disputable;
        if (charged > disputable) {
            return Decision.refuse(GatewayResultCodes.AMOUNT_TOO_LARGE);
        }
        return Decision.allow(charged);
    }

    private static Decision chargebackReversal(TreeBalances balances, Long amount) {
        if (balances.chargedBack() == 0) {
            return Decision.refuse(GatewayResultCodes.NO_CHARGEBACK_TO_REVERSE);
        }
        if (balances.activeChargeback() == 0) {
            return Decision.refuse(GatewayResultCodes.CHARGEBACK_ALREADY_REVERSED);
        }
        long reversed = amount != null ? amount : balances.activeChargeback();
        if (reversed > balances.activeChargeback()) {
            return Decision.refuse(GatewayResultCodes.AMOUNT_TOO_LARGE);
        }
        return Decision.allow(reversed);
    }

    private static Decision receipt(Transaction root, Long amount) {
        if (root.state() != TransactionState.AWAITING_RECEIPT) {
            return Decision.refuse(GatewayResultCodes.RECEIPT_NEEDS_PENDING_RECEIPT);
        }
        if (amount != null && amount != root.amountMinor()) {
            return Decision.refuse(GatewayResultCodes.NON_MATCHING_REFERENCE_AMOUNT);
        }
        return Decision.allow(root.amountMinor());
    }
}

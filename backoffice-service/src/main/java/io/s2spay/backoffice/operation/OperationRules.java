package io.s2spay.backoffice.operation;

import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.domain.balance.BalanceRules;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.schema.Money;

/**
 * Back-office's use of the balance rules, which are stated once in {@code payment-domain}
 * ({@link BalanceRules}): the payment must be the merchant's, then the command, its balance and the operations still
 * open on it are handed to the rules and the verdict put in the rejection's words.
 */
final class OperationRules {

    private OperationRules() {}

    /**
     * The verdict on {@code command} sent along {@code route}: the payment must be the merchant's (so another
     * merchant learns nothing of its gateway), then its gateway account must be able to take the operation, then the
     * balance rules hold ({@link #check(BackofficeCommand, PaymentBalance, OpenOperations, boolean)}). What the
     * gateway cannot do comes before the balances: it will never be possible on this payment, whatever they become.
     */
    static RuleCheck check(
            BackofficeCommand command,
            PaymentBalance balance,
            OperationRoute route,
            OpenOperations open,
            boolean awaitingReceipt) {
        if (balance != null
                && balance.merchantId().equals(command.merchantId())
                && route instanceof OperationRoute.Refused refused) {
            return new RuleCheck.Rejected(refused.reasonCode(), refused.reason());
        }
        return check(command, balance, open, awaitingReceipt);
    }

    /**
     * The verdict on {@code command} for a payment with {@code balance} (null if unknown), the operations still open
     * on it, and whether the gateway reports the payment as awaiting the bank's receipt.
     */
    static RuleCheck check(
            BackofficeCommand command, PaymentBalance balance, OpenOperations open, boolean awaitingReceipt) {
        if (balance == null || !balance.merchantId().equals(command.merchantId())) {
            return new RuleCheck.Rejected(
                    OperationRejectionReason.PAYMENT_NOT_FOUND,
                    "no payment " + command.paymentId() + " for merchant " + command.merchantId());
        }
        Money amount = command.amount();
        BalanceRules.Verdict verdict = BalanceRules.check(
                command.operationType(),
                amount == null ? null : amount.getAmountMinor(),
                amount == null ? null : amount.getCurrency(),
                balance.forBalanceRules(),
                pending(open),
                awaitingReceipt);
        return switch (verdict) {
            case BalanceRules.Verdict.Allowed allowed ->
                new RuleCheck.Allowed(allowed.amountMinor(), allowed.currency(), allowed.sendAmount());
            case BalanceRules.Verdict.Refused refused ->
                new RuleCheck.Rejected(OperationRejectionReason.of(refused.rule()), refused.reason());
        };
    }

    private static BalanceRules.Pending pending(OpenOperations open) {
        return new BalanceRules.Pending() {
            @Override
            public boolean has(TransactionType type) {
                return open.has(type);
            }

            @Override
            public long amountMinor(TransactionType type) {
                return open.amount(type);
            }
        };
    }
}

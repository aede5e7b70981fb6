package io.s2spay.domain.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.balance.BalanceRules.Rule;
import io.s2spay.domain.balance.BalanceRules.Verdict;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The balance rules in the domain's words. Back-office's {@code OperationRulesTest} checks every rule again through
 * the service's command and balance.
 */
class BalanceRulesTest {

    private static BalanceRules.Payment authorized(long minor, PaymentMovements movements, int captures) {
        return new BalanceRules.Payment(
                TransactionType.PA, PaymentState.AUTHORIZED, "EUR", minor, movements, captures, true);
    }

    private static BalanceRules.Payment debited(long minor, PaymentMovements movements) {
        return new BalanceRules.Payment(TransactionType.DB, PaymentState.DEBITED, "EUR", minor, movements, 0, true);
    }

    private static Verdict check(TransactionType type, Long minor, BalanceRules.Payment payment) {
        return BalanceRules.check(type, minor, minor == null ? null : "EUR", payment, BalanceRules.Pending.NONE, false);
    }

    private static void assertRefused(Verdict verdict, Rule rule) {
        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Verdict.Refused.class,
                        refused ->
                                assertThat(refused.rule()).as(refused.reason()).isEqualTo(rule));
    }

    @Test
    void aCaptureIsAtMostTheAuthorizedAmountAndHappensOnce() {
        PaymentMovements reserved = PaymentMovements.NONE.plus(PaymentMovements.Kind.AUTHORIZED, 10_000);

        assertThat(check(TransactionType.CP, null, authorized(10_000, reserved, 0)))
                .isEqualTo(new Verdict.Allowed(10_000, "EUR", true));
        assertRefused(
                check(TransactionType.CP, 10_001L, authorized(10_000, reserved, 0)), Rule.AMOUNT_EXCEEDS_AUTHORIZED);
        PaymentMovements captured = reserved.plus(PaymentMovements.Kind.CAPTURED, 4_000);
        assertRefused(check(TransactionType.CP, 1_000L, authorized(10_000, captured, 1)), Rule.ALREADY_CAPTURED);
        assertRefused(
                check(TransactionType.CP, 1_000L, debited(10_000, debitedOf(10_000))), Rule.NOT_A_PREAUTHORIZATION);
    }

    @Test
    void refundsInTotalAreAtMostWhatWasSettledCountingThosePending() {
        BalanceRules.Payment payment = debited(10_000, debitedOf(10_000).plus(PaymentMovements.Kind.REFUNDED, 6_000));
        BalanceRules.Pending refundPending = pending(Map.of(TransactionType.RF, 3_000L));

        assertThat(BalanceRules.check(TransactionType.RF, 1_000L, "EUR", payment, refundPending, false))
                .isEqualTo(new Verdict.Allowed(1_000, "EUR", true));
        assertRefused(
                BalanceRules.check(TransactionType.RF, 1_001L, "EUR", payment, refundPending, false),
                Rule.AMOUNT_EXCEEDS_REFUNDABLE);
    }

    @Test
    void nothingIsRefundedOrRebilledWhileAChargebackIsOpen() {
        BalanceRules.Payment payment =
                debited(10_000, debitedOf(10_000).plus(PaymentMovements.Kind.CHARGED_BACK, 10_000));

        assertRefused(check(TransactionType.RF, 100L, payment), Rule.CHARGEBACK_OPEN);
        assertRefused(check(TransactionType.RB, 100L, payment), Rule.CHARGEBACK_OPEN);
        assertRefused(check(TransactionType.CB, 100L, payment), Rule.CHARGEBACK_OPEN);
        assertThat(check(TransactionType.CR, null, payment)).isEqualTo(new Verdict.Allowed(10_000, "EUR", true));
    }

    @Test
    void aReceiptConfirmsTheWholeAmountOfAPaymentAwaitingOne() {
        BalanceRules.Payment awaiting = new BalanceRules.Payment(
                TransactionType.DB, PaymentState.AWAITING_RECEIPT, "EUR", 9_200L, PaymentMovements.NONE, 0, true);

        assertThat(BalanceRules.check(TransactionType.RC, null, null, awaiting, BalanceRules.Pending.NONE, true))
                .isEqualTo(new Verdict.Allowed(9_200, "EUR", true));
        assertRefused(
                BalanceRules.check(TransactionType.RC, 9_000L, "EUR", awaiting, BalanceRules.Pending.NONE, true),
                Rule.AMOUNT_MISMATCH);
        assertRefused(
                BalanceRules.check(TransactionType.RC, null, null, awaiting, BalanceRules.Pending.NONE, false),
                Rule.NO_PENDING_RECEIPT);
    }

    @Test
    void anOperationNeedsASuccessfulPaymentTheGatewayKnows() {
        BalanceRules.Payment declined = new BalanceRules.Payment(
                TransactionType.DB, PaymentState.DECLINED, "EUR", 100L, PaymentMovements.NONE, 0, true);
        BalanceRules.Payment unknownToGateway = new BalanceRules.Payment(
                TransactionType.DB, PaymentState.DEBITED, "EUR", 100L, debitedOf(100), 0, false);

        assertRefused(check(TransactionType.RF, 100L, declined), Rule.PAYMENT_NOT_COMPLETED);
        assertRefused(check(TransactionType.RF, 100L, unknownToGateway), Rule.PAYMENT_NOT_COMPLETED);
        assertRefused(check(TransactionType.RF, 0L, debited(100, debitedOf(100))), Rule.INVALID_AMOUNT);
        assertRefused(
                BalanceRules.check(
                        TransactionType.RF,
                        100L,
                        "USD",
                        debited(100, debitedOf(100)),
                        BalanceRules.Pending.NONE,
                        false),
                Rule.CURRENCY_MISMATCH);
        assertThatThrownBy(() -> check(TransactionType.DB, 100L, debited(100, debitedOf(100))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DB starts a payment; it is no operation on one");
    }

    private static PaymentMovements debitedOf(long minor) {
        return PaymentMovements.NONE.plus(PaymentMovements.Kind.DEBITED, minor);
    }

    private static BalanceRules.Pending pending(Map<TransactionType, Long> amounts) {
        return new BalanceRules.Pending() {
            @Override
            public boolean has(TransactionType type) {
                return amounts.containsKey(type);
            }

            @Override
            public long amountMinor(TransactionType type) {
                return amounts.getOrDefault(type, 0L);
            }
        };
    }
}

package io.s2spay.backoffice.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.schema.Money;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationRulesTest {

    private static final String MERCHANT = "merchant-demo";

    // --- common rules -------------------------------------------------------------------------------------------

    @Test
    void rejectsAnOperationOnAnUnknownPayment() {
        assertRejected(check(TransactionType.CP, eur(100), null), OperationRejectionReason.PAYMENT_NOT_FOUND);
    }

    @Test
    void rejectsAnOperationOnAnotherMerchantsPaymentAsIfItDidNotExist() {
        PaymentBalance others = preauthorization(10_000).withMerchant("merchant-other");

        assertRejected(check(TransactionType.CP, eur(100), others), OperationRejectionReason.PAYMENT_NOT_FOUND);
    }

    @Test
    void rejectsZeroAndNegativeAmounts() {
        assertRejected(
                check(TransactionType.CP, eur(0), preauthorization(10_000).build()),
                OperationRejectionReason.INVALID_AMOUNT);
        assertRejected(
                check(TransactionType.RF, eur(-5), debit(10_000).build()), OperationRejectionReason.INVALID_AMOUNT);
    }

    @Test
    void rejectsAnAmountInAnotherCurrency() {
        assertRejected(
                check(TransactionType.RF, new Money(100L, "USD"), debit(10_000).build()),
                OperationRejectionReason.CURRENCY_MISMATCH);
    }

    @Test
    void rejectsOperationsOnAPaymentThatDidNotSucceed() {
        for (PaymentState state : new PaymentState[] {
            PaymentState.DECLINED,
            PaymentState.FAILED,
            PaymentState.EXPIRED,
            PaymentState.REDIRECT_PENDING,
            PaymentState.UNKNOWN,
            PaymentState.REQUESTED
        }) {
            assertRejected(
                    check(
                            TransactionType.RF,
                            eur(100),
                            debit(10_000).state(state).build()),
                    OperationRejectionReason.PAYMENT_NOT_COMPLETED);
        }
    }

    // --- capture ------------------------------------------------------------------------------------------------

    @Test
    void capturesTheWholeAuthorizationWhenNoAmountIsGiven() {
        assertAllowed(check(TransactionType.CP, null, preauthorization(9_200).build()), 9_200);
    }

    @Test
    void capturesPartOfTheAuthorization() {
        assertAllowed(
                check(TransactionType.CP, eur(5_000), preauthorization(9_200).build()), 5_000);
    }

    @Test
    void rejectsCaptureAboveAuthorizedAmount() {
        assertRejected(
                check(TransactionType.CP, eur(9_201), preauthorization(9_200).build()),
                OperationRejectionReason.AMOUNT_EXCEEDS_AUTHORIZED);
    }

    @Test
    void rejectsASecondCapture() {
        assertRejected(
                check(
                        TransactionType.CP,
                        eur(100),
                        preauthorization(9_200).captured(1_000).build()),
                OperationRejectionReason.ALREADY_CAPTURED);
    }

    @Test
    void rejectsACaptureWhileAnotherIsStillUnresolved() {
        var open = OpenOperations.of(Map.of(TransactionType.CP, 9_200L));

        assertRejected(
                OperationRules.check(
                        command(TransactionType.CP, eur(100)),
                        preauthorization(9_200).build(),
                        open,
                        false),
                OperationRejectionReason.ALREADY_CAPTURED);
    }

    @Test
    void rejectsCaptureOfADebit() {
        assertRejected(
                check(TransactionType.CP, eur(100), debit(9_200).build()),
                OperationRejectionReason.NOT_A_PREAUTHORIZATION);
    }

    @Test
    void rejectsCaptureAfterAReversal() {
        assertRejected(
                check(
                        TransactionType.CP,
                        eur(100),
                        preauthorization(9_200).reversed(9_200).build()),
                OperationRejectionReason.ALREADY_REVERSED);
    }

    // --- reversal -----------------------------------------------------------------------------------------------

    @Test
    void reversesTheWholeUncapturedAuthorizationWithoutSendingAnAmount() {
        RuleCheck verdict =
                check(TransactionType.RV, null, preauthorization(9_200).build());

        assertThat(verdict).isEqualTo(new RuleCheck.Allowed(9_200, "EUR", false));
    }

    @Test
    void rejectsReversalOfACapturedAuthorization() {
        assertRejected(
                check(
                        TransactionType.RV,
                        null,
                        preauthorization(9_200).captured(9_200).build()),
                OperationRejectionReason.ALREADY_CAPTURED);
    }

    @Test
    void rejectsReversalOfADebit() {
        assertRejected(
                check(TransactionType.RV, null, debit(9_200).build()), OperationRejectionReason.NOT_A_PREAUTHORIZATION);
    }

    @Test
    void rejectsASecondReversal() {
        assertRejected(
                check(
                        TransactionType.RV,
                        null,
                        preauthorization(9_200).reversed(9_200).build()),
                OperationRejectionReason.ALREADY_REVERSED);
    }

    // --- refund -------------------------------------------------------------------------------------------------

    @Test
    void refundsWhatRemainsWhenNoAmountIsGiven() {
        assertAllowed(
                check(TransactionType.RF, null, debit(10_000).refunded(2_500).build()), 7_500);
    }

    @Test
    void refundsInTotalUpToTheCapturedAmount() {
        assertAllowed(
                check(
                        TransactionType.RF,
                        eur(7_500),
                        debit(10_000).refunded(2_500).build()),
                7_500);
        assertRejected(
                check(
                        TransactionType.RF,
                        eur(7_501),
                        debit(10_000).refunded(2_500).build()),
                OperationRejectionReason.AMOUNT_EXCEEDS_REFUNDABLE);
    }

    @Test
    void countsRefundsStillUnresolvedAgainstTheRefundableAmount() {
        var open = OpenOperations.of(Map.of(TransactionType.RF, 6_000L));

        assertRejected(
                OperationRules.check(
                        command(TransactionType.RF, eur(5_000)), debit(10_000).build(), open, false),
                OperationRejectionReason.AMOUNT_EXCEEDS_REFUNDABLE);
    }

    @Test
    void refundsWhatACaptureAndARebillTook() {
        assertAllowed(
                check(
                        TransactionType.RF,
                        null,
                        preauthorization(9_200).captured(5_000).rebilled(1_000).build()),
                6_000);
    }

    @Test
    void rejectsRefundOfAnUncapturedAuthorization() {
        assertRejected(
                check(TransactionType.RF, eur(100), preauthorization(9_200).build()),
                OperationRejectionReason.NOT_CAPTURED);
    }

    @Test
    void rejectsRefundWhenEverythingWasRefunded() {
        assertRejected(
                check(TransactionType.RF, null, debit(10_000).refunded(10_000).build()),
                OperationRejectionReason.NOTHING_TO_REFUND);
    }

    @Test
    void rejectsRefundWhileAChargebackIsOpen() {
        assertRejected(
                check(
                        TransactionType.RF,
                        eur(100),
                        debit(10_000).chargedBack(10_000).build()),
                OperationRejectionReason.CHARGEBACK_OPEN);
    }

    @Test
    void countsANonInstantDebitAndItsReceiptOnce() {
        assertAllowed(
                check(TransactionType.RF, null, debit(10_000).receipt(10_000).build()), 10_000);
    }

    // --- rebill -------------------------------------------------------------------------------------------------

    @Test
    void rebillsAProcessedPayment() {
        assertAllowed(check(TransactionType.RB, eur(1_500), debit(10_000).build()), 1_500);
    }

    @Test
    void rejectsRebillWithoutAmount() {
        assertRejected(
                check(TransactionType.RB, null, debit(10_000).build()), OperationRejectionReason.AMOUNT_REQUIRED);
    }

    @Test
    void rejectsRebillOfAnUncapturedAuthorization() {
        assertRejected(
                check(TransactionType.RB, eur(100), preauthorization(9_200).build()),
                OperationRejectionReason.NOT_CAPTURED);
    }

    // --- chargeback and its reversal ----------------------------------------------------------------------------

    @Test
    void chargesBackUpToWhatWasCapturedAndNotRefunded() {
        assertAllowed(
                check(TransactionType.CB, null, debit(10_000).refunded(4_000).build()), 6_000);
        assertRejected(
                check(
                        TransactionType.CB,
                        eur(6_001),
                        debit(10_000).refunded(4_000).build()),
                OperationRejectionReason.AMOUNT_EXCEEDS_REFUNDABLE);
    }

    @Test
    void rejectsASecondOpenChargeback() {
        assertRejected(
                check(
                        TransactionType.CB,
                        eur(100),
                        debit(10_000).chargedBack(5_000).build()),
                OperationRejectionReason.CHARGEBACK_OPEN);
    }

    @Test
    void reversesAChargebackUpToItsAmount() {
        assertAllowed(
                check(TransactionType.CR, null, debit(10_000).chargedBack(5_000).build()), 5_000);
        assertRejected(
                check(
                        TransactionType.CR,
                        eur(5_001),
                        debit(10_000).chargedBack(5_000).build()),
                OperationRejectionReason.AMOUNT_EXCEEDS_CHARGEBACK);
    }

    @Test
    void rejectsChargebackReversalWithoutAChargeback() {
        assertRejected(
                check(TransactionType.CR, eur(100), debit(10_000).build()), OperationRejectionReason.NO_CHARGEBACK);
    }

    @Test
    void rejectsChargebackReversalOnceTheChargebackWasReversed() {
        assertRejected(
                check(
                        TransactionType.CR,
                        null,
                        debit(10_000)
                                .chargedBack(5_000)
                                .chargebackReversed(5_000)
                                .build()),
                OperationRejectionReason.NO_CHARGEBACK);
    }

    // --- receipt ------------------------------------------------------------------------------------------------

    @Test
    void confirmsTheReceiptOfAPaymentAwaitingItForItsWholeAmount() {
        PaymentBalance awaiting =
                preauthorization(9_200).state(PaymentState.REDIRECT_PENDING).build();

        assertAllowed(
                OperationRules.check(command(TransactionType.RC, null), awaiting, OpenOperations.NONE, true), 9_200);
        assertRejected(
                OperationRules.check(command(TransactionType.RC, eur(100)), awaiting, OpenOperations.NONE, true),
                OperationRejectionReason.AMOUNT_MISMATCH);
    }

    @Test
    void rejectsAReceiptOnAPaymentNotAwaitingOne() {
        assertRejected(
                OperationRules.check(
                        command(TransactionType.RC, null), debit(9_200).build(), OpenOperations.NONE, false),
                OperationRejectionReason.NO_PENDING_RECEIPT);
    }

    @Test
    void rejectsASecondReceipt() {
        PaymentBalance confirmed = preauthorization(9_200)
                .state(PaymentState.REDIRECT_PENDING)
                .receipt(9_200)
                .build();

        assertRejected(
                OperationRules.check(command(TransactionType.RC, null), confirmed, OpenOperations.NONE, true),
                OperationRejectionReason.NO_PENDING_RECEIPT);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static RuleCheck check(TransactionType type, Money amount, PaymentBalance balance) {
        return OperationRules.check(command(type, amount), balance, OpenOperations.NONE, false);
    }

    private static BackofficeCommand command(TransactionType type, Money amount) {
        return new BackofficeCommand(
                "msg-1", "pay_1", MERCHANT, "corr-1", Instant.now(), "Command", type, "op-1", amount);
    }

    private static Money eur(long minor) {
        return new Money(minor, "EUR");
    }

    private static void assertRejected(RuleCheck verdict, OperationRejectionReason reason) {
        assertThat(verdict).isInstanceOfSatisfying(RuleCheck.Rejected.class, rejected -> {
            assertThat(rejected.reasonCode()).isEqualTo(reason);
            assertThat(rejected.reason()).isNotBlank();
        });
    }

    private static void assertAllowed(RuleCheck verdict, long amountMinor) {
        assertThat(verdict).isInstanceOfSatisfying(RuleCheck.Allowed.class, allowed -> {
            assertThat(allowed.amountMinor()).isEqualTo(amountMinor);
            assertThat(allowed.currency()).isEqualTo("EUR");
        });
    }

    private static Balance preauthorization(long authorized) {
        Balance b = new Balance("PA", PaymentState.AUTHORIZED, authorized);
        b.authorized = authorized;
        return b;
    }

    private static Balance debit(long amount) {
        Balance b = new Balance("DB", PaymentState.DEBITED, amount);
        b.debited = amount;
        return b;
    }

    /** A balance built step by step, as the events would have made it. */
    private static final class Balance {
        private final String type;
        private final long requested;
        private PaymentState state;
        private String merchant = MERCHANT;
        private long authorized;
        private long debited;
        private long captured;
        private int captures;
        private long reversed;
        private long refunded;
        private long rebilled;
        private long chargedBack;
        private long chargebackReversed;
        private long receipt;

        Balance(String type, PaymentState state, long requested) {
            this.type = type;
            this.state = state;
            this.requested = requested;
        }

        Balance state(PaymentState value) {
            state = value;
            return this;
        }

        Balance captured(long value) {
            captured = value;
            captures = 1;
            return this;
        }

        Balance reversed(long value) {
            reversed = value;
            return this;
        }

        Balance refunded(long value) {
            refunded = value;
            return this;
        }

        Balance rebilled(long value) {
            rebilled = value;
            return this;
        }

        Balance chargedBack(long value) {
            chargedBack = value;
            return this;
        }

        Balance chargebackReversed(long value) {
            chargebackReversed = value;
            return this;
        }

        Balance receipt(long value) {
            receipt = value;
            return this;
        }

        PaymentBalance withMerchant(String value) {
            merchant = value;
            return build();
        }

        PaymentBalance build() {
            return new PaymentBalance(
                    "pay_1",
                    merchant,
                    type,
                    "EUR",
                    requested,
                    "mtid-1",
                    "gw-1",
                    null,
                    state,
                    authorized,
                    debited,
                    captured,
                    captures,
                    reversed,
                    refunded,
                    rebilled,
                    chargedBack,
                    chargebackReversed,
                    receipt);
        }
    }
}

package io.s2spay.checkout.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.domain.balance.PaymentMovements;
import io.s2spay.domain.balance.PaymentMovements.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleStatusTest {

    private static final PaymentMovements AUTHORIZED = PaymentMovements.NONE.plus(Kind.AUTHORIZED, 10000);
    private static final PaymentMovements DEBITED = PaymentMovements.NONE.plus(Kind.DEBITED, 10000);

    @Test
    void aPreAuthorizationIsAuthorizedThenPartiallyCapturedThenRefunded() {
        assertThat(status("PA", AUTHORIZED)).isEqualTo(LifecycleStatus.AUTHORIZED);
        PaymentMovements captured = AUTHORIZED.plus(Kind.CAPTURED, 6000);
        assertThat(status("PA", captured)).isEqualTo(LifecycleStatus.PARTIALLY_CAPTURED);
        assertThat(status("PA", AUTHORIZED.plus(Kind.CAPTURED, 10000))).isEqualTo(LifecycleStatus.CAPTURED);
        assertThat(status("PA", captured.plus(Kind.REFUNDED, 2000))).isEqualTo(LifecycleStatus.PARTIALLY_REFUNDED);
        assertThat(status("PA", captured.plus(Kind.REFUNDED, 6000))).isEqualTo(LifecycleStatus.REFUNDED);
        assertThat(status("PA", AUTHORIZED.plus(Kind.REVERSED, 10000))).isEqualTo(LifecycleStatus.REVERSED);
    }

    @Test
    void aDebitSucceedsIsChargedBackAndBackAgainWhenTheChargebackIsReversed() {
        assertThat(status("DB", DEBITED)).isEqualTo(LifecycleStatus.SUCCEEDED);
        PaymentMovements chargedBack = DEBITED.plus(Kind.CHARGED_BACK, 10000);
        assertThat(status("DB", chargedBack)).isEqualTo(LifecycleStatus.CHARGED_BACK);
        assertThat(status("DB", chargedBack.plus(Kind.CHARGEBACK_REVERSED, 10000)))
                .isEqualTo(LifecycleStatus.SUCCEEDED);
    }

    @Test
    void aTransferAwaitsItsReceiptUntilConfirmedAndCountsItsMoneyOnce() {
        assertThat(LifecycleStatus.of(PaymentStatus.AWAITING_RECEIPT, "DB", PaymentMovements.NONE))
                .isEqualTo(LifecycleStatus.AWAITING_RECEIPT);
        PaymentMovements received = PaymentMovements.NONE.plus(Kind.RECEIPT_CONFIRMED, 10000);
        assertThat(LifecycleStatus.of(PaymentStatus.AWAITING_RECEIPT, "DB", received))
                .isEqualTo(LifecycleStatus.SUCCEEDED);
        // the poller's later PaymentDebited is the same money as the receipt
        assertThat(status("DB", received.plus(Kind.DEBITED, 10000).plus(Kind.REFUNDED, 10000)))
                .isEqualTo(LifecycleStatus.REFUNDED);
    }

    @ParameterizedTest
    @EnumSource(
            value = PaymentStatus.class,
            names = {"PENDING", "REQUIRES_ACTION", "UNKNOWN", "DECLINED", "FAILED", "EXPIRED"})
    void statusesBeforeOrWithoutSuccessAreTheInitialPaymentsOwn(PaymentStatus state) {
        assertThat(LifecycleStatus.of(state, "PA", PaymentMovements.NONE).name())
                .isEqualTo(state.name());
    }

    @ParameterizedTest
    @EnumSource(LifecycleStatus.class)
    void onlyPendingAndUnknownKeepAPaymentRequestWaiting(LifecycleStatus status) {
        assertThat(status.answersPaymentRequest())
                .isEqualTo(status != LifecycleStatus.PENDING && status != LifecycleStatus.UNKNOWN);
        assertThat(LifecycleStatus.fromApiName(status.apiName())).isEqualTo(status);
    }

    private static LifecycleStatus status(String type, PaymentMovements movements) {
        return LifecycleStatus.of(PaymentStatus.SUCCEEDED, type, movements);
    }
}

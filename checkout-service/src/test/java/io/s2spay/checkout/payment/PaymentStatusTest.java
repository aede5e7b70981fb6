package io.s2spay.checkout.payment;

import static io.s2spay.checkout.payment.PaymentStatus.AWAITING_RECEIPT;
import static io.s2spay.checkout.payment.PaymentStatus.DECLINED;
import static io.s2spay.checkout.payment.PaymentStatus.EXPIRED;
import static io.s2spay.checkout.payment.PaymentStatus.FAILED;
import static io.s2spay.checkout.payment.PaymentStatus.PENDING;
import static io.s2spay.checkout.payment.PaymentStatus.REQUIRES_ACTION;
import static io.s2spay.checkout.payment.PaymentStatus.SUCCEEDED;
import static io.s2spay.checkout.payment.PaymentStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentStatusTest {

    private static final Set<PaymentStatus> FINAL = EnumSet.of(SUCCEEDED, DECLINED, FAILED, EXPIRED);

    static Stream<Arguments> allowedTransitions() {
        return Stream.of(
                Arguments.of(PENDING, REQUIRES_ACTION),
                Arguments.of(PENDING, UNKNOWN),
                Arguments.of(PENDING, SUCCEEDED),
                Arguments.of(PENDING, DECLINED),
                Arguments.of(PENDING, FAILED),
                Arguments.of(PENDING, EXPIRED),
                Arguments.of(REQUIRES_ACTION, UNKNOWN),
                Arguments.of(REQUIRES_ACTION, SUCCEEDED),
                Arguments.of(REQUIRES_ACTION, DECLINED),
                Arguments.of(REQUIRES_ACTION, FAILED),
                Arguments.of(REQUIRES_ACTION, EXPIRED),
                Arguments.of(UNKNOWN, REQUIRES_ACTION),
                Arguments.of(UNKNOWN, SUCCEEDED),
                Arguments.of(UNKNOWN, DECLINED),
                Arguments.of(UNKNOWN, FAILED),
                Arguments.of(UNKNOWN, EXPIRED),
                Arguments.of(PENDING, AWAITING_RECEIPT),
                Arguments.of(REQUIRES_ACTION, AWAITING_RECEIPT),
                Arguments.of(UNKNOWN, AWAITING_RECEIPT),
                Arguments.of(AWAITING_RECEIPT, SUCCEEDED),
                Arguments.of(AWAITING_RECEIPT, DECLINED),
                Arguments.of(AWAITING_RECEIPT, FAILED),
                Arguments.of(AWAITING_RECEIPT, EXPIRED));
    }

    @ParameterizedTest
    @MethodSource("allowedTransitions")
    void allowsTheTransitionsOfThePaymentLifecycle(PaymentStatus from, PaymentStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @Test
    void refusesEveryOtherTransition() {
        Set<String> allowed = allowedTransitions()
                .map(a -> a.get()[0] + ">" + a.get()[1])
                .collect(java.util.stream.Collectors.toSet());
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                if (!allowed.contains(from + ">" + to)) {
                    assertThat(from.canMoveTo(to)).as(from + " -> " + to).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SUCCEEDED", "DECLINED", "FAILED", "EXPIRED"})
    void neverMovesAFinalStatus(PaymentStatus status) {
        assertThat(status.isFinal()).isTrue();
        assertThat(EnumSet.allOf(PaymentStatus.class)).noneMatch(status::canMoveTo);
    }

    @ParameterizedTest
    @EnumSource(io.s2spay.domain.lifecycle.PaymentState.class)
    void projectsEveryLifecycleState(io.s2spay.domain.lifecycle.PaymentState state) {
        PaymentStatus status = PaymentStatus.of(state);
        assertThat(status.isFinal()).isEqualTo(state.isFinal());
        assertThat(status.succeeded()).isEqualTo(state.succeeded());
    }

    @Test
    void neverGoesBackToPending() {
        assertThat(EnumSet.allOf(PaymentStatus.class)).noneMatch(status -> status.canMoveTo(PENDING));
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void answersAPaymentRequestWithFinalStatusesRedirectsAndAwaitedReceipts(PaymentStatus status) {
        assertThat(status.answersPaymentRequest())
                .isEqualTo(FINAL.contains(status) || status == REQUIRES_ACTION || status == AWAITING_RECEIPT);
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void roundTripsItsApiName(PaymentStatus status) {
        assertThat(PaymentStatus.fromApiName(status.apiName())).isEqualTo(status);
        assertThat(status.apiName()).matches("[a-z_]+");
    }
}

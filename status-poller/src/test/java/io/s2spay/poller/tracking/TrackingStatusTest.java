package io.s2spay.poller.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.lifecycle.PaymentLifecycle;
import io.s2spay.domain.lifecycle.PaymentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrackingStatusTest {

    @ParameterizedTest
    @EnumSource(names = {"AUTHORIZED", "DEBITED", "DECLINED", "FAILED", "EXPIRED"})
    void everyFinalStateClosesTheTracking(PaymentState state) {
        assertThat(TrackingStatus.of(state)).isEqualTo(TrackingStatus.CLOSED);
    }

    @Test
    void eachOpenStateTheGatewayResolvesIsTrackedUnderItsName() {
        assertThat(TrackingStatus.of(PaymentState.REDIRECT_PENDING)).isEqualTo(TrackingStatus.REDIRECT_PENDING);
        assertThat(TrackingStatus.of(PaymentState.UNKNOWN)).isEqualTo(TrackingStatus.UNKNOWN);
        assertThat(TrackingStatus.of(PaymentState.AWAITING_RECEIPT)).isEqualTo(TrackingStatus.AWAITING_RECEIPT);
        assertThat(PaymentLifecycle.openStates())
                .as("every open state but the request itself is one the poller resolves")
                .containsExactlyInAnyOrder(
                        PaymentState.REQUESTED,
                        PaymentState.REDIRECT_PENDING,
                        PaymentState.UNKNOWN,
                        PaymentState.AWAITING_RECEIPT);
    }

    @Test
    void aPaymentNotSentYetIsNotTracked() {
        assertThatThrownBy(() -> TrackingStatus.of(PaymentState.REQUESTED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REQUESTED is not tracked");
    }
}

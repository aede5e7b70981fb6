package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.schema.PaymentType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttemptTransitionsTest {

    private static final Map<GatewayOutcome, AttemptState> DEBIT_FROM_SUBMITTING = Map.of(
            GatewayOutcome.SUCCEEDED, AttemptState.DEBITED,
            GatewayOutcome.REDIRECT, AttemptState.REDIRECT_PENDING,
            GatewayOutcome.PENDING, AttemptState.GATEWAY_PENDING,
            GatewayOutcome.AWAITING_RECEIPT, AttemptState.AWAITING_RECEIPT,
            GatewayOutcome.DECLINED, AttemptState.DECLINED,
            GatewayOutcome.FAILED, AttemptState.FAILED,
            GatewayOutcome.NOT_RECEIVED, AttemptState.FAILED,
            GatewayOutcome.UNKNOWN, AttemptState.UNKNOWN);

    @Test
    void debitMovesFromSubmittingToTheOutcomesState() {
        DEBIT_FROM_SUBMITTING.forEach((outcome, expected) -> assertThat(
                        AttemptTransitions.next(PaymentType.DB, AttemptState.SUBMITTING, outcome))
                .as("DB SUBMITTING + %s", outcome)
                .isEqualTo(expected));
    }

    @Test
    void preAuthorizationApprovalIsAuthorizedNotDebited() {
        assertThat(AttemptTransitions.next(PaymentType.PA, AttemptState.SUBMITTING, GatewayOutcome.SUCCEEDED))
                .isEqualTo(AttemptState.AUTHORIZED);
        DEBIT_FROM_SUBMITTING.forEach((outcome, expected) -> {
            if (outcome != GatewayOutcome.SUCCEEDED) {
                assertThat(AttemptTransitions.next(PaymentType.PA, AttemptState.SUBMITTING, outcome))
                        .as("PA SUBMITTING + %s", outcome)
                        .isEqualTo(expected);
            }
        });
    }

    @Test
    void aTimeoutIsNeverAFailure() {
        assertThat(AttemptTransitions.next(PaymentType.DB, AttemptState.SUBMITTING, GatewayOutcome.UNKNOWN))
                .isEqualTo(AttemptState.UNKNOWN)
                .isNotEqualTo(AttemptState.FAILED);
    }

    static Stream<Arguments> illegalTransitions() {
        List<Arguments> illegal = new ArrayList<>();
        for (PaymentType type : List.of(PaymentType.PA, PaymentType.DB)) {
            for (AttemptState state : EnumSet.complementOf(EnumSet.of(AttemptState.SUBMITTING))) {
                for (GatewayOutcome outcome : GatewayOutcome.values()) {
                    illegal.add(Arguments.of(type, state, outcome));
                }
            }
        }
        // the executor runs initial payments only: no back-office type has a machine
        for (PaymentType type : EnumSet.complementOf(EnumSet.of(PaymentType.PA, PaymentType.DB))) {
            for (AttemptState state : AttemptState.values()) {
                for (GatewayOutcome outcome : GatewayOutcome.values()) {
                    illegal.add(Arguments.of(type, state, outcome));
                }
            }
        }
        return illegal.stream();
    }

    @ParameterizedTest(name = "{0} {1} + {2} is illegal")
    @MethodSource("illegalTransitions")
    void rejectsEveryTransitionOutOfARecordedOutcome(PaymentType type, AttemptState state, GatewayOutcome outcome) {
        assertThat(AttemptTransitions.target(type, state, outcome)).isEmpty();
        assertThatThrownBy(() -> AttemptTransitions.next(type, state, outcome))
                .isInstanceOf(IllegalAttemptTransitionException.class)
                .hasMessageContaining(state.name())
                .hasMessageContaining(outcome.name());
    }

    @Test
    void everyLegalTransitionStartsFromSubmitting() {
        int legal = 0;
        for (PaymentType type : PaymentType.values()) {
            for (AttemptState state : AttemptState.values()) {
                for (GatewayOutcome outcome : GatewayOutcome.values()) {
                    if (AttemptTransitions.target(type, state, outcome).isPresent()) {
                        assertThat(state).isEqualTo(AttemptState.SUBMITTING);
                        assertThat(type).isIn(PaymentType.PA, PaymentType.DB);
                        legal++;
                    }
                }
            }
        }
        assertThat(legal).isEqualTo(2 * GatewayOutcome.values().length);
    }
}

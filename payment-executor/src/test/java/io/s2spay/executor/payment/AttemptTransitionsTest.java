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

    private static final Map<AttemptOutcome, AttemptState> DEBIT_FROM_SUBMITTING = Map.of(
            AttemptOutcome.SUCCEEDED, AttemptState.DEBITED,
            AttemptOutcome.REDIRECT, AttemptState.REDIRECT_PENDING,
            AttemptOutcome.PENDING, AttemptState.GATEWAY_PENDING,
            AttemptOutcome.AWAITING_RECEIPT, AttemptState.AWAITING_RECEIPT,
            AttemptOutcome.DECLINED, AttemptState.DECLINED,
            AttemptOutcome.FAILED, AttemptState.FAILED,
            AttemptOutcome.NOT_RECEIVED, AttemptState.FAILED,
            AttemptOutcome.UNKNOWN, AttemptState.UNKNOWN);

    @Test
    void debitMovesFromSubmittingToTheOutcomesState() {
        DEBIT_FROM_SUBMITTING.forEach((outcome, expected) -> assertThat(
                        AttemptTransitions.next(PaymentType.DB, AttemptState.SUBMITTING, outcome))
                .as("DB SUBMITTING + %s", outcome)
                .isEqualTo(expected));
    }

    @Test
    void preAuthorizationApprovalIsAuthorizedNotDebited() {
        assertThat(AttemptTransitions.next(PaymentType.PA, AttemptState.SUBMITTING, AttemptOutcome.SUCCEEDED))
                .isEqualTo(AttemptState.AUTHORIZED);
        DEBIT_FROM_SUBMITTING.forEach((outcome, expected) -> {
            if (outcome != AttemptOutcome.SUCCEEDED) {
                assertThat(AttemptTransitions.next(PaymentType.PA, AttemptState.SUBMITTING, outcome))
                        .as("PA SUBMITTING + %s", outcome)
                        .isEqualTo(expected);
            }
        });
    }

    @Test
    void aTimeoutIsNeverAFailure() {
        assertThat(AttemptTransitions.next(PaymentType.DB, AttemptState.SUBMITTING, AttemptOutcome.UNKNOWN))
                .isEqualTo(AttemptState.UNKNOWN)
                .isNotEqualTo(AttemptState.FAILED);
    }

    static Stream<Arguments> illegalTransitions() {
        List<Arguments> illegal = new ArrayList<>();
        for (PaymentType type : List.of(PaymentType.PA, PaymentType.DB)) {
            for (AttemptState state : EnumSet.complementOf(EnumSet.of(AttemptState.SUBMITTING))) {
                for (AttemptOutcome outcome : AttemptOutcome.values()) {
                    illegal.add(Arguments.of(type, state, outcome));
                }
            }
        }
        // the executor runs initial payments only: no back-office type has a machine
        for (PaymentType type : EnumSet.complementOf(EnumSet.of(PaymentType.PA, PaymentType.DB))) {
            for (AttemptState state : AttemptState.values()) {
                for (AttemptOutcome outcome : AttemptOutcome.values()) {
                    illegal.add(Arguments.of(type, state, outcome));
                }
            }
        }
        return illegal.stream();
    }

    @ParameterizedTest(name = "{0} {1} + {2} is illegal")
    @MethodSource("illegalTransitions")
    void rejectsEveryTransitionOutOfARecordedOutcome(PaymentType type, AttemptState state, AttemptOutcome outcome) {
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
                for (AttemptOutcome outcome : AttemptOutcome.values()) {
                    if (AttemptTransitions.target(type, state, outcome).isPresent()) {
                        assertThat(state).isEqualTo(AttemptState.SUBMITTING);
                        assertThat(type).isIn(PaymentType.PA, PaymentType.DB);
                        legal++;
                    }
                }
            }
        }
        assertThat(legal).isEqualTo(2 * AttemptOutcome.values().length);
    }
}

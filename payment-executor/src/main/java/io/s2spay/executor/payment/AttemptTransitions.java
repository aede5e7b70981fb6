package io.s2spay.executor.payment;

import static io.s2spay.executor.payment.AttemptState.AUTHORIZED;
import static io.s2spay.executor.payment.AttemptState.AWAITING_RECEIPT;
import static io.s2spay.executor.payment.AttemptState.DEBITED;
import static io.s2spay.executor.payment.AttemptState.DECLINED;
import static io.s2spay.executor.payment.AttemptState.FAILED;
import static io.s2spay.executor.payment.AttemptState.GATEWAY_PENDING;
import static io.s2spay.executor.payment.AttemptState.REDIRECT_PENDING;
import static io.s2spay.executor.payment.AttemptState.SUBMITTING;
import static io.s2spay.executor.payment.AttemptState.UNKNOWN;

import io.s2spay.schema.PaymentType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attempt state machine as data, one machine per payment type: {@code (state, gateway outcome) → state}.
 * Anything not listed is illegal. Once the gateway's answer is recorded the executor is done with the attempt;
 * redirects, pending and unknown outcomes are followed up by the status-poller from the events.
 */
final class AttemptTransitions {

    private static final Map<PaymentType, Map<AttemptState, Map<AttemptOutcome, AttemptState>>> MACHINES =
            new EnumMap<>(PaymentType.class);

    static {
        MACHINES.put(PaymentType.PA, machine(AUTHORIZED));
        MACHINES.put(PaymentType.DB, machine(DEBITED));
    }

    private AttemptTransitions() {}

    private static Map<AttemptState, Map<AttemptOutcome, AttemptState>> machine(AttemptState approved) {
        Map<AttemptOutcome, AttemptState> fromSubmitting = new EnumMap<>(AttemptOutcome.class);
        fromSubmitting.put(AttemptOutcome.SUCCEEDED, approved);
        fromSubmitting.put(AttemptOutcome.REDIRECT, REDIRECT_PENDING);
        fromSubmitting.put(AttemptOutcome.PENDING, GATEWAY_PENDING);
        fromSubmitting.put(AttemptOutcome.AWAITING_RECEIPT, AWAITING_RECEIPT);
        fromSubmitting.put(AttemptOutcome.DECLINED, DECLINED);
        fromSubmitting.put(AttemptOutcome.FAILED, FAILED);
        // applied only once the executor stops resubmitting (same merchantTransactionId) a request that never arrived
        fromSubmitting.put(AttemptOutcome.NOT_RECEIVED, FAILED);
        fromSubmitting.put(AttemptOutcome.UNKNOWN, UNKNOWN);
        Map<AttemptState, Map<AttemptOutcome, AttemptState>> machine = new EnumMap<>(AttemptState.class);
        machine.put(SUBMITTING, Map.copyOf(fromSubmitting));
        return Map.copyOf(machine);
    }

    /** The state {@code outcome} leads to from {@code state}, if that transition exists for {@code type}. */
    static Optional<AttemptState> target(PaymentType type, AttemptState state, AttemptOutcome outcome) {
        return Optional.ofNullable(MACHINES.getOrDefault(type, Map.of())
                .getOrDefault(state, Map.of())
                .get(outcome));
    }

    /** The state {@code outcome} leads to from {@code state}; throws for a transition the table does not allow. */
    static AttemptState next(PaymentType type, AttemptState state, AttemptOutcome outcome) {
        return target(type, state, outcome)
                .orElseThrow(() -> new IllegalAttemptTransitionException(type, state, outcome));
    }
}

package io.s2spay.executor.payment;

import io.s2spay.schema.PaymentType;

/** Thrown when a gateway outcome is applied to an attempt whose state does not allow it (e.g. an approval after a decline). */
final class IllegalAttemptTransitionException extends IllegalStateException {

    IllegalAttemptTransitionException(PaymentType type, AttemptState state, AttemptOutcome outcome) {
        super("no transition for " + type + " attempt in state " + state + " on gateway outcome " + outcome);
    }
}

package io.s2spay.executor.payment;

import java.time.Instant;
import java.util.UUID;

/** One recorded gateway attempt of an initial payment: the command it runs, and where it stands. */
record PaymentAttempt(
        UUID attemptId, PaymentInstruction instruction, AttemptState state, int submissions, Instant createdAt) {

    /** A new attempt for {@code instruction}, not sent yet. */
    static PaymentAttempt open(PaymentInstruction instruction) {
        return new PaymentAttempt(UUID.randomUUID(), instruction, AttemptState.SUBMITTING, 0, Instant.now());
    }
}

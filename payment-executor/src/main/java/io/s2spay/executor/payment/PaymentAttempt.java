package io.s2spay.executor.payment;

import io.s2spay.gateway.routing.GatewayAccount;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded gateway attempt of an initial payment: the command it runs, the gateway account it is sent to, and
 * where it stands.
 */
record PaymentAttempt(
        UUID attemptId,
        PaymentInstruction instruction,
        GatewayAccount account,
        AttemptState state,
        int submissions,
        Instant createdAt) {

    /** A new attempt for {@code instruction} on {@code account}, not sent yet. */
    static PaymentAttempt open(PaymentInstruction instruction, GatewayAccount account) {
        return new PaymentAttempt(UUID.randomUUID(), instruction, account, AttemptState.SUBMITTING, 0, Instant.now());
    }
}

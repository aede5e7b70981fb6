package io.s2spay.backoffice.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.backoffice.BackofficeHarness;
import io.s2spay.backoffice.BackofficeHarness.Payment;
import io.s2spay.backoffice.Messages;
import io.s2spay.connector.opp.OppBackOfficeRequest;
import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentEventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instance that stops between admitting an operation and recording the gateway's answer leaves the operation
 * "submitting"; the janitor finds out through the query endpoint whether the gateway got it, and sends it again
 * (with the same merchantTransactionId) only when it did not: never twice.
 */
class OperationRecoveryIT {

    private static BackofficeHarness harness;
    private static BackofficeOperations operations;

    @BeforeAll
    static void start() {
        harness = new BackofficeHarness(Map.of());
        operations = harness.service.getBean(BackofficeOperations.class);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void resendsAnOperationThatNeverReachedTheGateway() {
        Payment payment = harness.authorized(8_000);
        Operation interrupted = interruptedCapture(payment, 8_000);

        PaymentCaptured captured = awaitCaptured(payment, interrupted);

        assertThat(captured.getAmount()).isEqualTo(Messages.eur(8_000));
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "CP"))
                .isEqualTo(1);
        assertThat(operations
                        .find(payment.paymentId(), interrupted.operationId())
                        .orElseThrow()
                        .state())
                .isEqualTo(OperationState.SUCCEEDED);
        assertThat(harness.balances.find(payment.paymentId()).orElseThrow().capturedMinor())
                .isEqualTo(8_000);
    }

    @Test
    void findsTheOutcomeOfAnOperationThatReachedTheGatewayWithoutSendingItAgain() {
        Payment payment = harness.authorized(9_000);
        String operationId = "cp-" + UUID.randomUUID();
        String mtid = OperationIds.merchantTransactionId(TransactionType.CP, payment.paymentId(), operationId);
        // the instance sent the capture, the gateway carried it out, and the instance stopped before recording it
        assertThat(harness.gateway
                        .submitBackOffice(
                                Messages.MERCHANT,
                                payment.gatewayTransactionId(),
                                OppBackOfficeRequest.of(OppPaymentType.CP, 9_000, "EUR", mtid))
                        .outcome())
                .isEqualTo(OppOutcome.SUCCEEDED);
        Operation interrupted = interrupted(payment, operationId, 9_000);

        PaymentCaptured captured = awaitCaptured(payment, interrupted);

        assertThat(captured.getOperationId()).isEqualTo(operationId);
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "CP"))
                .isEqualTo(1);
    }

    private static Operation interruptedCapture(Payment payment, long amountMinor) {
        return interrupted(payment, "cp-" + UUID.randomUUID(), amountMinor);
    }

    /** Records a capture as admission does, already overdue, as an instance that stopped right after leaves it. */
    private static Operation interrupted(Payment payment, String operationId, long amountMinor) {
        Operation op = new Operation(
                payment.paymentId(),
                operationId,
                UUID.randomUUID().toString(),
                "CapturePayment",
                TransactionType.CP,
                Messages.MERCHANT,
                amountMinor,
                "EUR",
                OperationIds.merchantTransactionId(TransactionType.CP, payment.paymentId(), operationId),
                "corr-" + payment.paymentId(),
                OperationState.SUBMITTING,
                null,
                0,
                Instant.now(),
                // as an operation recorded before back-office kept its account: resolved at the payment's
                null);
        operations.insert(
                op, OperationState.SUBMITTING, null, null, Instant.now().minusSeconds(1));
        return op;
    }

    private static PaymentCaptured awaitCaptured(Payment payment, Operation op) {
        List<PaymentEventEnvelope> caused = await().atMost(Duration.ofSeconds(30))
                .until(() -> harness.causedBy(payment.paymentId(), op.commandMessageId()), list -> !list.isEmpty());
        assertThat(caused).hasSize(1);
        assertThat(caused.getFirst().getPayload()).isInstanceOf(PaymentCaptured.class);
        return (PaymentCaptured) caused.getFirst().getPayload();
    }
}

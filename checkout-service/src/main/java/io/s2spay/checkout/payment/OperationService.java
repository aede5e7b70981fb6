package io.s2spay.checkout.payment;

import io.s2spay.checkout.idempotency.IdempotencyStore.StoredResponse;
import io.s2spay.checkout.payment.IdempotencyGuard.IdempotentRequest;
import io.s2spay.checkout.payment.OperationRequestValidator.OperationRequest;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts an operation on a payment in one transaction: idempotency claim, the pending operation in the read model
 * and its back-office command through the outbox, and the first response for the idempotency key. The back office
 * applies the balance rules and either sends it to the gateway or refuses it; its events settle the operation.
 */
@Service
class OperationService {

    private final PaymentRepository payments;
    private final OperationRepository operations;
    private final OutboxWriter outbox;
    private final IdempotencyGuard idempotency;
    private final JsonMapper json;
    private final Clock clock;

    OperationService(
            PaymentRepository payments,
            OperationRepository operations,
            OutboxWriter outbox,
            IdempotencyGuard idempotency,
            JsonMapper json,
            Clock clock) {
        this.payments = payments;
        this.operations = operations;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Accepted accept(
            String merchantId,
            PaymentRow payment,
            String operationId,
            String correlationId,
            OperationRequest request,
            IdempotentRequest idempotentRequest,
            Duration expectedDuration) {
        Optional<StoredResponse> replay = idempotency.claim(merchantId, idempotentRequest, expectedDuration);
        if (replay.isPresent()) {
            return new Accepted(null, replay.get());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BackofficeCommandEnvelope command = PaymentMessages.operationCommand(
                payment, operationId, request.type(), request.amountMinor(), correlationId, now);
        OperationRow row = new OperationRow(
                payment.paymentId(),
                operationId,
                merchantId,
                request.type(),
                OperationRow.Status.PENDING,
                request.amountMinor(),
                payment.currency(),
                request.reference(),
                OperationRow.ORIGIN_API,
                command.getMessageId(),
                null,
                null,
                null,
                null,
                null,
                now,
                now);
        operations.insert(row);
        outbox.append(Topics.BACKOFFICE_COMMANDS, payment.paymentId(), command);
        OperationView view = row.toView();
        idempotency.storeFirst(
                merchantId,
                idempotentRequest,
                new StoredResponse(HttpStatus.ACCEPTED.value(), json.writeValueAsBytes(view), payment.paymentId()));
        return new Accepted(view, null);
    }

    /** The new pending operation, or the stored response of a retried request. */
    record Accepted(OperationView operation, StoredResponse replay) {}
}

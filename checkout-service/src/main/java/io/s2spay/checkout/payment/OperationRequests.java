package io.s2spay.checkout.payment;

import io.s2spay.checkout.CheckoutProperties;
import io.s2spay.checkout.idempotency.IdempotencyStore;
import io.s2spay.checkout.idempotency.IdempotencyStore.StoredResponse;
import io.s2spay.checkout.payment.IdempotencyGuard.IdempotentRequest;
import io.s2spay.checkout.payment.OperationRequestValidator.OperationRequest;
import io.s2spay.checkout.payment.PaymentUpdateNotifications.Waiter;
import io.s2spay.checkout.web.ApiProblemException;
import io.s2spay.checkout.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code POST /v1/payments/{id}/captures} and the other operations: validates against the payment,
 * accepts the operation in one transaction, then waits up to {@code s2spay.checkout.sync-wait} for the back
 * office's verdict: 201 with the outcome (succeeded, or failed when the gateway refused it), 409 or 422 with the
 * balance rule's {@code code} when the back office refused it without calling the gateway, else 202 (pending).
 */
@Component
class OperationRequests {

    private static final Logger log = LoggerFactory.getLogger(OperationRequests.class);

    /** Refusals about the amount asked (422); every other rule refusal is about the payment's state (409). */
    private static final Set<String> AMOUNT_REFUSALS = Set.of(
            "INVALID_AMOUNT",
            "CURRENCY_MISMATCH",
            "AMOUNT_REQUIRED",
            "AMOUNT_EXCEEDS_AUTHORIZED",
            "AMOUNT_EXCEEDS_REFUNDABLE",
            "AMOUNT_MISMATCH",
            "AMOUNT_EXCEEDS_CHARGEBACK");

    private final OperationRequestValidator validator;
    private final OperationService service;
    private final PaymentRepository payments;
    private final OperationRepository operations;
    private final PaymentUpdateNotifications notifications;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration syncWait;

    OperationRequests(
            OperationRequestValidator validator,
            OperationService service,
            PaymentRepository payments,
            OperationRepository operations,
            PaymentUpdateNotifications notifications,
            IdempotencyStore idempotency,
            JsonMapper json,
            Clock clock,
            CheckoutProperties properties) {
        this.validator = validator;
        this.service = service;
        this.payments = payments;
        this.operations = operations;
        this.notifications = notifications;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
        this.syncWait = properties.syncWait();
    }

    /**
     * The answer to an operation request: status, JSON body as sent (an operation view or a problem), the operation
     * it is about, whether replayed.
     */
    record OperationResponse(int status, byte[] body, String paymentId, String operationId, boolean replayed) {

        boolean isProblem() {
            return status >= 400;
        }
    }

    OperationResponse create(
            String merchantId,
            String paymentId,
            OperationType type,
            String idempotencyKey,
            String correlationHeader,
            String path,
            byte[] body) {
        RequestHeaders.checkIdempotencyKey(idempotencyKey);
        Instant deadline = clock.instant().plus(syncWait);
        PaymentRow payment = ownPayment(merchantId, paymentId);
        OperationRequest request = validator.validate(type, payment, body);
        IdempotentRequest idempotentRequest = idempotencyKey == null
                ? null
                : new IdempotentRequest(idempotencyKey, idempotency.fingerprint("POST", path, body));
        String correlationId = RequestHeaders.correlationId(correlationHeader);
        String operationId = PaymentIds.newOperationId();

        try (Waiter waiter = notifications.register(paymentId)) {
            OperationService.Accepted accepted = service.accept(
                    merchantId, payment, operationId, correlationId, request, idempotentRequest, syncWait);
            if (accepted.replay() != null) {
                StoredResponse stored = accepted.replay();
                return new OperationResponse(
                        stored.status(), stored.body(), stored.paymentId(), operationIdOf(stored.body()), true);
            }
            OperationRow outcome = awaitOutcome(waiter, merchantId, paymentId, operationId, deadline);
            OperationResponse response = respond(outcome);
            if (idempotentRequest != null) {
                storeFinalResponse(merchantId, idempotencyKey, response);
            }
            return response;
        }
    }

    /** {@code GET /v1/payments/{id}/operations/{operationId}}. */
    OperationView find(String merchantId, String paymentId, String operationId) {
        if (!PaymentIds.isWellFormed(paymentId) || !PaymentIds.isWellFormed(operationId)) {
            throw operationNotFound(paymentId, operationId);
        }
        return operations
                .find(merchantId, paymentId, operationId)
                .map(OperationRow::toView)
                .orElseThrow(() -> operationNotFound(paymentId, operationId));
    }

    private PaymentRow ownPayment(String merchantId, String paymentId) {
        if (!PaymentIds.isWellFormed(paymentId)) {
            throw PaymentRequests.notFound(paymentId);
        }
        return payments.find(merchantId, paymentId).orElseThrow(() -> PaymentRequests.notFound(paymentId));
    }

    /** Reads the operation after the commit, then after every change of its payment, until final or the deadline. */
    private OperationRow awaitOutcome(
            Waiter waiter, String merchantId, String paymentId, String operationId, Instant deadline) {
        while (true) {
            OperationRow row = operations
                    .find(merchantId, paymentId, operationId)
                    .orElseThrow(() -> new IllegalStateException("operation " + operationId + " vanished"));
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (row.status().isFinal() || remaining.isNegative() || remaining.isZero()) {
                return row;
            }
            try {
                waiter.await(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return row;
            }
        }
    }

    private OperationResponse respond(OperationRow operation) {
        return switch (operation.status()) {
            case PENDING ->
                new OperationResponse(
                        HttpStatus.ACCEPTED.value(),
                        json.writeValueAsBytes(operation.toView()),
                        operation.paymentId(),
                        operation.operationId(),
                        false);
            case SUCCEEDED, FAILED ->
                new OperationResponse(
                        HttpStatus.CREATED.value(),
                        json.writeValueAsBytes(operation.toView()),
                        operation.paymentId(),
                        operation.operationId(),
                        false);
            case REJECTED -> {
                ProblemDetail problem = refusal(operation);
                yield new OperationResponse(
                        problem.getStatus(),
                        json.writeValueAsBytes(Problems.body(problem)),
                        operation.paymentId(),
                        operation.operationId(),
                        false);
            }
        };
    }

    /** The problem of an operation a balance rule refused: 409 about the payment's state, 422 about the amount. */
    static ProblemDetail refusal(OperationRow operation) {
        String reasonCode = operation.rejectionCode() == null ? "REJECTED" : operation.rejectionCode();
        HttpStatus status =
                AMOUNT_REFUSALS.contains(reasonCode) ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT;
        String code = reasonCode.toLowerCase(Locale.ROOT);
        ProblemDetail problem = Problems.of(
                status,
                "operation-refused/" + code.replace('_', '-'),
                "The " + operation.type().apiName().replace('_', ' ') + " was refused",
                operation.rejectionReason() == null ? code : operation.rejectionReason());
        problem.setProperty("code", code);
        problem.setProperty("operationId", operation.operationId());
        problem.setProperty("paymentId", operation.paymentId());
        problem.setProperty(
                "operation", "/v1/payments/" + operation.paymentId() + "/operations/" + operation.operationId());
        return problem;
    }

    private String operationIdOf(byte[] body) {
        try {
            var node = json.readTree(body);
            if (node.hasNonNull("operationId")) {
                return node.get("operationId").asString();
            }
            return node.hasNonNull("id") ? node.get("id").asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void storeFinalResponse(String merchantId, String key, OperationResponse response) {
        try {
            idempotency.storeFinalResponse(
                    merchantId, key, new StoredResponse(response.status(), response.body(), response.paymentId()));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not record the final response of operation {} for its Idempotency-Key: {}",
                    response.operationId(),
                    e.toString());
        }
    }

    private static ApiProblemException operationNotFound(String paymentId, String operationId) {
        return new ApiProblemException(Problems.of(
                HttpStatus.NOT_FOUND,
                "operation-not-found",
                "Operation not found",
                "there is no operation " + PaymentRequests.abbreviate(operationId) + " of payment "
                        + PaymentRequests.abbreviate(paymentId) + " for this merchant"));
    }
}

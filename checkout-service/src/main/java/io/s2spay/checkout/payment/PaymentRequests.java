package io.s2spay.checkout.payment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.s2spay.checkout.CheckoutProperties;
import io.s2spay.checkout.idempotency.IdempotencyStore;
import io.s2spay.checkout.idempotency.IdempotencyStore.StoredResponse;
import io.s2spay.checkout.payment.IdempotencyGuard.IdempotentRequest;
import io.s2spay.checkout.payment.PaymentService.Acceptance;
import io.s2spay.checkout.payment.PaymentUpdateNotifications.Waiter;
import io.s2spay.checkout.web.ApiProblemException;
import io.s2spay.checkout.web.InvalidRequestException;
import io.s2spay.checkout.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code POST /v1/payments}: validates, accepts the payment in one transaction, then waits up to
 * {@code s2spay.checkout.sync-wait} for its outcome (201 with the outcome, else 202 with the pending payment)
 * and records the answer actually sent for the {@code Idempotency-Key}.
 */
@Component
class PaymentRequests {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequests.class);

    private final PaymentRequestValidator validator;
    private final PaymentService service;
    private final PaymentRepository payments;
    private final OperationRepository operations;
    private final PaymentUpdateNotifications notifications;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration syncWait;
    private final MeterRegistry meters;
    private final Timer waitTimer;

    PaymentRequests(
            PaymentRequestValidator validator,
            PaymentService service,
            PaymentRepository payments,
            OperationRepository operations,
            PaymentUpdateNotifications notifications,
            IdempotencyStore idempotency,
            JsonMapper json,
            Clock clock,
            CheckoutProperties properties,
            MeterRegistry meters) {
        this.validator = validator;
        this.service = service;
        this.payments = payments;
        this.operations = operations;
        this.notifications = notifications;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
        this.syncWait = properties.syncWait();
        this.meters = meters;
        this.waitTimer = Timer.builder("s2spay.checkout.payment.outcome.wait")
                .description("Time from accepting a payment to answering the request")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** The response to a payment request: status, JSON body as sent, the payment it is about, whether replayed. */
    record PaymentResponse(int status, byte[] body, String paymentId, boolean replayed) {}

    PaymentResponse create(String merchantId, String idempotencyKey, String correlationHeader, byte[] body) {
        RequestHeaders.checkIdempotencyKey(idempotencyKey);
        // the wait is counted from the request's arrival, so that sync-wait bounds how long a merchant waits
        Instant deadline = clock.instant().plus(syncWait);
        ValidatedPayment payment = validator.validate(body);
        IdempotentRequest idempotentRequest = idempotencyKey == null
                ? null
                : new IdempotentRequest(idempotencyKey, idempotency.fingerprint("POST", "/v1/payments", body));
        String correlationId = RequestHeaders.correlationId(correlationHeader);
        String paymentId = PaymentIds.newPaymentId();

        try (Waiter waiter = notifications.register(paymentId)) {
            Acceptance acceptance =
                    service.accept(merchantId, paymentId, correlationId, payment, idempotentRequest, syncWait);
            if (acceptance instanceof Acceptance.Replayed replayed) {
                StoredResponse stored = replayed.response();
                meters.counter("s2spay.checkout.payment.requests", "answer", "replayed")
                        .increment();
                return new PaymentResponse(stored.status(), stored.body(), stored.paymentId(), true);
            }
            Instant accepted = clock.instant();
            PaymentView view = awaitAnswer(waiter, merchantId, paymentId, deadline);
            waitTimer.record(Duration.between(accepted, clock.instant()));
            boolean answered = LifecycleStatus.fromApiName(view.status()).answersPaymentRequest();
            PaymentResponse response = new PaymentResponse(
                    answered ? HttpStatus.CREATED.value() : HttpStatus.ACCEPTED.value(),
                    json.writeValueAsBytes(view),
                    paymentId,
                    false);
            meters.counter("s2spay.checkout.payment.requests", "answer", answered ? "outcome" : "accepted")
                    .increment();
            if (idempotentRequest != null) {
                storeFinalResponse(merchantId, idempotencyKey, response);
            }
            return response;
        }
    }

    /** The payment with its operations, as {@code GET /v1/payments/{id}} shows it. */
    PaymentView find(String merchantId, String paymentId) {
        PaymentRow row = payments.find(merchantId, paymentId).orElseThrow(() -> notFound(paymentId));
        return row.toView(operations.forPayment(paymentId).stream()
                .map(OperationRow::toView)
                .toList());
    }

    /** A page of the merchant's payments, newest first, without their operations. */
    PaymentPage list(String merchantId, PaymentQuery query) {
        if (query.startingAfter() != null && !payments.exists(merchantId, query.startingAfter())) {
            throw new InvalidRequestException(
                    "starting_after",
                    "there is no payment " + abbreviate(query.startingAfter()) + " for this merchant");
        }
        List<PaymentRow> rows = payments.list(merchantId, query);
        boolean hasMore = rows.size() > query.limit();
        return new PaymentPage(
                rows.stream().limit(query.limit()).map(PaymentRow::toView).toList(), hasMore);
    }

    /** One page of {@code GET /v1/payments}: the payments and whether older ones match too. */
    record PaymentPage(List<PaymentView> data, boolean hasMore) {}

    static ApiProblemException notFound(String paymentId) {
        return new ApiProblemException(Problems.of(
                HttpStatus.NOT_FOUND,
                "payment-not-found",
                "Payment not found",
                "there is no payment " + abbreviate(paymentId) + " for this merchant"));
    }

    /**
     * Reads the payment after the commit (closing the race with an event that came before the waiter could
     * hear it), then after every notification, until it has an answer or the deadline passes.
     */
    private PaymentView awaitAnswer(Waiter waiter, String merchantId, String paymentId, Instant deadline) {
        while (true) {
            PaymentRow row = payments.find(merchantId, paymentId).orElseThrow(() -> notFound(paymentId));
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (row.status().answersPaymentRequest() || remaining.isNegative() || remaining.isZero()) {
                return row.toView(operations.forPayment(paymentId).stream()
                        .map(OperationRow::toView)
                        .toList());
            }
            try {
                waiter.await(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return find(merchantId, paymentId);
            }
        }
    }

    private void storeFinalResponse(String merchantId, String key, PaymentResponse response) {
        try {
            idempotency.storeFinalResponse(
                    merchantId, key, new StoredResponse(response.status(), response.body(), response.paymentId()));
        } catch (RuntimeException e) {
            // the payment is accepted and its first response stored; a retry gets that one after the in-flight window
            log.warn(
                    "Could not record the final response of payment {} for its Idempotency-Key: {}",
                    response.paymentId(),
                    e.toString());
        }
    }

    static String abbreviate(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9_\\-]", "?");
        return safe.length() <= 64 ? safe : safe.substring(0, 64) + "…";
    }
}

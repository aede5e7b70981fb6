package io.s2spay.poller.tracking;

import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.platform.lifecycle.PaymentEventSteps;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.poller.PollerProperties;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.ShopperReturned;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code tracked_payment} in step with the payment events: a redirect, an unknown outcome or a transfer
 * awaiting its receipt starts tracking, the shopper's return makes it due now, any final outcome of the initial
 * payment ends it.
 */
@Service
public class PaymentTracking {

    private static final Logger log = LoggerFactory.getLogger(PaymentTracking.class);

    private final TrackedPayments payments;
    private final ProcessedMessages processed;
    private final PollerProperties properties;
    private final Clock clock;

    PaymentTracking(TrackedPayments payments, ProcessedMessages processed, PollerProperties properties, Clock clock) {
        this.payments = payments;
        this.processed = processed;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Applies one event exactly once where that matters: starting to track commits with the event's processed-message
     * row, so that a redelivery cannot start it again after the payment was resolved. Closing is idempotent by
     * itself (a closed payment stays closed) and most events change nothing here, so those two write no row: most of
     * the events of a busy platform cost the poller no database write at all.
     */
    @Transactional
    public void apply(PaymentEventEnvelope event) {
        if (event.getPaymentId() == null || event.getPaymentId().isBlank() || event.getPayload() == null) {
            throw new InvalidMessageException(
                    "payment event " + event.getMessageId() + " has no payment id or payload");
        }
        Instant now = clock.instant();
        switch (event.getPayload()) {
            case PaymentRedirectRequired p ->
                trackOnce(
                        event,
                        tracked(
                                event,
                                p.getPaymentType(),
                                p.getAmount(),
                                p.getMerchantTransactionId(),
                                p.getGatewayResult().getGatewayTransactionId(),
                                trackingStatus(event),
                                now,
                                now.plus(properties.redirectFirstCheck())));
            case PaymentOutcomeUnknown p ->
                trackOnce(
                        event,
                        tracked(
                                event,
                                p.getPaymentType(),
                                p.getAmount(),
                                p.getMerchantTransactionId(),
                                null,
                                trackingStatus(event),
                                now,
                                now.plus(properties.unknownFirstCheck())));
            case PaymentAwaitingReceipt p ->
                trackOnce(
                        event,
                        tracked(
                                event,
                                p.getPaymentType(),
                                p.getAmount(),
                                p.getMerchantTransactionId(),
                                p.getGatewayResult().getGatewayTransactionId(),
                                trackingStatus(event),
                                now,
                                now.plus(properties.receiptInterval())));
            case ShopperReturned p -> shopperReturned(event, now);
            default -> {
                // an outcome the lifecycle calls final (authorized, debited, declined, failed, expired) ends the
                // tracking; requests, rejected commands (e.g. a duplicate of a payment still being resolved) and
                // back-office steps say nothing about an initial payment's open outcome
                if (PaymentEventSteps.initialOutcome(event)
                        .filter(PaymentState::isFinal)
                        .isPresent()) {
                    close(event);
                }
            }
        }
    }

    private void trackOnce(PaymentEventEnvelope event, TrackedPayment payment) {
        if (!processed.markProcessed(event.getMessageId())) {
            log.debug("Skipping already processed event {}", event.getMessageId());
            return;
        }
        payments.track(payment);
    }

    /**
     * The shopper's browser is back from 3-D Secure or the bank, so the gateway knows the outcome: the payment is
     * made due now, and the janitor (which claims rows with a lease, so two instances never check it at once) asks
     * the query endpoint at its next round. Not tracked or already closed: nothing to do. Idempotent.
     */
    private void shopperReturned(PaymentEventEnvelope event, Instant now) {
        if (payments.checkNow(event.getPaymentId(), now)) {
            log.info("Shopper returned for payment {}: checking it now", event.getPaymentId());
        }
    }

    /** What the lifecycle makes of an event that leaves the initial payment open: why it is tracked. */
    private static TrackingStatus trackingStatus(PaymentEventEnvelope event) {
        return TrackingStatus.of(PaymentEventSteps.initialOutcome(event).orElseThrow());
    }

    private void close(PaymentEventEnvelope event) {
        String closedBy = event.getPayload().getClass().getSimpleName() + ":" + event.getMessageId();
        if (payments.close(event.getPaymentId(), closedBy)) {
            log.info("Payment {} no longer tracked: {}", event.getPaymentId(), closedBy);
        }
    }

    private static TrackedPayment tracked(
            PaymentEventEnvelope event,
            PaymentType type,
            Money amount,
            String merchantTransactionId,
            String gatewayTransactionId,
            TrackingStatus status,
            Instant now,
            Instant firstCheck) {
        if (type == null || amount == null || merchantTransactionId == null || merchantTransactionId.isBlank()) {
            throw new InvalidMessageException("event " + event.getMessageId()
                    + " lacks the payment type, amount or merchantTransactionId needed to resolve it");
        }
        return new TrackedPayment(
                event.getPaymentId(),
                event.getMerchantId(),
                GatewayAccount.of(event.getGateway()),
                merchantTransactionId,
                gatewayTransactionId,
                type.name(),
                amount.getAmountMinor(),
                amount.getCurrency(),
                status,
                event.getCorrelationId(),
                event.getMessageId(),
                event.getOccurredAt() == null ? now : event.getOccurredAt(),
                firstCheck,
                0,
                null,
                null);
    }
}

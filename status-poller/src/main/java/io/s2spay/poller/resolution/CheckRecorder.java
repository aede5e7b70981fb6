package io.s2spay.poller.resolution;

import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.poller.tracking.TrackedPayment;
import io.s2spay.poller.tracking.TrackedPayments;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the result of a check: re-reads the tracked payment under a lock and, only if nothing settled it
 * meanwhile, publishes the outcome through the outbox and closes or reschedules it, all in one transaction.
 */
@Service
class CheckRecorder {

    private static final Logger log = LoggerFactory.getLogger(CheckRecorder.class);

    private final TrackedPayments payments;
    private final OutboxWriter outbox;

    CheckRecorder(TrackedPayments payments, OutboxWriter outbox) {
        this.payments = payments;
        this.outbox = outbox;
    }

    /** Returns whether the decision was applied (false when the payment was settled by someone else meanwhile). */
    @Transactional
    boolean record(TrackedPayment checked, Decision decision, Instant now) {
        TrackedPayment current = payments.lock(checked.paymentId()).orElse(null);
        if (current == null || current.status() != checked.status() || current.checksMade() != checked.checksMade()) {
            log.info(
                    "Payment {} changed while it was checked ({}); its check result is dropped",
                    checked.paymentId(),
                    current == null ? "gone" : current.status());
            return false;
        }
        switch (decision) {
            case Decision.Settle settle -> {
                PaymentEventEnvelope event = event(current, settle.payload(), now);
                outbox.append(Topics.PAYMENT_EVENTS, current.paymentId(), event);
                payments.settled(
                        current.paymentId(),
                        settle.payload().getClass().getSimpleName() + ":" + event.getMessageId(),
                        settle.summary(),
                        now);
                log.info(
                        "Payment {} resolved after {} checks: {} ({})",
                        current.paymentId(),
                        current.checksMade() + 1,
                        settle.payload().getClass().getSimpleName(),
                        settle.summary());
            }
            case Decision.CheckAgain again -> {
                if (again.payload() != null) {
                    outbox.append(Topics.PAYMENT_EVENTS, current.paymentId(), event(current, again.payload(), now));
                }
                payments.checked(
                        current.paymentId(),
                        again.status(),
                        again.gatewayTransactionId(),
                        again.lastResult(),
                        now,
                        again.nextCheckAt());
            }
        }
        return true;
    }

    private static PaymentEventEnvelope event(TrackedPayment payment, SpecificRecord payload, Instant now) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(payment.paymentId())
                .setMerchantId(payment.merchantId())
                .setGateway(
                        payment.gatewayAccount() == null
                                ? null
                                : payment.gatewayAccount().toRef())
                .setOccurredAt(now.truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(payment.correlationId())
                .setCausationId(payment.causedByMessageId())
                .setPayload(payload)
                .build();
    }
}

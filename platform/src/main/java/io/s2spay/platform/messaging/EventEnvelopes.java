package io.s2spay.platform.messaging;

import io.s2spay.schema.event.PaymentEventEnvelope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds {@link PaymentEventEnvelope}s with a new message id and the ids that tie a flow together, so
 * that no service gets correlation and causation wrong; the payload is the service's business.
 */
public final class EventEnvelopes {

    private static final Schema PAYLOAD_UNION =
            PaymentEventEnvelope.getClassSchema().getField("payload").schema();

    private EventEnvelopes() {}

    /**
     * The event that {@code cause} (any s2spay envelope: a command or an event) led to: same payment,
     * merchant and correlation id, causation id = the cause's message id, occurred now.
     */
    public static PaymentEventEnvelope causedBy(SpecificRecord cause, SpecificRecord payload) {
        return causedBy(cause, payload, Instant.now());
    }

    /** {@link #causedBy(SpecificRecord, SpecificRecord)} at a given instant (e.g. from a service's clock). */
    public static PaymentEventEnvelope causedBy(SpecificRecord cause, SpecificRecord payload, Instant occurredAt) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(MessageIds.newId())
                .setPaymentId(envelopeField(cause, "paymentId"))
                .setMerchantId(envelopeField(cause, "merchantId"))
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(envelopeField(cause, "correlationId"))
                .setCausationId(envelopeField(cause, "messageId"))
                .setPayload(requireEventPayload(payload))
                .build();
    }

    /**
     * The first event of a flow that no message caused (e.g. an HTTP request, whose id is the
     * correlation id): causation id empty.
     */
    public static PaymentEventEnvelope initial(
            String paymentId, String merchantId, String correlationId, SpecificRecord payload, Instant occurredAt) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(MessageIds.newId())
                .setPaymentId(paymentId)
                .setMerchantId(merchantId)
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(correlationId)
                .setCausationId(null)
                .setPayload(requireEventPayload(payload))
                .build();
    }

    private static String envelopeField(SpecificRecord envelope, String name) {
        Schema.Field field = envelope.getSchema().getField(name);
        if (field == null) {
            throw new IllegalArgumentException(
                    envelope.getSchema().getFullName() + " is not an s2spay envelope: no " + name);
        }
        Object value = envelope.get(field.pos());
        return value == null ? null : value.toString();
    }

    private static SpecificRecord requireEventPayload(SpecificRecord payload) {
        // Avro only notices a foreign union member when the envelope is serialized, long after this call
        if (payload == null
                || PAYLOAD_UNION.getIndexNamed(
                                ((GenericContainer) payload).getSchema().getFullName())
                        == null) {
            throw new IllegalArgumentException("not a payment event payload: "
                    + (payload == null ? "null" : payload.getSchema().getFullName()));
        }
        return payload;
    }
}

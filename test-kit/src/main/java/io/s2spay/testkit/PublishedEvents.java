package io.s2spay.testkit;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.serde.AvroSerdeProperties;
import io.s2spay.schema.serde.RegistryLookups;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;

/**
 * The events on {@code s2spay.payment.events} of one payment, decoded through the registry, for tests that check what
 * a service published. Only the payment's own records are decoded, so the undecodable records other tests publish on
 * purpose do not get in the way.
 */
public final class PublishedEvents {

    private final KafkaTopicReader reader;
    private final AvroKafkaDeserializer<Object> deserializer;

    public PublishedEvents(TestInfrastructure infrastructure) {
        this.reader = KafkaTopicReader.of(infrastructure);
        this.deserializer = new AvroKafkaDeserializer<>(RegistryLookups.facade(infrastructure.registryUrl()));
        deserializer.configure(new HashMap<>(AvroSerdeProperties.forRegistry(infrastructure.registryUrl())), false);
    }

    public List<PaymentEventEnvelope> of(String paymentId) {
        return reader.readRaw(Topics.PAYMENT_EVENTS).stream()
                .filter(r -> r.key() != null && paymentId.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .map(r -> deserializer.deserialize(Topics.PAYMENT_EVENTS, r.value()))
                .filter(PaymentEventEnvelope.class::isInstance)
                .map(PaymentEventEnvelope.class::cast)
                .toList();
    }

    /** The payloads of {@code type} published for the payment, in order. */
    public <T> List<T> of(String paymentId, Class<T> type) {
        return of(paymentId).stream()
                .map(PaymentEventEnvelope::getPayload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}

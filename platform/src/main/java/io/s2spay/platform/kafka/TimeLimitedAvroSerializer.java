package io.s2spay.platform.kafka;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.s2spay.schema.serde.RegistryLookups;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Apicurio Avro serializer with schema lookups that time out ({@link RegistryLookups}): a registry that never
 * answers fails the send (or the outbox write) instead of holding its thread for good.
 */
public class TimeLimitedAvroSerializer extends AvroKafkaSerializer<SpecificRecord> {

    private final RegistryLookups.Unbound registry;

    public TimeLimitedAvroSerializer() {
        this(RegistryLookups.unbound());
    }

    private TimeLimitedAvroSerializer(RegistryLookups.Unbound registry) {
        super(registry.facade());
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registry.bind(configs);
        super.configure(configs, isKey);
    }
}

package io.s2spay.platform.kafka;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.s2spay.schema.serde.RegistryLookups;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The Apicurio Avro deserializer that also keeps a reference to the record's original bytes in a
 * header, so that a record a listener rejects reaches the dead-letter topic exactly as it was received
 * (re-encoding it would drop fields this service's schema version does not know). Its schema lookups time out
 * ({@link RegistryLookups}): a registry that never answers fails the record's decoding instead of stopping the
 * consumer's partitions for good.
 */
public class OriginalValueRetainingAvroDeserializer extends AvroKafkaDeserializer<SpecificRecord> {

    /** Header holding the original value while the record is processed; never published. */
    public static final String ORIGINAL_VALUE_HEADER = "s2spay_original_value";

    private final RegistryLookups.Unbound registry;

    public OriginalValueRetainingAvroDeserializer() {
        this(RegistryLookups.unbound());
    }

    private OriginalValueRetainingAvroDeserializer(RegistryLookups.Unbound registry) {
        super(registry.facade());
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registry.bind(configs);
        super.configure(configs, isKey);
    }

    @Override
    public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
        if (headers != null && data != null) {
            // the same array the consumer fetched: no copy
            headers.add(ORIGINAL_VALUE_HEADER, data);
        }
        return super.deserialize(topic, headers, data);
    }
}

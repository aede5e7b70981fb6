package io.s2spay.schema.serde;

import java.util.Map;

/**
 * The Apicurio serde settings that put s2spay's Avro records on Kafka in the Confluent wire format
 * (magic byte 0 + 4-byte content id, no headers, subject {@code <topic>-value} holding one self-contained schema),
 * so that Confluent clients in any language read and write the same topics through the registry's ccompat API.
 */
public final class AvroSerdeProperties {

    private AvroSerdeProperties() {}

    /** Serializer and deserializer properties for the registry's native API at {@code registryUrl}. */
    public static Map<String, Object> forRegistry(String registryUrl) {
        return Map.of(
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.use-id", "contentId",
                "apicurio.registry.headers.enabled", "false",
                "apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler",
                "apicurio.registry.auto-register", "true",
                // one self-contained schema per subject, the form every Confluent client reads: without this the
                // serializer registers each named type (Money, PaymentType, ...) as a subject of its own and the
                // topic's subject reaches them through nested references, which Confluent's Node.js client resolves
                // in the wrong order and older clients (Python's legacy avro serde) do not resolve at all
                "apicurio.registry.dereference-schema", "true",
                "apicurio.registry.find-latest", "false",
                // the JDK's java.net.http client (io.kiota:kiota-http-jdk) rather than the SDK's default: a Vert.x
                // instance shared by every client in the JVM, never closed, which the SDK itself warns against
                "apicurio.registry.http.adapter", "JDK",
                // consumers decode into the generated classes of this module (AvroSerdeConfig.USE_SPECIFIC_AVRO_READER
                // in serde 3.1.7); the writer's schema is resolved against the generated class's schema
                "apicurio.registry.use-specific-avro-reader", "true",
                // readers and writers cached by schema, not by a fingerprint computed for every record
                "apicurio.registry.avro-datum-provider", SchemaCachingDatumProvider.class.getName());
    }
}

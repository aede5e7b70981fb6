package io.s2spay.platform.outbox;

import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.data.SerdeMetadata;
import io.apicurio.registry.serde.data.SerdeRecord;
import io.s2spay.platform.tracing.TraceContextHeaders;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link OutboxWriter} on the service's {@code outbox} table. The payload is stored already encoded in
 * the Confluent wire format for the topic (schema registered as {@code <topic>-value}), so the relay
 * forwards bytes and a schema problem fails the business transaction instead of the relay.
 */
final class JdbcOutboxWriter implements OutboxWriter, AutoCloseable {

    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    /** Kafka producers refuse records above {@code max.request.size} (1 MiB by default), headers and key included. */
    static final int MAX_PAYLOAD_BYTES = 1_000_000;

    private final JdbcClient jdbc;
    private final AvroKafkaSerializer<SpecificRecord> serializer;
    private final TraceContextHeaders traceContext;

    /** @param serializer configured once: it caches the registry's schema ids */
    JdbcOutboxWriter(JdbcClient jdbc, AvroKafkaSerializer<SpecificRecord> serializer) {
        this(jdbc, serializer, TraceContextHeaders.none());
    }

    /** @param traceContext the trace context each row keeps, published as its record's {@code traceparent} */
    JdbcOutboxWriter(
            JdbcClient jdbc, AvroKafkaSerializer<SpecificRecord> serializer, TraceContextHeaders traceContext) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.traceContext = traceContext;
    }

    @Override
    public void append(String topic, String key, SpecificRecord message) {
        // a row Kafka refuses would stop the relay for good (it never skips a row), so refuse it here
        if (topic == null || !KAFKA_TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("not a Kafka topic name: " + topic);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key is blank: records are keyed by payment id");
        }
        if (message == null) {
            throw new IllegalArgumentException("message is null");
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OutboxWriter.append needs an active transaction: the message must "
                    + "commit together with the state change it announces");
        }
        byte[] payload = serializer.serialize(topic, message);
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("message of " + payload.length + " bytes is larger than Kafka accepts");
        }
        jdbc.sql("insert into outbox (id, aggregatetype, aggregateid, type, payload, traceparent, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, clock_timestamp())")
                .params(UUID.randomUUID(), topic, key, eventType(message), payload, traceContext.currentTraceparent())
                .update();
    }

    /**
     * Registers (or finds) the schema of {@code emptyRecord}'s type as the value schema of {@code topic}, and keeps
     * its id in the serializer's cache, as the first {@link #append} of such a record would.
     *
     * @return the schema's content id, the id written in the Confluent wire format
     */
    long registerSchema(String topic, SpecificRecord emptyRecord) {
        SchemaLookupResult<?> result = serializer
                .getSchemaResolver()
                .resolveSchema(new SerdeRecord<>(new SerdeMetadata(topic, false), emptyRecord));
        return result.getContentId();
    }

    @Override
    public void close() {
        serializer.close();
    }

    /** The payload's record name for an envelope ({@code PaymentDebited}), else the record's own name. */
    static String eventType(SpecificRecord message) {
        Schema.Field payloadField = message.getSchema().getField("payload");
        if (payloadField != null && message.get(payloadField.pos()) instanceof GenericContainer payload) {
            return payload.getSchema().getName();
        }
        return message.getSchema().getName();
    }
}

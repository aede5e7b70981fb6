package io.s2spay.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.schema.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Publishes a record that failed for good to {@code <topic>.dlt} with the bytes it arrived with and
 * Spring's standard {@code kafka_dlt-*} headers (original topic, partition, offset, exception class,
 * message and stack trace).
 */
final class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private final MeterRegistry meters;

    DeadLetterRecoverer(KafkaOperations<String, byte[]> deadLetterTemplate, MeterRegistry meters) {
        // partition -1: the producer partitions by key, so a payment's dead letters stay in order even
        // when the dead-letter topic has fewer partitions than the original
        super(deadLetterTemplate, (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        this.meters = meters;
    }

    /** Counts the record by its topic and the failure that sent it here, then publishes it. */
    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        Throwable reason = exception;
        // the container wraps the listener's failure: count by what failed
        while (reason instanceof ListenerExecutionFailedException && reason.getCause() != null) {
            reason = reason.getCause();
        }
        Counter.builder("s2spay.kafka.dead-letters")
                .description("Records sent to a dead-letter topic, by the topic they came from and the failure")
                .tag("topic", record.topic())
                .tag("reason", reason.getClass().getSimpleName())
                .register(meters)
                .increment();
        super.accept(record, consumer, exception);
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(
            ConsumerRecord<?, ?> record, TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
        // value is set when deserialization failed (taken from the exception header); otherwise the record
        // decoded and the listener rejected it: publish the bytes the deserializer kept
        byte[] original = value != null ? value : lastHeaderValue(record.headers());
        headers.remove(OriginalValueRetainingAvroDeserializer.ORIGINAL_VALUE_HEADER);
        if (original == null && record.value() != null && !(record.value() instanceof byte[])) {
            // only a consumer not built by the platform gets here; failing would block the partition for ever
            logger.error(() -> "No original bytes kept for " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " (consumer without "
                    + OriginalValueRetainingAvroDeserializer.class.getSimpleName()
                    + "): dead-lettering it with its headers only");
            return new ProducerRecord<>(
                    topicPartition.topic(), null, record.timestamp(), key != null ? key : record.key(), null, headers);
        }
        return super.createProducerRecord(record, topicPartition, headers, key, original);
    }

    private static byte[] lastHeaderValue(Headers headers) {
        Header header = headers.lastHeader(OriginalValueRetainingAvroDeserializer.ORIGINAL_VALUE_HEADER);
        return header == null ? null : header.value();
    }
}

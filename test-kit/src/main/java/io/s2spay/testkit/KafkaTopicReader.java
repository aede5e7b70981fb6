package io.s2spay.testkit;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.s2spay.schema.serde.AvroSerdeProperties;
import io.s2spay.schema.serde.RegistryLookups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every record a topic holds right now, from the beginning, without a consumer group: as raw bytes (to
 * scan keys, values and headers for card data) or decoded into the generated Avro classes through the registry,
 * with the project's one serde configuration ({@link AvroSerdeProperties}).
 */
public final class KafkaTopicReader {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String registryUrl;
    /**
     * One deserializer for the reader's life, so that a schema is fetched from the registry once rather than on
     * every read; its lookups time out ({@link RegistryLookups}). Guarded by itself (a serde is not meant to be
     * shared between threads).
     */
    private AvroKafkaDeserializer<Object> values;

    /** A reader for the given broker and registry (the registry's native v3 API address). */
    public KafkaTopicReader(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** A reader for this JVM's test infrastructure. */
    public static KafkaTopicReader of(TestInfrastructure infrastructure) {
        return new KafkaTopicReader(infrastructure.kafkaBootstrapServers(), infrastructure.registryUrl());
    }

    /** Every topic on the broker except Kafka's internal ones, sorted. */
    public Set<String> topics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return new TreeSet<>(admin.listTopics().names().get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics of " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record of {@code topic} as raw bytes (aborted transactional records too), by partition then offset. */
    public List<ConsumerRecord<byte[], byte[]>> readRaw(String topic) {
        return read(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer(), "read_uncommitted");
    }

    /** Every record of every (non-internal) topic, raw. */
    public Map<String, List<ConsumerRecord<byte[], byte[]>>> readRawFromAllTopics() {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> records = new LinkedHashMap<>();
        for (String topic : topics()) {
            records.put(topic, readRaw(topic));
        }
        return records;
    }

    /**
     * Every committed record of {@code topic}, keys as strings and values decoded through the registry into
     * generated Avro classes, by partition then offset. Records that cannot be decoded at all (the garbage some
     * tests publish on purpose to prove a consumer survives it) are skipped, so they never break another test's
     * read of the same topic. Fails if a decoded value is not a {@code valueType} (tombstones stay {@code null}).
     */
    public <T extends SpecificRecord> List<ConsumerRecord<String, T>> read(String topic, Class<T> valueType) {
        List<ConsumerRecord<byte[], byte[]>> records =
                read(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer(), "read_committed");
        List<ConsumerRecord<String, T>> typed = new ArrayList<>(records.size());
        AvroKafkaDeserializer<Object> values = values();
        try (StringDeserializer keys = new StringDeserializer()) {
            for (ConsumerRecord<byte[], byte[]> raw : records) {
                Object value;
                try {
                    value = raw.value() == null ? null : decode(values, topic, raw);
                } catch (RuntimeException undecodable) {
                    continue;
                }
                typed.add(typed(raw, keys.deserialize(topic, raw.headers(), raw.key()), value, valueType));
            }
        }
        return typed;
    }

    private synchronized AvroKafkaDeserializer<Object> values() {
        if (values == null) {
            values = new AvroKafkaDeserializer<>(RegistryLookups.facade(registryUrl));
            values.configure(new HashMap<>(AvroSerdeProperties.forRegistry(registryUrl)), false);
        }
        return values;
    }

    private static Object decode(
            AvroKafkaDeserializer<Object> values, String topic, ConsumerRecord<byte[], byte[]> raw) {
        synchronized (values) {
            return values.deserialize(topic, raw.headers(), raw.value());
        }
    }

    private static <T> ConsumerRecord<String, T> typed(
            ConsumerRecord<byte[], byte[]> record, String key, Object value, Class<T> valueType) {
        if (value != null && !valueType.isInstance(value)) {
            throw new IllegalStateException(record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " holds a " + value.getClass().getName() + ", not a " + valueType.getName());
        }
        return new ConsumerRecord<>(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.timestampType(),
                record.serializedKeySize(),
                record.serializedValueSize(),
                key,
                valueType.cast(value),
                record.headers(),
                record.leaderEpoch());
    }

    /** The decoded values of {@link #read(String, Class)}. */
    public <T extends SpecificRecord> List<T> readValues(String topic, Class<T> valueType) {
        return read(topic, valueType).stream().map(ConsumerRecord::value).toList();
    }

    private <K, V> List<ConsumerRecord<K, V>> read(
            String topic, Deserializer<K> keys, Deserializer<V> values, String isolationLevel) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolationLevel,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "s2spay-testkit-topic-reader");
        try (Consumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<PartitionInfo> partitionInfos = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (partitionInfos == null || partitionInfos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = partitionInfos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // what the topic holds now: later records are not waited for
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, List<ConsumerRecord<K, V>>> byPartition = new LinkedHashMap<>();
            partitions.forEach(partition -> byPartition.put(partition, new ArrayList<>()));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, partitions, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read " + topic + " up to " + ends + " within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition)) {
                        byPartition.get(partition).add(record);
                    }
                }
            }
            return byPartition.values().stream().flatMap(Collection::stream).toList();
        }
    }

    private static boolean reachedEnd(
            Consumer<?, ?> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, READ_TIMEOUT) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }
}

package io.s2spay.platform.testapp;

import io.s2spay.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records, in the background, every record that reaches a topic after it was created, by key, with the
 * {@link System#nanoTime()} at which it was received.
 */
public final class TopicRecorder implements AutoCloseable {

    /** A received record and when it arrived. */
    public record Received(ConsumerRecord<String, byte[]> record, long receivedNanos) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, List<Received>> byKey = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean open = true;

    public TopicRecorder(String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        10),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is written
        poller =
                Thread.ofPlatform().name("topic-recorder-" + topic).daemon(true).start(this::poll);
    }

    private void poll() {
        try {
            while (open) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    byKey.computeIfAbsent(String.valueOf(record.key()), key -> new CopyOnWriteArrayList<>())
                            .add(new Received(record, now));
                }
            }
        } catch (WakeupException closing) {
            // close() woke the consumer up
        } finally {
            consumer.close();
        }
    }

    /** The records received with {@code key}, in arrival order. */
    public List<Received> received(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10));
    }
}

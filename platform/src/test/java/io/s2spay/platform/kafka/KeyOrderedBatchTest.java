package io.s2spay.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

class KeyOrderedBatchTest {

    @Test
    void processesEachKeyInOrderAndTheKeysAtTheSameTime() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (String key : List.of("pay_a", "pay_b", "pay_c", "pay_d")) {
                records.add(record(records.size(), key, key + ":" + i));
            }
        }
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        // every key's first record waits until all four keys have started: only parallel keys get past it
        CountDownLatch allKeysStarted = new CountDownLatch(4);

        KeyOrderedBatch.process(records, value -> {
            if (value.endsWith(":0")) {
                allKeysStarted.countDown();
                await(allKeysStarted);
            }
            seen.add(value);
        });

        assertThat(seen).hasSize(20);
        for (String key : List.of("pay_a", "pay_b", "pay_c", "pay_d")) {
            assertThat(seen.stream().filter(v -> v.startsWith(key + ":")).toList())
                    .containsExactly(key + ":0", key + ":1", key + ":2", key + ":3", key + ":4");
        }
    }

    @Test
    void failsTheBatchAtItsFirstFailedRecordAndHoldsBackTheLaterRecordsOfThatKey() {
        List<ConsumerRecord<String, String>> records = List.of(
                record(0, "pay_a", "a0"),
                record(1, "pay_b", "b0"),
                record(2, "pay_b", "b1-fails"),
                record(3, "pay_b", "b2"),
                record(4, "pay_c", "c0-fails"),
                record(5, "pay_a", "a1"));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> KeyOrderedBatch.process(records, value -> {
                    if (value.endsWith("-fails")) {
                        throw new IllegalStateException(value + " refused");
                    }
                    seen.add(value);
                }))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(2))
                .hasMessageContaining("b1-fails refused")
                .hasMessageContaining("2 of 6 records failed, 1 more held back")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(seen).containsExactlyInAnyOrder("a0", "b0", "a1");
    }

    @Test
    void aRecordThatCouldNotBeDeserializedFailsAtItsIndex() {
        ConsumerRecord<String, String> undecodable = record(1, "pay_b", null);
        // as the platform's ErrorHandlingDeserializer marks a value it could not decode
        SerializationUtils.deserializationException(
                undecodable.headers(),
                new byte[] {0, 0, 0, 3, (byte) 0xe7},
                new IllegalStateException("unknown schema id 999"),
                false);
        AtomicInteger handled = new AtomicInteger();

        assertThatThrownBy(() -> KeyOrderedBatch.process(
                        List.of(record(0, "pay_a", "a0"), undecodable, record(2, "pay_c", "c0")),
                        value -> handled.incrementAndGet()))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .hasCauseInstanceOf(DeserializationException.class);
        assertThat(handled).hasValue(2);
    }

    private static ConsumerRecord<String, String> record(long offset, String key, String value) {
        return new ConsumerRecord<>(
                "s2spay.payment.commands",
                0,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                key,
                value,
                new RecordHeaders(),
                java.util.Optional.empty());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS))
                    .as("all keys run at once")
                    .isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

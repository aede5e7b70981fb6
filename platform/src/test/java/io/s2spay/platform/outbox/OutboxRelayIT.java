package io.s2spay.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.platform.PlatformProperties;
import io.s2spay.platform.kafka.KafkaClientConfigs;
import io.s2spay.platform.testapp.PlatformIntegrationTest;
import io.s2spay.platform.testapp.TestMessages;
import io.s2spay.platform.testapp.TopicRecorder;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.serde.AvroSerdeProperties;
import io.s2spay.testkit.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayIT extends PlatformIntegrationTest {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxPurger purger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HealthContributorRegistry health;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformProperties platform;

    @Autowired
    KafkaClientConfigs kafka;

    private TopicRecorder events;
    private AvroKafkaDeserializer<SpecificRecord> deserializer;

    @BeforeAll
    void recordEvents() {
        events = new TopicRecorder(Topics.PAYMENT_EVENTS);
        deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(
                AvroSerdeProperties.forRegistry(TestInfrastructure.get().registryUrl()), false);
    }

    @AfterAll
    void stopRecording() throws InterruptedException {
        events.close();
        deserializer.close();
    }

    @BeforeEach
    @AfterEach
    void relayIsRelaying() {
        relay.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> relayHealth().getStatus().equals(Status.UP));
    }

    @Test
    void publishesACommittedMessageInTheConfluentWireFormatWithItsKeyAndEventType() {
        PaymentEventEnvelope event = TestMessages.paymentRequested();

        transactions.executeWithoutResult(tx -> outbox.append(Topics.PAYMENT_EVENTS, event.getPaymentId(), event));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !events.received(event.getPaymentId()).isEmpty());
        ConsumerRecord<String, byte[]> record =
                events.received(event.getPaymentId()).getFirst().record();
        assertThat(record.key()).isEqualTo(event.getPaymentId());
        assertThat(record.value()[0]).as("magic byte").isZero();
        assertThat(header(record, "eventType")).isEqualTo("PaymentRequested");
        assertThat(header(record, "id")).isNotBlank();
        assertThat(record.headers().toArray())
                .extracting(org.apache.kafka.common.header.Header::key)
                .containsExactly("id", "eventType");
        assertThat(record.timestamp()).as("the row's created_at").isPositive();
        assertThat(deserializer.deserialize(Topics.PAYMENT_EVENTS, record.value()))
                .isEqualTo(event);
    }

    @Test
    void publishesNothingForARolledBackTransaction() {
        PaymentEventEnvelope rolledBack = TestMessages.paymentRequested();
        PaymentEventEnvelope committed = TestMessages.paymentRequested();

        transactions.executeWithoutResult(tx -> {
            outbox.append(Topics.PAYMENT_EVENTS, rolledBack.getPaymentId(), rolledBack);
            tx.setRollbackOnly();
        });
        transactions.executeWithoutResult(
                tx -> outbox.append(Topics.PAYMENT_EVENTS, committed.getPaymentId(), committed));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !events.received(committed.getPaymentId()).isEmpty());
        // the committed row came later in the WAL: had the other been relayed, it would be there by now
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> events.received(rolledBack.getPaymentId()).isEmpty());
        assertThat(outboxRows(rolledBack.getPaymentId())).isZero();
    }

    @Test
    void refusesToAppendOutsideATransaction() {
        PaymentEventEnvelope event = TestMessages.paymentRequested();

        assertThatThrownBy(() -> outbox.append(Topics.PAYMENT_EVENTS, event.getPaymentId(), event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThat(outboxRows(event.getPaymentId())).isZero();
    }

    @Test
    void losesNothingWhenTheRelayIsRestartedWhileMessagesAreWritten() throws Exception {
        int total = 300;
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                PaymentEventEnvelope event = TestMessages.paymentRequested();
                transactions.executeWithoutResult(
                        tx -> outbox.append(Topics.PAYMENT_EVENTS, event.getPaymentId(), event));
                keys.add(event.getPaymentId());
                written.incrementAndGet();
            }
        });

        for (int restart = 1; restart <= 2; restart++) {
            int threshold = restart * total / 3;
            await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= threshold);
            relay.stop();
            assertThat(relay.isRunning()).isFalse();
            relay.start();
        }
        writer.get();

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(keys)
                        .allSatisfy(key -> assertThat(events.received(key)).isNotEmpty()));
        long duplicates =
                keys.stream().mapToLong(key -> events.received(key).size() - 1).sum();
        System.out.printf("relay restarted twice during %d commits: all relayed, %d duplicates%n", total, duplicates);
    }

    @Test
    void losesNothingWhenItsReplicationConnectionIsKilled() throws Exception {
        int total = 200;
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                PaymentEventEnvelope event = TestMessages.paymentRequested();
                transactions.executeWithoutResult(
                        tx -> outbox.append(Topics.PAYMENT_EVENTS, event.getPaymentId(), event));
                keys.add(event.getPaymentId());
                written.incrementAndGet();
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= total / 3);
        int killed = jdbc.sql("select count(pg_terminate_backend(active_pid)) from pg_replication_slots"
                        + " where slot_name = ? and active")
                .param(relay.slotName())
                .query(Integer.class)
                .single();
        writer.get();

        assertThat(killed).isOne();
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(keys)
                        .allSatisfy(key -> assertThat(events.received(key)).isNotEmpty()));
        long duplicates =
                keys.stream().mapToLong(key -> events.received(key).size() - 1).sum();
        System.out.printf(
                "replication connection killed during %d commits: all relayed, %d duplicates%n", total, duplicates);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> relayHealth().getStatus().equals(Status.UP));
    }

    @Test
    void republishesTheOutboxWhenTheSlotWasLostWhileTheRelayWasStopped() {
        relay.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !slotActive());
        jdbc.sql("select 1 from pg_drop_replication_slot(?)")
                .param(relay.slotName())
                .query(Integer.class)
                .single();
        List<PaymentEventEnvelope> writtenMeanwhile = List.of(
                TestMessages.paymentRequested(), TestMessages.paymentRequested(), TestMessages.paymentRequested());
        transactions.executeWithoutResult(tx ->
                writtenMeanwhile.forEach(event -> outbox.append(Topics.PAYMENT_EVENTS, event.getPaymentId(), event)));

        relay.start();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(writtenMeanwhile)
                        .allSatisfy(event -> assertThat(events.received(event.getPaymentId()))
                                .isNotEmpty()));
    }

    @Test
    void advancesItsSlotWhileTheOutboxIsIdle() {
        PaymentEventEnvelope event = TestMessages.paymentRequested();
        transactions.executeWithoutResult(tx -> outbox.append(Topics.PAYMENT_EVENTS, event.getPaymentId(), event));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !events.received(event.getPaymentId()).isEmpty());
        // WAL the relay does not publish: another table's rows
        jdbc.sql("insert into processed_message (message_id) values (?)")
                .param("idle-" + UUID.randomUUID())
                .update();
        String written = jdbc.sql("select pg_current_wal_lsn()::text")
                .query(String.class)
                .single();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select confirmed_flush_lsn >= ?::pg_lsn from pg_replication_slots"
                                + " where slot_name = ?")
                        .params(written, relay.slotName())
                        .query(Boolean.class)
                        .single());
    }

    @Test
    void reportsItsHealthAsOutboxRelay() {
        PaymentEventEnvelope event = TestMessages.paymentRequested();
        transactions.executeWithoutResult(tx -> outbox.append(Topics.PAYMENT_EVENTS, event.getPaymentId(), event));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !events.received(event.getPaymentId()).isEmpty());

        Health up = relayHealth();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails())
                .containsEntry("state", "RELAYING")
                .containsEntry("slot", relay.slotName())
                .containsEntry("schema", SERVICE)
                .containsKey("lastRelayedAt");
        assertThat((Long) up.getDetails().get("recordsRelayed")).isPositive();
        assertThat(meters.get("s2spay.outbox.relayed")
                        .tag("slot", relay.slotName())
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("s2spay.outbox.relay.lag").timer().count()).isPositive();

        relay.stop();
        Health down = relayHealth();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("state", "STOPPED");
    }

    @Test
    void aSecondInstanceStandsByWhileTheSlotIsHeldAndTakesOverWhenItIsReleased() throws Exception {
        // another replica of the service: same slot, same publication, same outbox table
        OutboxRelay second = OutboxAutoConfiguration.relay(dataSource, relayDatabase(), platform, kafka, null);
        OutboxRelayHealthIndicator secondHealth = new OutboxRelayHealthIndicator(second);
        second.start();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Health standby = secondHealth.health();
                assertThat(standby.getStatus()).isEqualTo(Status.UP);
                assertThat(standby.getDetails())
                        .containsEntry("state", "STANDBY")
                        .containsKey("slotHeldByPid");
            });
            assertThat(second.restarts())
                    .as("a standby does not start engines that can only fail")
                    .isZero();
            assertThat(relayHealth().getDetails()).containsEntry("state", "RELAYING");

            relay.stop();
            PaymentEventEnvelope afterTakeover = TestMessages.paymentRequested();
            transactions.executeWithoutResult(
                    tx -> outbox.append(Topics.PAYMENT_EVENTS, afterTakeover.getPaymentId(), afterTakeover));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !events.received(afterTakeover.getPaymentId()).isEmpty());
            assertThat(secondHealth.health().getDetails()).containsEntry("state", "RELAYING");
            // counted once Kafka acknowledged the whole batch, which a consumer may see before
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(second.recordsRelayed()).isPositive());

            relay.start();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(relayHealth().getDetails()).containsEntry("state", "STANDBY"));
        } finally {
            second.stop();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(relayHealth().getDetails()).containsEntry("state", "RELAYING"));
    }

    @Test
    void purgesOnlyRowsOlderThanTheRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        String topic = "platformtest.purge";
        for (UUID id : List.of(old, recent)) {
            jdbc.sql("insert into outbox (id, aggregatetype, aggregateid, type, payload, created_at)"
                            + " values (?, ?, ?, 'Test', ?, now() - make_interval(mins => ?))")
                    .params(id, topic, id.toString(), "x".getBytes(StandardCharsets.UTF_8), id.equals(old) ? 61 : 59)
                    .update();
        }

        int purged = purger.purge();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox where id = ?")
                        .param(old)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from outbox where id = ?")
                        .param(recent)
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void measuresCommitToConsumerLatency() throws Exception {
        commitToConsumerLatencies(100, Duration.ZERO); // warm-up
        List<Long> paced = commitToConsumerLatencies(500, Duration.ofMillis(10));
        List<Long> backToBack = commitToConsumerLatencies(500, Duration.ZERO);

        report("one commit every 10 ms", paced);
        report("back-to-back commits", backToBack);
        assertThat(paced).hasSize(500);
        assertThat(backToBack).hasSize(500);
    }

    /** Commits {@code count} outbox rows, one per transaction, {@code interval} apart; latencies in µs, sorted. */
    private List<Long> commitToConsumerLatencies(int count, Duration interval) throws Exception {
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Runnable commitOne = () -> {
            PaymentEventEnvelope event = TestMessages.paymentRequested();
            transactions.executeWithoutResult(tx -> outbox.append(Topics.PAYMENT_EVENTS, event.getPaymentId(), event));
            committedAt.put(event.getPaymentId(), System.nanoTime());
        };
        if (interval.isZero()) {
            for (int i = 0; i < count; i++) {
                commitOne.run();
            }
        } else {
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            try {
                CountDownLatch done = new CountDownLatch(count);
                pacer.scheduleAtFixedRate(
                        () -> {
                            if (done.getCount() > 0) {
                                commitOne.run();
                                done.countDown();
                            }
                        },
                        0,
                        interval.toNanos(),
                        TimeUnit.NANOSECONDS);
                assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                pacer.shutdownNow();
            }
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(committedAt.keySet())
                        .allSatisfy(key -> assertThat(events.received(key)).isNotEmpty()));
        return committedAt.entrySet().stream()
                .map(entry -> (events.received(entry.getKey()).getFirst().receivedNanos() - entry.getValue()) / 1_000)
                .sorted()
                .toList();
    }

    private static void report(String load, List<Long> sortedMicros) {
        System.out.printf(
                "outbox commit -> consumer, %d messages, %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sortedMicros.size(),
                load,
                percentile(sortedMicros, 50),
                percentile(sortedMicros, 95),
                percentile(sortedMicros, 99),
                sortedMicros.getLast() / 1000.0);
    }

    private static double percentile(List<Long> sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }

    private Health relayHealth() {
        return ((HealthIndicator) health.getContributor("outboxRelay")).health();
    }

    private PostgresConnectionSettings relayDatabase() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        return PostgresConnectionSettings.fromJdbc(
                infrastructure.jdbcUrl(), infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
    }

    private boolean slotActive() {
        return jdbc.sql("select coalesce(bool_or(active), false) from pg_replication_slots where slot_name = ?")
                .param(relay.slotName())
                .query(Boolean.class)
                .single();
    }

    private int outboxRows(String key) {
        return jdbc.sql("select count(*) from outbox where aggregateid = ?")
                .param(key)
                .query(Integer.class)
                .single();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

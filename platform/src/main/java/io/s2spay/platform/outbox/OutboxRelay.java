package io.s2spay.platform.outbox;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.s2spay.platform.PlatformProperties;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Relays the service's outbox table to Kafka with a Debezium embedded engine (pgoutput, Outbox Event
 * Router): each record goes to the topic named by its {@code aggregatetype}, keyed by its
 * {@code aggregateid}, with an {@code eventType} header, as the bytes the writer stored. A batch is
 * marked processed only after Kafka acknowledged all of it (at-least-once). Runs as a lifecycle bean
 * and restarts the engine with a backoff whenever it dies.
 */
final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /**
     * What the relay is doing, for the health indicator (which reports RELAYING once Debezium streams):
     * preparing the publication, running an engine (connecting, snapshotting or streaming), standing by
     * while another instance of the service holds the slot, waiting to restart a failed engine, or stopped.
     */
    enum State {
        STOPPED,
        STARTING,
        CONNECTING,
        STANDBY,
        RESTARTING
    }

    private final PlatformProperties platform;
    private final JdbcClient jdbc;
    private final PostgresConnectionSettings database;
    private final Map<String, Object> producerConfig;
    private final String bootstrapServers;
    private final Counter relayedCounter;
    private final Timer lagTimer;

    private final Object lock = new Object();
    private volatile boolean running;
    private volatile State state = State.STOPPED;
    private Thread supervisor;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile boolean engineStarted;
    private volatile String schema;

    private final AtomicLong recordsRelayed = new AtomicLong();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicReference<Instant> lastRelayedAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<Instant> lastErrorAt = new AtomicReference<>();

    OutboxRelay(
            PlatformProperties platform,
            JdbcClient jdbc,
            PostgresConnectionSettings database,
            Map<String, Object> producerConfig,
            String bootstrapServers,
            MeterRegistry meters) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.database = database;
        this.producerConfig = producerConfig;
        this.bootstrapServers = bootstrapServers;
        if (meters != null) {
            this.relayedCounter = Counter.builder("s2spay.outbox.relayed")
                    .description("Outbox records published to Kafka and acknowledged")
                    .tag("slot", platform.slotName())
                    .register(meters);
            this.lagTimer = Timer.builder("s2spay.outbox.relay.lag")
                    .description("Time from the outbox insert to Kafka's acknowledgement of the relayed record")
                    .tag("slot", platform.slotName())
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(meters);
        } else {
            this.relayedCounter = null;
            this.lagTimer = null;
        }
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            state = State.STARTING;
            supervisor = Thread.ofPlatform()
                    .name("outbox-relay-" + platform.slotName())
                    .daemon(true)
                    .start(this::supervise);
        }
    }

    @Override
    public void stop() {
        Thread toJoin;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            lock.notifyAll();
            toJoin = supervisor;
        }
        closeEngine();
        try {
            toJoin.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = State.STOPPED;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Keeps an engine running until the relay is stopped, with an exponential backoff between failures. */
    private void supervise() {
        PlatformProperties.Outbox outbox = platform.outbox();
        Duration backoff = outbox.restartBackoffInitial();
        while (running) {
            if (slotHeldByAnotherInstance()) {
                // only one connection can stream from a slot: an engine started now would only fail; take over
                // within a poll interval once the active instance lets go
                state = State.STANDBY;
                if (!waitOrStop(outbox.standbyPollInterval())) {
                    return;
                }
                continue;
            }
            long startedAt = System.nanoTime();
            state = State.STARTING;
            try {
                runEngine();
            } catch (Throwable failure) {
                if (running) {
                    recordError(failure);
                } else {
                    log.debug("Outbox relay {} ended while stopping", platform.slotName(), failure);
                }
            }
            if (!running) {
                break;
            }
            if (Duration.ofNanos(System.nanoTime() - startedAt).compareTo(Duration.ofMinutes(1)) > 0) {
                backoff = outbox.restartBackoffInitial();
            }
            restarts.incrementAndGet();
            state = State.RESTARTING;
            log.warn("Outbox relay {} stopped ({}); restarting in {}", platform.slotName(), lastError.get(), backoff);
            if (!waitOrStop(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(outbox.restartBackoffMax()) > 0
                    ? outbox.restartBackoffMax()
                    : backoff.multipliedBy(2);
        }
    }

    /** Waits {@code duration} or until the relay is stopped; false if interrupted. */
    private boolean waitOrStop(Duration duration) {
        synchronized (lock) {
            long deadline = System.nanoTime() + duration.toNanos();
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether another connection streams from the slot; false when the database cannot say (the engine will). */
    private boolean slotHeldByAnotherInstance() {
        try {
            return slotHolderPid() != null;
        } catch (RuntimeException databaseUnavailable) {
            return false;
        }
    }

    /** Runs one engine until it stops or fails. */
    private void runEngine() throws Exception {
        String outboxSchema = resolveOutboxSchema();
        schema = outboxSchema;
        ensurePublication(outboxSchema);
        Properties config = DebeziumOutboxConfig.build(platform, database, outboxSchema, bootstrapServers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig);
        try {
            DebeziumEngine<RecordChangeEvent<SourceRecord>> created = DebeziumEngine.create(
                            ChangeEventFormat.of(Connect.class))
                    .using(config)
                    .using((success, message, error) -> {
                        if (!success) {
                            failure.set(error != null ? error : new IllegalStateException(message));
                        }
                    })
                    .using(new DebeziumEngine.ConnectorCallback() {
                        @Override
                        public void pollingStarted() {
                            engineStarted = true;
                        }
                    })
                    .notifying(new BatchPublisher(producer))
                    .build();
            synchronized (lock) {
                if (!running) {
                    closeQuietly(created);
                    return;
                }
                engineStarted = false;
                engine = created;
            }
            state = State.CONNECTING;
            log.info(
                    "Outbox relay {} starting: {}.outbox on {} -> Kafka {}",
                    platform.slotName(),
                    outboxSchema,
                    database,
                    bootstrapServers);
            try {
                created.run();
            } finally {
                engine = null;
                closeQuietly(created);
            }
            if (failure.get() != null) {
                throw new IllegalStateException(
                        "Debezium engine failed: " + failure.get().getMessage(), failure.get());
            }
            if (running) {
                throw new IllegalStateException("Debezium engine ended without being stopped");
            }
        } finally {
            // every acknowledged batch is committed already; whatever is still in flight is sent again later
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Stops the running engine. An engine that is still starting fails noisily when closed (or refuses
     * to), so this first gives it a few seconds to finish starting.
     */
    private void closeEngine() {
        long startDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long closeDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        DebeziumEngine<RecordChangeEvent<SourceRecord>> current;
        while ((current = engine) != null) {
            if (!engineStarted && System.nanoTime() < startDeadline) {
                if (!pause(50)) {
                    return;
                }
                continue;
            }
            try {
                current.close();
                return;
            } catch (Exception e) {
                if (System.nanoTime() > closeDeadline) {
                    log.warn("Outbox relay {} did not stop in time", platform.slotName(), e);
                    return;
                }
                if (!pause(100)) {
                    return;
                }
            }
        }
    }

    /** Waits a little; false if interrupted. */
    private boolean pause(long millis) {
        synchronized (lock) {
            try {
                lock.wait(millis);
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static void closeQuietly(DebeziumEngine<?> engine) {
        try {
            engine.close();
        } catch (Exception ignored) {
            // already closed, by stop() or by its own failure
        }
    }

    /** The schema holding the {@code outbox} table the service writes to (its search path decides). */
    private String resolveOutboxSchema() {
        return jdbc.sql("select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where c.oid = to_regclass('outbox')")
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("No outbox table on the service's search path: add "
                        + "classpath:db/platform to spring.flyway.locations"));
    }

    private void ensurePublication(String outboxSchema) {
        String publication = platform.publicationName();
        boolean exists = jdbc.sql("select exists (select 1 from pg_publication where pubname = ?)")
                .param(publication)
                .query(Boolean.class)
                .single();
        if (!exists) {
            try {
                // identifiers are checked in PlatformProperties / come from pg_namespace
                jdbc.sql("create publication \"" + publication + "\" for table \"" + outboxSchema
                                + "\".outbox with (publish = 'insert')")
                        .update();
                log.info("Created publication {} for {}.outbox (inserts only)", publication, outboxSchema);
            } catch (RuntimeException e) {
                // another instance of the service may have created it at the same moment
                boolean createdMeanwhile = jdbc.sql("select exists (select 1 from pg_publication where pubname = ?)")
                        .param(publication)
                        .query(Boolean.class)
                        .single();
                if (!createdMeanwhile) {
                    throw e;
                }
            }
        }
    }

    private void recordError(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage();
        if (root != failure && root.getMessage() != null && (message == null || !message.contains(root.getMessage()))) {
            message = message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        lastError.set(message);
        lastErrorAt.set(Instant.now());
        log.error("Outbox relay {} failed", platform.slotName(), failure);
    }

    /** Whether Debezium's streaming source is connected to the slot (its own JMX metric says so). */
    boolean streamingConnected() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = server.queryNames(
                    new ObjectName("debezium.postgres:type=connector-metrics,context=streaming,server="
                            + platform.slotName() + ",*"),
                    null);
            for (ObjectName name : names) {
                if (Boolean.TRUE.equals(server.getAttribute(name, "Connected"))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the slot is in use by a connection that is not ours (another instance of the service). */
    Integer slotHolderPid() {
        return jdbc.sql("select active_pid from pg_replication_slots where slot_name = ? and active")
                .param(platform.slotName())
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    State state() {
        return state;
    }

    String slotName() {
        return platform.slotName();
    }

    String publicationName() {
        return platform.publicationName();
    }

    String schema() {
        return schema;
    }

    long recordsRelayed() {
        return recordsRelayed.get();
    }

    Instant lastRelayedAt() {
        return lastRelayedAt.get();
    }

    String lastError() {
        return lastError.get();
    }

    Instant lastErrorAt() {
        return lastErrorAt.get();
    }

    int restarts() {
        return restarts.get();
    }

    /** Sends one Debezium batch to Kafka, waits for every acknowledgement, then commits the batch. */
    private final class BatchPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

        private final KafkaProducer<String, byte[]> producer;

        BatchPublisher(KafkaProducer<String, byte[]> producer) {
            this.producer = producer;
        }

        @Override
        public void handleBatch(
                List<RecordChangeEvent<SourceRecord>> events,
                DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
                throws InterruptedException {
            List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
            List<Instant> createdAts = new ArrayList<>(events.size());
            for (RecordChangeEvent<SourceRecord> event : events) {
                SourceRecord record = event.record();
                if (isOutboxRecord(record)) {
                    Instant createdAt = createdAt(record);
                    acks.add(producer.send(toProducerRecord(record, createdAt)));
                    createdAts.add(createdAt);
                }
            }
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get();
                } catch (ExecutionException e) {
                    // nothing of this batch is committed: the engine restarts from the last committed offset
                    throw new IllegalStateException(
                            "Kafka did not acknowledge an outbox record: " + e.getCause(), e.getCause());
                }
            }
            Instant ackedAt = Instant.now();
            for (RecordChangeEvent<SourceRecord> event : events) {
                committer.markProcessed(event);
            }
            committer.markBatchFinished();
            if (!acks.isEmpty()) {
                recordsRelayed.addAndGet(acks.size());
                lastRelayedAt.set(ackedAt);
                if (relayedCounter != null) {
                    relayedCounter.increment(acks.size());
                    for (Instant createdAt : createdAts) {
                        if (createdAt != null) {
                            lagTimer.record(Duration.between(createdAt, ackedAt));
                        }
                    }
                }
            }
        }

        @Override
        public boolean supportsTombstoneEvents() {
            return false;
        }
    }

    private static boolean isOutboxRecord(SourceRecord record) {
        return record.value() != null
                && record.topic() != null
                && !record.topic().startsWith(DebeziumOutboxConfig.HEARTBEAT_TOPIC_PREFIX);
    }

    static ProducerRecord<String, byte[]> toProducerRecord(SourceRecord record, Instant createdAt) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!DebeziumOutboxConfig.CREATED_AT_HEADER.equals(header.key()) && header.value() != null) {
                headers.add(header.key(), bytes(header.value()));
            }
        }
        Object key = record.key();
        return new ProducerRecord<>(
                record.topic(),
                null,
                createdAt == null ? null : createdAt.toEpochMilli(),
                key == null ? null : key.toString(),
                payload(record.value()),
                headers);
    }

    /** The stored payload: the router hands over the bytea column itself, or inside a struct. */
    private static byte[] payload(Object value) {
        if (value instanceof org.apache.kafka.connect.data.Struct struct) {
            return bytes(struct.get("payload"));
        }
        return bytes(value);
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] array) {
            return array;
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] array = new byte[copy.remaining()];
            copy.get(array);
            return array;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Instant createdAt(SourceRecord record) {
        Header header = record.headers().lastWithName(DebeziumOutboxConfig.CREATED_AT_HEADER);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(header.value().toString()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}

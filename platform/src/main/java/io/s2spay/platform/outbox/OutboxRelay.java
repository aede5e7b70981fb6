package io.s2spay.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.s2spay.platform.PlatformProperties;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Relays the service's outbox table to Kafka from PostgreSQL's logical replication: the relay holds a replication slot
 * with the {@code pgoutput} plugin on a publication of the outbox's inserts, and sends every inserted row to the
 * topic named by its {@code aggregatetype}, keyed by its {@code aggregateid}, with the headers {@code id} and
 * {@code eventType}, as the bytes the writer stored ({@link OutboxRow}). Each row goes to Kafka the moment the
 * server streams its transaction; sends are pipelined, and the slot is told a transaction was processed only once
 * Kafka acknowledged its rows and all before them ({@link InFlightTransactions}), so a crash at any moment makes the
 * slot send again what might not have arrived (at-least-once; consumers are idempotent). The slot is the relay's only
 * position: there is no other offset store to keep in step with it.
 *
 * <p>A slot created afresh (first start, or a slot lost while the relay was away) starts at the current WAL position:
 * with the snapshot mode {@code when_needed} the relay then first publishes every row still in the outbox table (the
 * purge keeps them for the retention), so that nothing written meanwhile is lost; {@code no_data} does not. While the
 * outbox is idle a heartbeat (a logical message, {@code pg_logical_emit_message}) lets the slot advance, so that it
 * does not hold the WAL other tables write. Runs as a lifecycle bean; restarts with a backoff whenever the stream
 * fails; stands by while another instance of the service holds the slot.
 */
final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /**
     * What the relay is doing, for the health indicator (which reports RELAYING while it streams): preparing the
     * publication and slot, connecting (and publishing the table after a new slot), streaming, standing by while
     * another instance of the service holds the slot, waiting to restart after a failure, or stopped.
     */
    enum State {
        STOPPED,
        STARTING,
        CONNECTING,
        STREAMING,
        STANDBY,
        RESTARTING
    }

    /** Prefix of the relay's heartbeat messages in the WAL. */
    static final String HEARTBEAT_PREFIX = "s2spay.outbox.heartbeat";

    /** Rows sent and not yet acknowledged beyond which the relay waits before it reads on. */
    private static final int MAX_UNACKNOWLEDGED = 8192;

    /** How often the relay reports its position to the server while rows flow. */
    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(1);

    private final PlatformProperties platform;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PostgresConnectionSettings database;
    private final Map<String, Object> producerConfig;
    private final Counter relayedCounter;
    private final Timer lagTimer;

    private final Object lock = new Object();
    private volatile boolean running;
    private volatile State state = State.STOPPED;
    private Thread supervisor;
    private volatile Connection replication;
    private volatile String schema;

    private final AtomicLong recordsRelayed = new AtomicLong();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicReference<Instant> lastRelayedAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<Instant> lastErrorAt = new AtomicReference<>();

    OutboxRelay(
            PlatformProperties platform,
            DataSource dataSource,
            PostgresConnectionSettings database,
            Map<String, Object> producerConfig,
            MeterRegistry meters) {
        this.platform = platform;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.database = database;
        this.producerConfig = producerConfig;
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
        abortReplication();
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

    /** Keeps the relay streaming until it is stopped, with an exponential backoff between failures. */
    private void supervise() {
        PlatformProperties.Outbox outbox = platform.outbox();
        Duration backoff = outbox.restartBackoffInitial();
        while (running) {
            if (slotHeldByAnotherInstance()) {
                // only one connection can stream from a slot: a stream started now would only fail; take over
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
                relay();
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

    /** Whether another connection streams from the slot; false when the database cannot say (the stream will). */
    private boolean slotHeldByAnotherInstance() {
        try {
            return slotHolderPid() != null;
        } catch (RuntimeException databaseUnavailable) {
            return false;
        }
    }

    /** Streams from the slot until the relay is stopped or the stream fails. */
    private void relay() throws Exception {
        String outboxSchema = resolveOutboxSchema();
        schema = outboxSchema;
        ensurePublication(outboxSchema);
        InFlightTransactions inFlight = new InFlightTransactions();
        AtomicLong confirmed = new AtomicLong(-1);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig);
        Thread heartbeat = null;
        try (Connection connection = openReplicationConnection()) {
            synchronized (lock) {
                if (!running) {
                    return;
                }
                replication = connection;
            }
            state = State.CONNECTING;
            PGConnection pg = connection.unwrap(PGConnection.class);
            if (createSlotIfMissing(pg)
                    && "when_needed".equals(platform.outbox().snapshotMode())) {
                publishTable(outboxSchema, producer, inFlight);
            }
            PGReplicationStream stream = pg.getReplicationAPI()
                    .replicationStream()
                    .logical()
                    .withSlotName(platform.slotName())
                    .withSlotOption("proto_version", 1)
                    .withSlotOption("publication_names", platform.publicationName())
                    .withSlotOption("messages", true)
                    .withStatusInterval((int) STATUS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)
                    .start();
            state = State.STREAMING;
            log.info(
                    "Outbox relay {} streaming {}.outbox from {} to Kafka {}",
                    platform.slotName(),
                    outboxSchema,
                    database,
                    producerConfig.get("bootstrap.servers"));
            heartbeat = Thread.ofVirtual()
                    .name("outbox-heartbeat-" + platform.slotName())
                    .start(this::emitHeartbeats);
            stream(stream, outboxSchema, producer, inFlight, confirmed);
        } catch (SQLException | RuntimeException failure) {
            if (!running) {
                return; // the stream was aborted to stop the relay
            }
            throw failure;
        } finally {
            replication = null;
            if (heartbeat != null) {
                heartbeat.interrupt();
            }
            // waits for the acknowledgements still due; whatever the slot is not told of is sent again later
            producer.close(Duration.ofSeconds(5));
            if (!running && platform.outbox().dropSlotOnStop()) {
                dropSlot();
            } else if (!running) {
                confirmOnStop(inFlight, confirmed.get());
            }
        }
    }

    /** Reads the stream: each inserted outbox row goes to Kafka at once, the slot advances behind the acks. */
    private void stream(
            PGReplicationStream stream,
            String outboxSchema,
            KafkaProducer<String, byte[]> producer,
            InFlightTransactions inFlight,
            AtomicLong confirmed)
            throws SQLException, InterruptedException {
        OutboxRow.Columns outbox = null;
        int outboxRelation = -1;
        while (running) {
            ByteBuffer buffer = stream.read();
            if (buffer == null) {
                throw new IllegalStateException("The replication stream ended");
            }
            PgOutputMessage message = PgOutputMessage.decode(buffer);
            boolean heartbeat = false;
            switch (message) {
                case PgOutputMessage.Begin begin -> inFlight.begin();
                case PgOutputMessage.Relation relation -> {
                    if (relation.namespace().equals(outboxSchema)
                            && relation.name().equals("outbox")) {
                        outbox = OutboxRow.Columns.of(relation);
                        outboxRelation = relation.relationId();
                    }
                }
                case PgOutputMessage.Insert insert -> {
                    if (insert.relationId() == outboxRelation) {
                        send(outbox.row(insert), producer, inFlight);
                        inFlight.awaitAtMost(MAX_UNACKNOWLEDGED);
                    }
                }
                case PgOutputMessage.Commit commit -> inFlight.commit(commit.endLsn());
                case PgOutputMessage.LogicalMessage logical -> {
                    if (!logical.transactional()
                            && logical.prefix().equals(HEARTBEAT_PREFIX)
                            && !inFlight.inTransaction()) {
                        inFlight.position(logical.lsn());
                        heartbeat = true;
                    }
                }
                case PgOutputMessage.Ignored ignored -> {
                    // origin, type, truncate: nothing to relay
                }
            }
            long confirmable = inFlight.confirmable();
            if (confirmable > confirmed.get()) {
                confirmed.set(confirmable);
                LogSequenceNumber lsn = LogSequenceNumber.valueOf(confirmable);
                stream.setFlushedLSN(lsn);
                stream.setAppliedLSN(lsn);
                if (heartbeat) {
                    // the outbox is idle: tell the server now, the next message may be a heartbeat away
                    stream.forceUpdateStatus();
                }
            }
        }
    }

    private void send(OutboxRow row, KafkaProducer<String, byte[]> producer, InFlightTransactions inFlight) {
        Instant createdAt = row.createdAt();
        producer.send(row.toProducerRecord(), inFlight.sent(() -> {
            Instant ackedAt = Instant.now();
            recordsRelayed.incrementAndGet();
            lastRelayedAt.set(ackedAt);
            if (relayedCounter != null) {
                relayedCounter.increment();
                if (createdAt != null) {
                    lagTimer.record(Duration.between(createdAt, ackedAt));
                }
            }
        }));
    }

    /**
     * Publishes every row of the outbox table, oldest first, and waits for Kafka's acknowledgement of all: run after the
     * slot was created, before streaming from it, so that the rows written while there was no slot are not lost (the
     * rows committed after the slot's creation come again from the stream; consumers are idempotent).
     */
    private void publishTable(
            String outboxSchema, KafkaProducer<String, byte[]> producer, InFlightTransactions inFlight)
            throws SQLException, InterruptedException {
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // the driver streams a result set only inside a transaction
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, aggregatetype, aggregateid, type, payload, traceparent, created_at from \""
                            + outboxSchema + "\".outbox order by created_at")) {
                select.setFetchSize(1000);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next() && running) {
                        Timestamp createdAt = result.getTimestamp("created_at");
                        OutboxRow row = new OutboxRow(
                                result.getString("id"),
                                result.getString("aggregatetype"),
                                result.getString("aggregateid"),
                                result.getString("type"),
                                result.getBytes("payload"),
                                result.getString("traceparent"),
                                createdAt == null ? null : createdAt.toInstant());
                        send(row, producer, inFlight);
                        inFlight.awaitAtMost(MAX_UNACKNOWLEDGED);
                        rows++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        inFlight.awaitAtMost(0);
        log.info(
                "Outbox relay {}: new slot, published the {} rows of {}.outbox first",
                platform.slotName(),
                rows,
                outboxSchema);
    }

    /** Creates the slot if the database has none of that name; true if it did. */
    private boolean createSlotIfMissing(PGConnection replicationConnection) throws SQLException {
        String plugin = jdbc.sql("select plugin from pg_replication_slots where slot_name = ?")
                .param(platform.slotName())
                .query(String.class)
                .optional()
                .orElse(null);
        if (plugin != null) {
            if (!plugin.equals("pgoutput")) {
                throw new IllegalStateException("Replication slot " + platform.slotName() + " uses the plugin " + plugin
                        + ", not pgoutput: drop it or configure another s2spay.outbox.slot-name");
            }
            return false;
        }
        replicationConnection
                .getReplicationAPI()
                .createReplicationSlot()
                .logical()
                .withSlotName(platform.slotName())
                .withOutputPlugin("pgoutput")
                .make();
        log.info("Outbox relay {}: created the replication slot", platform.slotName());
        return true;
    }

    /**
     * A replication connection to the service's database that prints timestamps and bytea the way {@link OutboxRow}
     * reads them.
     */
    private Connection openReplicationConnection() throws SQLException {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, database.username());
        if (database.password() != null) {
            PGProperty.PASSWORD.set(properties, database.password());
        }
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        PGProperty.APPLICATION_NAME.set(properties, "s2spay-outbox-relay-" + platform.slotName());
        PGProperty.OPTIONS.set(properties, "-c DateStyle=ISO -c TimeZone=UTC -c bytea_output=hex");
        return DriverManager.getConnection(
                "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.database(), properties);
    }

    /**
     * Every heartbeat interval, writes a logical message to the WAL: the stream hands it over even while the outbox is
     * idle, so the slot can be told how far the relay got and does not hold the WAL of the whole database.
     */
    private void emitHeartbeats() {
        Duration interval = platform.outbox().heartbeatInterval();
        boolean failing = false;
        while (running && state == State.STREAMING) {
            try {
                Thread.sleep(interval);
                jdbc.sql("select pg_logical_emit_message(false, ?, '')")
                        .param(HEARTBEAT_PREFIX)
                        .query(String.class)
                        .single();
                failing = false;
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    // said once per run of failures: a database user without the right to emit the message would
                    // otherwise fill the log
                    log.warn(
                            "Outbox relay {}: heartbeat failed ({}); while the outbox is idle its slot holds the WAL"
                                    + " until rows flow again",
                            platform.slotName(),
                            e.getMessage());
                }
                failing = true;
            }
        }
    }

    /** Ends the stream at once: its blocking read fails, and {@link #relay} returns. */
    private void abortReplication() {
        Connection current = replication;
        if (current != null) {
            try {
                current.abort(Runnable::run);
            } catch (SQLException e) {
                log.debug("Outbox relay {}: aborting the replication connection failed", platform.slotName(), e);
            }
        }
    }

    /**
     * On a stop, tells the slot how far Kafka acknowledged, which the stream had no chance to say: a restart then sends
     * again only what was in flight, not everything since the last status. Best effort: the slot can be advanced only
     * once its stream let go of it.
     */
    private void confirmOnStop(InFlightTransactions inFlight, long confirmed) {
        long confirmable;
        try {
            confirmable = inFlight.confirmable();
        } catch (InFlightTransactions.OutboxRelayException refused) {
            return; // Kafka refused a row: it must come again
        }
        if (confirmable <= confirmed) {
            return;
        }
        String lsn = LogSequenceNumber.valueOf(confirmable).asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (true) {
            try {
                jdbc.sql("select 1 from pg_replication_slot_advance(?, ?::pg_lsn)")
                        .param(platform.slotName())
                        .param(lsn)
                        .query()
                        .listOfRows();
                return;
            } catch (RuntimeException stillActive) {
                if (System.nanoTime() > deadline) {
                    log.debug("Outbox relay {}: could not confirm {} on stop", platform.slotName(), lsn, stillActive);
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Drops the slot once its stream let go of it (tests: a restart then starts from a new slot). */
    private void dropSlot() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                jdbc.sql("select pg_drop_replication_slot(slot_name) from pg_replication_slots"
                                + " where slot_name = ? and not active")
                        .param(platform.slotName())
                        .query()
                        .listOfRows();
                if (jdbc.sql("select count(*) from pg_replication_slots where slot_name = ?")
                                .param(platform.slotName())
                                .query(Integer.class)
                                .single()
                        == 0) {
                    return;
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay {}: could not drop its slot: {}", platform.slotName(), e.getMessage());
                return;
            }
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
}

package io.s2spay.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the same PostgreSQL server does without the platform: {@code clients} connections, each committing "insert
 * one payment row + one outbox row" transactions back to back for a fixed time, like a pgbench custom script, in a
 * schema of its own ({@value #SCHEMA}) created before and dropped after. The server's settings are left as they
 * are ({@code synchronous_commit} included).
 */
final class PostgresBaseline {

    static final String SCHEMA = "bench_baseline";

    private static final String[] CREATE = {
        "create schema " + SCHEMA,
        // the columns of a payment read model: what checkout-service keeps per payment
        "create table " + SCHEMA + ".payment ("
                + "id uuid primary key, merchant_id text not null, merchant_transaction_id text not null, "
                + "payment_type text not null, amount_minor bigint not null, currency char(3) not null, "
                + "payment_brand text not null, status text not null, payload jsonb not null, "
                + "created_at timestamptz not null, updated_at timestamptz not null default now())",
        "create unique index payment_merchant_transaction_idx on " + SCHEMA
                + ".payment (merchant_id, merchant_transaction_id)",
        // the platform's outbox (platform's V1__outbox_and_processed_message.sql)
        "create table " + SCHEMA + ".outbox (id uuid primary key, aggregatetype text not null, "
                + "aggregateid text not null, type text not null, payload bytea not null, "
                + "created_at timestamptz not null default clock_timestamp())",
        "create index outbox_created_at_idx on " + SCHEMA + ".outbox (created_at)"
    };

    private static final String INSERT_PAYMENT = "insert into " + SCHEMA + ".payment (id, merchant_id, "
            + "merchant_transaction_id, payment_type, amount_minor, currency, payment_brand, status, payload, "
            + "created_at) values (?, ?, ?, 'DB', ?, 'EUR', 'VISA', 'succeeded', ?::jsonb, ?)";
    private static final String INSERT_OUTBOX = "insert into " + SCHEMA + ".outbox (id, aggregatetype, aggregateid, "
            + "type, payload) values (?, 's2spay.payment.events', ?, 'PaymentDebited', ?)";

    /** A payment's JSON as a read model keeps it: about 430 bytes. */
    private static final String PAYLOAD = """
            {"id":"%s","merchantTransactionId":"%s","paymentType":"DB","amount":"92.00","currency":"EUR",\
            "paymentBrand":"VISA","card":{"bin":"420000","last4":"0000","holder":"Bench Shopper",\
            "expiryMonth":"12","expiryYear":"2029"},"result":{"code":"000.100.110",\
            "description":"Request successfully processed"},"gatewayAccount":"opp:merchant-demo",\
            "shopperResultUrl":"https://shop.example/return"}""";

    /** The outcome of a run: committed transactions, their latencies, failures by SQL state. */
    record Result(
            int clients,
            long transactions,
            long elapsedNanos,
            LatencyStatistics latencies,
            Map<String, Long> errors,
            String synchronousCommit,
            String serverVersion,
            CpuInterval cpu) {

        double transactionsPerSecond() {
            return elapsedNanos > 0 ? transactions / (elapsedNanos / 1e9) : Double.NaN;
        }
    }

    private final String url;
    private final String user;
    private final String password;

    PostgresBaseline(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Connects once, so that a wrong --jdbc is found before the steps rather than after them. */
    void checkConnection() throws SQLException {
        try (Connection connection = connect()) {
            connection.isValid(5);
        }
    }

    /** s2spay's payments/s as a percentage of the baseline's transactions/s. */
    static double percentOf(double paymentsPerSecond, double transactionsPerSecond) {
        return transactionsPerSecond > 0 ? paymentsPerSecond / transactionsPerSecond * 100 : Double.NaN;
    }

    Result run(int clients, int seconds, CpuMeter meter) throws SQLException, InterruptedException {
        try (Connection admin = connect()) {
            admin.setAutoCommit(true);
            String synchronousCommit = show(admin, "synchronous_commit");
            String serverVersion = show(admin, "server_version");
            try (Statement statement = admin.createStatement()) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
                for (String ddl : CREATE) statement.execute(ddl);
            }
            try {
                return measure(clients, seconds, meter, synchronousCommit, serverVersion);
            } finally {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("drop schema if exists " + SCHEMA + " cascade");
                }
            }
        }
    }

    private Result measure(int clients, int seconds, CpuMeter meter, String synchronousCommit, String serverVersion)
            throws SQLException, InterruptedException {
        List<Connection> connections = new ArrayList<>(clients);
        try {
            for (int i = 0; i < clients; i++) {
                Connection connection = connect();
                connections.add(connection);
                connection.setAutoCommit(false);
            }
            Map<String, Long> errors = new ConcurrentHashMap<>();
            long[][] latencies = new long[clients][];
            long[] committed = new long[clients];
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>(clients);
            long durationNanos = seconds * 1_000_000_000L;
            long[] deadline = new long[1];
            for (int i = 0; i < clients; i++) {
                int client = i;
                threads.add(Thread.ofPlatform().name("baseline-" + i).start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    Client worker = new Client(connections.get(client), client, errors);
                    worker.runUntil(deadline[0]);
                    latencies[client] = worker.latencies();
                    committed[client] = worker.committed;
                }));
            }
            CpuSample before = meter.sample();
            long start = System.nanoTime();
            deadline[0] = start + durationNanos;
            go.countDown();
            for (Thread thread : threads) thread.join();
            long elapsed = System.nanoTime() - start;
            CpuSample after = meter.sample();
            long transactions = Arrays.stream(committed).sum();
            long[] all = Arrays.stream(latencies)
                    .filter(l -> l != null)
                    .flatMapToLong(Arrays::stream)
                    .toArray();
            return new Result(
                    clients,
                    transactions,
                    elapsed,
                    new LatencyStatistics(all),
                    new TreeMap<>(errors),
                    synchronousCommit,
                    serverVersion,
                    meter.between(before, after));
        } finally {
            for (Connection connection : connections) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // closing after the run: nothing left to measure
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show " + setting)) {
            return result.next() ? result.getString(1) : "unknown";
        }
    }

    /** One client: its connection, its two prepared inserts, its latencies. */
    private static final class Client {
        private final Connection connection;
        private final int number;
        private final Map<String, Long> errors;
        private long[] latencies = new long[4096];
        private long committed;
        private long sequence;

        Client(Connection connection, int number, Map<String, Long> errors) {
            this.connection = connection;
            this.number = number;
            this.errors = errors;
        }

        void runUntil(long deadline) {
            try (PreparedStatement payment = connection.prepareStatement(INSERT_PAYMENT);
                    PreparedStatement outbox = connection.prepareStatement(INSERT_OUTBOX)) {
                byte[] event = new byte[240];
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        UUID paymentId = UUID.randomUUID();
                        String merchantTransactionId = "baseline-" + number + "-" + sequence++;
                        payment.setObject(1, paymentId);
                        payment.setString(2, "merchant-demo");
                        payment.setString(3, merchantTransactionId);
                        payment.setLong(4, 9200);
                        payment.setString(5, payload(paymentId, merchantTransactionId));
                        payment.setTimestamp(6, Timestamp.from(Instant.now()));
                        payment.executeUpdate();
                        ThreadLocalRandom.current().nextBytes(event);
                        event[0] = 0; // the Confluent wire format's magic byte, then the schema id and the Avro body
                        outbox.setObject(1, UUID.randomUUID());
                        outbox.setString(2, paymentId.toString());
                        outbox.setBytes(3, event);
                        outbox.executeUpdate();
                        connection.commit();
                        record(System.nanoTime() - start);
                    } catch (SQLException e) {
                        errors.merge("SQL state " + e.getSQLState(), 1L, Long::sum);
                        try {
                            connection.rollback();
                        } catch (SQLException rollback) {
                            errors.merge("rollback failed", 1L, Long::sum);
                            return;
                        }
                    }
                }
            } catch (SQLException e) {
                errors.merge("SQL state " + e.getSQLState(), 1L, Long::sum);
            }
        }

        private void record(long nanos) {
            if (committed == latencies.length) latencies = Arrays.copyOf(latencies, latencies.length * 2);
            latencies[(int) committed++] = nanos;
        }

        long[] latencies() {
            return Arrays.copyOf(latencies, (int) committed);
        }

        private static String payload(UUID paymentId, String merchantTransactionId) {
            return PAYLOAD.formatted(paymentId, merchantTransactionId);
        }
    }
}

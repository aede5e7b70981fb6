package io.s2spay.checkout.payment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells the requests waiting on this instance that their payment changed, whichever instance consumed the
 * event: the read-model updater calls {@code pg_notify} in its transaction, and this instance LISTENs on one
 * dedicated PostgreSQL connection, read by a virtual thread that reconnects whenever the connection fails.
 *
 * <p>Waiters re-read the payment after every wake-up, and all of them are woken after a reconnection, so a
 * notification lost while disconnected only delays an answer, never loses it.
 */
@Component("paymentUpdates")
class PaymentUpdateNotifications implements SmartLifecycle, HealthIndicator {

    static final String CHANNEL = "s2spay_payment_updated";

    private static final Logger log = LoggerFactory.getLogger(PaymentUpdateNotifications.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final JdbcConnectionDetails database;
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final AtomicLong notificationsReceived = new AtomicLong();

    private volatile boolean running;
    private volatile boolean listening;
    private volatile Thread thread;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    PaymentUpdateNotifications(JdbcConnectionDetails database) {
        this.database = database;
    }

    /** Starts waiting for updates of {@code paymentId}: register before committing what will cause them. */
    Waiter register(String paymentId) {
        Waiter waiter = new Waiter(paymentId);
        waiters.compute(paymentId, (id, set) -> {
            Set<Waiter> forPayment = set == null ? ConcurrentHashMap.newKeySet() : set;
            forPayment.add(waiter);
            return forPayment;
        });
        return waiter;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("payment-update-listener").start(this::listenUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            try {
                listener.join(Duration.ofMillis(POLL_MILLIS * 4L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        wakeAll();
    }

    /** Stops after the web server's graceful shutdown, so requests still waiting then keep hearing outcomes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Health health() {
        Health.Builder health = listening ? Health.up() : Health.down();
        health.withDetail("channel", CHANNEL)
                .withDetail(
                        "waitingRequests",
                        waiters.values().stream().mapToInt(Set::size).sum())
                .withDetail("notificationsReceived", notificationsReceived.get());
        if (lastError != null) {
            health.withDetail("lastError", lastError).withDetail("lastErrorAt", lastErrorAt.toString());
        }
        return health.build();
    }

    private void listenUntilStopped() {
        long backoffMillis = 100;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                backoffMillis = 100;
                // notifications sent while this instance was not listening are lost: let every waiter re-read
                wakeAll();
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    lastErrorAt = Instant.now();
                    log.warn(
                            "Payment update listener lost its PostgreSQL connection ({}); reconnecting in {} ms",
                            lastError,
                            backoffMillis);
                }
            } finally {
                listening = false;
            }
            wakeAll();
            if (running) {
                try {
                    TimeUnit.MILLISECONDS.sleep(backoffMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        Instant nextProbe = Instant.now().plus(PROBE_INTERVAL);
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    notificationsReceived.incrementAndGet();
                    wake(notification.getParameter());
                }
            }
            if (Instant.now().isAfter(nextProbe)) {
                // a half-open TCP connection delivers nothing and reports nothing; a round trip finds out
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                nextProbe = Instant.now().plus(PROBE_INTERVAL);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        String user = database.getUsername();
        String password = database.getPassword();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "s2spay-checkout-payment-updates");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(database.getJdbcUrl(), properties);
    }

    private void wake(String paymentId) {
        Set<Waiter> forPayment = waiters.get(paymentId);
        if (forPayment != null) {
            forPayment.forEach(Waiter::signal);
        }
    }

    private void wakeAll() {
        waiters.values().forEach(set -> set.forEach(Waiter::signal));
    }

    /** A request waiting for changes of one payment; close it when done waiting. */
    final class Waiter implements AutoCloseable {

        private final String paymentId;
        private final Semaphore signals = new Semaphore(0);

        private Waiter(String paymentId) {
            this.paymentId = paymentId;
        }

        /** Waits until the payment may have changed or {@code timeout} passes; true if woken. */
        boolean await(Duration timeout) throws InterruptedException {
            boolean woken = signals.tryAcquire(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            signals.drainPermits();
            return woken;
        }

        private void signal() {
            signals.release();
        }

        @Override
        public void close() {
            waiters.computeIfPresent(paymentId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}

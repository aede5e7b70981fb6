package io.s2spay.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Registers (or finds) the value schema of every contract topic in the registry as the service starts, through
 * the outbox writer's own serializer, whose cache then holds the ids: the first payment does not wait on the
 * registry, and a registry that cannot be reached
 * at startup shows as {@code outboxSchemas} DOWN in health, retried with backoff, instead of failing requests.
 *
 * <p>A registry lost later does not matter to the writer: it never asks again for a schema it has resolved.
 */
final class OutboxSchemaRegistration implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(OutboxSchemaRegistration.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final JdbcOutboxWriter writer;
    private final Map<String, Class<? extends SpecificRecord>> valueTypes;
    private final Map<String, Integer> resolved = new LinkedHashMap<>();

    private volatile boolean running;
    private volatile boolean done;
    private volatile Thread thread;
    private volatile int attempts;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    /** @param valueTypes the envelope type of each topic whose schema is registered */
    OutboxSchemaRegistration(JdbcOutboxWriter writer, Map<String, Class<? extends SpecificRecord>> valueTypes) {
        this.writer = writer;
        this.valueTypes = Map.copyOf(valueTypes);
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("outbox-schema-registration").start(this::registerUntilDone);
    }

    @Override
    public void stop() {
        running = false;
        Thread registering = thread;
        if (registering != null) {
            registering.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the relay, the listeners and the web server, so that it is usually done before traffic. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    @Override
    public Health health() {
        Health.Builder health = done ? Health.up() : Health.down();
        synchronized (resolved) {
            health.withDetail("contentIds", Map.copyOf(resolved));
        }
        health.withDetail("attempts", attempts);
        if (lastError != null && !done) {
            health.withDetail("lastError", lastError).withDetail("lastErrorAt", lastErrorAt.toString());
        }
        return health.build();
    }

    /** Whether every schema is registered. */
    boolean isDone() {
        return done;
    }

    private void registerUntilDone() {
        Duration backoff = FIRST_BACKOFF;
        while (running && !done) {
            attempts++;
            try {
                registerMissing();
                done = true;
                log.info("Value schemas of {} registered (content ids {})", valueTypes.keySet(), resolved);
                return;
            } catch (RuntimeException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastErrorAt = Instant.now();
                log.warn(
                        "Could not register the value schemas with the registry ({}); retrying in {}",
                        lastError,
                        backoff);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void registerMissing() {
        for (Map.Entry<String, Class<? extends SpecificRecord>> topic : valueTypes.entrySet()) {
            synchronized (resolved) {
                if (resolved.containsKey(topic.getKey())) {
                    continue;
                }
            }
            long contentId = writer.registerSchema(topic.getKey(), emptyInstance(topic.getValue()));
            synchronized (resolved) {
                resolved.put(topic.getKey(), Math.toIntExact(contentId));
            }
        }
    }

    /** A record of {@code type} with no field set: only its schema is read. */
    private static SpecificRecord emptyInstance(Class<? extends SpecificRecord> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " is not a generated Avro record class", e);
        }
    }
}

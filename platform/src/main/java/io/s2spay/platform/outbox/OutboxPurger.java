package io.s2spay.platform.outbox;

import io.s2spay.platform.PlatformProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes outbox rows older than the retention, in small batches, so the table stays small. Rows are
 * relayed from the WAL, not from the table, so deleting them never loses a message; the retention only
 * bounds what a re-created slot can re-read.
 */
final class OutboxPurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPurger.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    OutboxPurger(JdbcClient jdbc, PlatformProperties.Outbox outbox) {
        this.jdbc = jdbc;
        this.retention = outbox.retention();
        this.interval = outbox.purgeInterval();
    }

    /** Deletes the rows older than the retention; returns how many. */
    int purge() {
        Instant cutoff = Instant.now().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("delete from outbox where id in"
                            + " (select id from outbox where created_at < ? limit " + BATCH + ")")
                    .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                    .update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-purger").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int deleted = purge();
                if (deleted > 0) {
                    log.debug("Purged {} outbox rows older than {}", deleted, retention);
                }
            } catch (RuntimeException e) {
                log.warn("Purging the outbox failed; retrying in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}

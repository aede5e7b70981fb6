package io.s2spay.platform.retention;

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
 * Deletes a platform table's rows older than a retention, in small batches (short locks, small transactions), on
 * a schedule: the one purge behind the outbox and the processed-message record.
 */
public class RetentionPurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurger.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final String table;
    private final String deleteBatch;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    /**
     * @param table the table (a constant: it is put into the SQL)
     * @param key its primary key column
     * @param timestamp the {@code timestamptz} column the retention counts from
     */
    protected RetentionPurger(
            JdbcClient jdbc, String table, String key, String timestamp, Duration retention, Duration interval) {
        this.jdbc = jdbc;
        this.table = table;
        this.deleteBatch = "delete from " + table + " where " + key + " in" + " (select " + key + " from " + table
                + " where " + timestamp + " < ? limit " + BATCH + ")";
        this.retention = retention;
        this.interval = interval;
    }

    /** Deletes the rows older than the retention; returns how many. */
    public int purge() {
        Instant cutoff = Instant.now().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(deleteBatch)
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
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name(table.replace('_', '-') + "-purger")
                .daemon(true)
                .factory());
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        int deleted = purge();
                        if (deleted > 0) {
                            log.debug("Purged {} {} rows older than {}", deleted, table, retention);
                        }
                    } catch (RuntimeException e) {
                        log.warn("Purging {} failed; retrying in {}", table, interval, e);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
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

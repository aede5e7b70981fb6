package io.s2spay.platform.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes a platform table's rows older than a retention, in small batches (short locks, small transactions), on
 * Spring's schedule (the same scheduler as the services' janitor tasks): the one purge behind the outbox and the
 * processed-message record.
 */
public class RetentionPurger implements SchedulingConfigurer, Runnable {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurger.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final String table;
    private final String deleteBatch;
    private final Duration retention;
    private final Duration interval;

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

    /** One scheduled run: purges, and leaves a failure to the next run. */
    @Override
    public void run() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                log.debug("Purged {} {} rows older than {}", deleted, table, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Purging {} failed; retrying in {}", table, interval, e);
        }
    }

    /** Runs every {@code interval} on Spring's scheduler, which the platform enables itself. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this, interval, interval));
    }

    /** The task's name in the scheduler's list of tasks, e.g. {@code outbox-purger}. */
    @Override
    public String toString() {
        return table.replace('_', '-') + "-purger";
    }
}

package io.s2spay.vault;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erases, on a schedule, the security codes of cards stored longer ago than the retention: the executor erases a
 * code when an authorization completes, but a command it rejects (unknown merchant account, invalid amount) or
 * never receives would otherwise leave the code in the vault forever.
 */
final class ExpiredSecurityCodeEraser implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSecurityCodeEraser.class);

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    ExpiredSecurityCodeEraser(DataSource dataSource, Duration retention, Duration interval) {
        this.jdbc = JdbcClient.create(dataSource);
        this.retention = retention;
        this.interval = interval;
    }

    /** Erases the security codes older than the retention (the database's clock decides); returns how many. */
    int erase() {
        return jdbc.sql("""
                        update vault.card
                           set security_code_ciphertext = null, security_code_erased_at = now()
                         where created_at < now() - make_interval(secs => ?)
                           and security_code_ciphertext is not null
                        """).param((double) retention.toMillis() / 1000).update();
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("vault-security-code-eraser")
                .daemon(true)
                .factory());
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        int erased = erase();
                        if (erased > 0) {
                            log.info(
                                    "Erased the security codes of {} card(s) stored more than {} ago",
                                    erased,
                                    retention);
                        }
                    } catch (RuntimeException e) {
                        log.warn("Erasing expired security codes failed; retrying in {}", interval, e);
                    }
                },
                0,
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

package io.s2spay.vault;

import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Erases, on a schedule, the security codes of cards stored longer ago than the retention: the executor erases a
 * code when an authorization completes, but a command it rejects (unknown merchant account, invalid amount) or
 * never receives would otherwise leave the code in the vault forever. It runs on Spring's scheduler, which the
 * vault's auto-configuration enables itself, so an application cannot forget it.
 */
final class ExpiredSecurityCodeEraser implements SchedulingConfigurer, Runnable {

    /** The task's name on the scheduler. */
    static final String TASK = "vault-security-code-eraser";

    private static final Logger log = LoggerFactory.getLogger(ExpiredSecurityCodeEraser.class);

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Duration interval;

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

    /** One scheduled run: erases, says how many, and leaves a failure to the next run. */
    @Override
    public void run() {
        try {
            int erased = erase();
            if (erased > 0) {
                log.info("Erased the security codes of {} card(s) stored more than {} ago", erased, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Erasing expired security codes failed; retrying in {}", interval, e);
        }
    }

    /** Runs at start-up and then every {@code interval}, on Spring's scheduler (the vault enables scheduling). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this, interval, Duration.ZERO));
    }

    /** The task's name in the scheduler's list of tasks. */
    @Override
    public String toString() {
        return TASK;
    }
}

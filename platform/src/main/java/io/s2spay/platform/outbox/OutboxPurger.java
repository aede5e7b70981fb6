package io.s2spay.platform.outbox;

import io.s2spay.platform.PlatformProperties;
import io.s2spay.platform.retention.RetentionPurger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes outbox rows older than the retention, in small batches, so the table stays small. Rows are
 * relayed from the WAL, not from the table, so deleting them never loses a message; the retention only
 * bounds what a re-created slot can re-read.
 */
final class OutboxPurger extends RetentionPurger {

    OutboxPurger(JdbcClient jdbc, PlatformProperties.Outbox outbox) {
        super(jdbc, "outbox", "id", "created_at", outbox.retention(), outbox.purgeInterval());
    }
}

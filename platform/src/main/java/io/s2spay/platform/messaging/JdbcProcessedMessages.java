package io.s2spay.platform.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link ProcessedMessages} on the service's {@code processed_message} table. */
final class JdbcProcessedMessages implements ProcessedMessages {

    private final JdbcClient jdbc;

    JdbcProcessedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markProcessed(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is blank");
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the mark would commit on its own, and a crash before the effect
            // commits would make the message look processed although it never was
            throw new IllegalStateException("markProcessed needs an active transaction (the one of the effect)");
        }
        // a concurrent duplicate waits on the primary key until the first transaction ends, then sees 0 rows
        return jdbc.sql("insert into processed_message (message_id, processed_at) values (?, now())"
                                + " on conflict (message_id) do nothing")
                        .param(messageId)
                        .update()
                == 1;
    }
}

package io.s2spay.platform.messaging;

/**
 * Records that this service processed a message, in the caller's transaction, so that a redelivered
 * message (Kafka delivers at least once) has no second effect.
 */
public interface ProcessedMessages {

    /**
     * Marks {@code messageId} processed in the current transaction.
     *
     * @return {@code true} if this is the first time; {@code false} if it was already processed, and the
     *     caller must skip the message
     * @throws IllegalStateException if no transaction is active (the mark must commit with the effect)
     */
    boolean markProcessed(String messageId);
}

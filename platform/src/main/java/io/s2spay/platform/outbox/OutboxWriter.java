package io.s2spay.platform.outbox;

import org.apache.avro.specific.SpecificRecord;

/**
 * Appends a message to the service's outbox table in the caller's transaction; the Debezium relay
 * publishes it once the transaction commits, and never if it rolls back.
 */
public interface OutboxWriter {

    /**
     * Appends {@code message} for {@code topic} with record key {@code key} (the payment id).
     *
     * @throws IllegalStateException if no transaction is active
     */
    void append(String topic, String key, SpecificRecord message);
}

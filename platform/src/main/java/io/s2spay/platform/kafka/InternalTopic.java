package io.s2spay.platform.kafka;

import org.apache.avro.specific.SpecificRecord;

/**
 * A topic outside the contract that s2spay's services use between themselves, with the record type of its values.
 * Declared as a bean (by its writers and its readers alike), it is created at startup with its dead-letter topic
 * and the contract topics' partitions, and a service with an outbox registers its value schema at startup, as it
 * does the contract topics'.
 */
public record InternalTopic(String name, Class<? extends SpecificRecord> valueType) {

    public InternalTopic {
        if (name == null || !name.matches("[a-zA-Z0-9._-]{1,200}") || valueType == null) {
            throw new IllegalArgumentException("an internal topic needs a valid Kafka topic name and a value type");
        }
    }
}

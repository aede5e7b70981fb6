package io.s2spay.platform.messaging;

/**
 * Thrown by a listener for a record that decodes but is invalid: it is not retried but sent to the
 * topic's dead-letter topic with {@code reason} in its {@code kafka_dlt-exception-message} header.
 */
public class InvalidMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason why the message cannot be processed, for the operator reading the dead-letter topic */
    public InvalidMessageException(String reason) {
        super(reason);
    }
}

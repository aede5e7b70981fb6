package io.s2spay.connector.opp;

import io.s2spay.gateway.InvalidNotificationException;

/**
 * Thrown for a webhook that must not be trusted: malformed (missing or non-hex parts), failing authentication
 * (tampered with, or encrypted with another key), or without a readable payload. Answer it with 4xx.
 */
public class InvalidOppNotificationException extends InvalidNotificationException {

    public InvalidOppNotificationException(Reason reason, String message) {
        super(reason, message);
    }

    public InvalidOppNotificationException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}

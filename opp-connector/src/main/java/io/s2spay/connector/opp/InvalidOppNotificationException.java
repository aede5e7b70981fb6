package io.s2spay.connector.opp;

/**
 * Thrown for a webhook that must not be trusted: malformed (missing or non-hex parts), failing authentication
 * (tampered with, or encrypted with another key), or without a readable payload. Answer it with 4xx.
 */
public class InvalidOppNotificationException extends RuntimeException {

    /** Why the notification was refused. */
    public enum Reason {
        MALFORMED,
        AUTHENTICATION_FAILED,
        UNREADABLE_PAYLOAD
    }

    private final Reason reason;

    public InvalidOppNotificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidOppNotificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the notification was refused. */
    public Reason reason() {
        return reason;
    }
}

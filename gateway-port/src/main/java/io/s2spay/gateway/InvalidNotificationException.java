package io.s2spay.gateway;

/** A webhook that is not authentic or cannot be read; never acted on. */
public class InvalidNotificationException extends RuntimeException {

    /** Why the notification was refused. */
    public enum Reason {
        /** A part is missing or not in the form the gateway sends (not hex, wrong length...). */
        MALFORMED,
        /** The signature or authentication tag does not match: not sent by the gateway, or altered. */
        AUTHENTICATION_FAILED,
        /** Authentic, but the payload is not a notification the adapter can read. */
        UNREADABLE_PAYLOAD
    }

    private final Reason reason;

    public InvalidNotificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidNotificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

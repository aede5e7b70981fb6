package io.s2spay.platform.messaging;

/**
 * Thrown by a listener when a system it depends on (a gateway that does not answer) cannot be reached: the record
 * is not at fault, so the platform's error handler retries it with a backoff until the dependency is back, instead
 * of dead-lettering it after a few attempts.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message) {
        super(message);
    }

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

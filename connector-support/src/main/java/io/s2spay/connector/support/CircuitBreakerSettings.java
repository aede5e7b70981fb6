package io.s2spay.connector.support;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A connector's Resilience4j circuit-breaker settings ({@code <prefix>.circuit-breaker.*}), each defaulted when not
 * set: failures are transport errors, timeouts and HTTP 5xx answers, never declines or validation errors.
 *
 * @param failureRateThreshold          percentage of failed calls that opens the circuit (default 50)
 * @param slidingWindowSize             calls the rate is computed over (default 20)
 * @param minimumNumberOfCalls          calls before the rate counts (default 10)
 * @param waitDurationInOpenState       how long the circuit stays open (default 15s)
 * @param permittedCallsInHalfOpenState trial calls once it half-opens (default 3)
 */
public record CircuitBreakerSettings(
        Integer failureRateThreshold,
        Integer slidingWindowSize,
        Integer minimumNumberOfCalls,
        Duration waitDurationInOpenState,
        Integer permittedCallsInHalfOpenState) {

    /** Every setting at its default. */
    public static final CircuitBreakerSettings DEFAULTS = new CircuitBreakerSettings(null, null, null, null, null);

    public CircuitBreakerSettings {
        failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
        slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
        minimumNumberOfCalls = minimumNumberOfCalls == null ? 10 : minimumNumberOfCalls;
        waitDurationInOpenState = waitDurationInOpenState == null ? Duration.ofSeconds(15) : waitDurationInOpenState;
        permittedCallsInHalfOpenState = permittedCallsInHalfOpenState == null ? 3 : permittedCallsInHalfOpenState;
    }

    /**
     * The settings (the defaults when null), once checked, for a connector's properties to keep.
     *
     * @param property the settings' full name, e.g. {@code s2spay.orders.circuit-breaker}, named by a refusal
     */
    public static CircuitBreakerSettings checked(CircuitBreakerSettings settings, String property) {
        CircuitBreakerSettings checked = settings == null ? DEFAULTS : settings;
        if (checked.failureRateThreshold < 1 || checked.failureRateThreshold > 100) {
            throw new IllegalArgumentException(property + ".failure-rate-threshold must be 1..100");
        }
        if (checked.slidingWindowSize < 1
                || checked.minimumNumberOfCalls < 1
                || checked.permittedCallsInHalfOpenState < 1) {
            throw new IllegalArgumentException(property + " window and call counts must be positive");
        }
        return checked;
    }

    /** The Resilience4j configuration: count-based, I/O errors and timeouts and HTTP 5xx answers recorded. */
    public CircuitBreakerConfig config() {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRateThreshold)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumNumberOfCalls)
                .waitDurationInOpenState(waitDurationInOpenState)
                .permittedNumberOfCallsInHalfOpenState(permittedCallsInHalfOpenState)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordExceptions(IOException.class, TimeoutException.class)
                .recordResult(result -> result instanceof HttpResponse<?> response && response.statusCode() >= 500)
                .build();
    }

    /** A circuit breaker of this configuration, outside any registry. */
    public CircuitBreaker circuitBreaker(String name) {
        return CircuitBreaker.of(name, config());
    }
}

package io.s2spay.sandbox.webhook;

import java.time.Duration;

/**
 * How a simulated API delivers its webhooks ({@code <api>.webhooks.*}): retried with exponential backoff from
 * {@code initialBackoff} up to {@code maxBackoff} until a 2xx answer, or {@code maxAttempts} (0 = forever).
 */
public record WebhookSettings(
        Duration initialBackoff,
        Duration maxBackoff,
        Integer maxAttempts,
        Duration connectTimeout,
        Duration requestTimeout) {

    /** Every setting at its default. */
    public static final WebhookSettings DEFAULTS = new WebhookSettings(null, null, null, null, null);

    public WebhookSettings {
        initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofSeconds(1);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofMinutes(5);
        maxAttempts = maxAttempts != null ? maxAttempts : 0;
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
        requestTimeout = requestTimeout != null ? requestTimeout : Duration.ofSeconds(10);
    }

    /** The wait after {@code attemptsBefore} failed attempts: doubled each time, at most {@code maxBackoff}. */
    public Duration backoff(int attemptsBefore) {
        Duration next = initialBackoff.multipliedBy(1L << Math.min(attemptsBefore, 20));
        return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
    }
}

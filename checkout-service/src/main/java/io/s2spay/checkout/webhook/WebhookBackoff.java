package io.s2spay.checkout.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a delivery that failed is tried next: exponential backoff up to a cap, until its retry window ends. */
record WebhookBackoff(Duration initial, double multiplier, Duration max) {

    static WebhookBackoff of(WebhookProperties properties) {
        return new WebhookBackoff(properties.initialBackoff(), properties.backoffMultiplier(), properties.maxBackoff());
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 = after the first). */
    Duration delayAfter(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        // a double beyond Long.MAX_VALUE rounds to it, and the cap applies before anything can overflow
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /**
     * The time of the next attempt, or empty when the retry window ending at {@code giveUpAt} is over; the last
     * attempt is made at the end of the window rather than dropped because the backoff overshoots it.
     */
    Optional<Instant> nextAttempt(Instant now, int failedAttempts, Instant giveUpAt) {
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(failedAttempts));
        return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
    }
}

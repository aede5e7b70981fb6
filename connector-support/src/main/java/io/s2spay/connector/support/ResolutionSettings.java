package io.s2spay.connector.support;

import java.time.Duration;

/**
 * How a connector resolves an UNKNOWN outcome ({@code <prefix>.resolution.*}), each defaulted when not set: up to
 * {@code maxQueries} look-ups with exponential backoff from {@code initialBackoff}, and at most {@code maxResends}
 * resends when the gateway provably never received the request.
 *
 * @param maxQueries        look-ups per resolution (default 5)
 * @param initialBackoff    the first wait between two look-ups (default 500ms)
 * @param backoffMultiplier how much each wait grows (default 2.0)
 * @param maxResends        resends of a request the gateway provably never received (default 1)
 */
public record ResolutionSettings(
        Integer maxQueries, Duration initialBackoff, Double backoffMultiplier, Integer maxResends) {

    /** Every setting at its default. */
    public static final ResolutionSettings DEFAULTS = new ResolutionSettings(null, null, null, null);

    public ResolutionSettings {
        maxQueries = maxQueries == null ? 5 : maxQueries;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
        maxResends = maxResends == null ? 1 : maxResends;
    }

    /**
     * The settings (the defaults when null), once checked, for a connector's properties to keep.
     *
     * @param property the settings' full name, e.g. {@code s2spay.orders.resolution}, named by a refusal
     */
    public static ResolutionSettings checked(ResolutionSettings settings, String property) {
        ResolutionSettings checked = settings == null ? DEFAULTS : settings;
        if (checked.maxQueries < 1
                || checked.maxResends < 0
                || checked.backoffMultiplier < 1.0
                || checked.initialBackoff.isNegative()) {
            throw new IllegalArgumentException(property + ": max-queries >= 1, max-resends >= 0,"
                    + " backoff-multiplier >= 1, initial-backoff >= 0");
        }
        return checked;
    }

    /**
     * The longest time spent in the first {@code waits} waits between look-ups: exponential from the initial backoff
     * (1 ms when it is zero, as the connectors wait).
     */
    public Duration totalBackoff(int waits) {
        Duration total = Duration.ZERO;
        double step = Math.max(1, initialBackoff.toMillis());
        for (int wait = 0; wait < waits; wait++) {
            total = total.plusMillis((long) step);
            step *= backoffMultiplier;
        }
        return total;
    }
}

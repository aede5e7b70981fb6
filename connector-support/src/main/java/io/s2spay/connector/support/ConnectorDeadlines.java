package io.s2spay.connector.support;

import java.time.Duration;

/**
 * The arithmetic of a connector's deadlines, computed from its settings the way it times out and backs off, so that
 * callers (a recovery lease, a "presumed dead" delay) ask for them instead of recomputing them.
 */
public final class ConnectorDeadlines {

    private ConnectorDeadlines() {}

    /** One call: connecting and reading the whole answer. */
    public static Duration oneCall(Duration connectTimeout, Duration readTimeout) {
        return connectTimeout.plus(readTimeout);
    }

    /**
     * A whole resolution: {@code maxQueries} look-ups of {@code callsPerQuery} calls each, and {@code waits} waits
     * between them.
     */
    public static Duration longestResolution(
            Duration oneCall, int callsPerQuery, ResolutionSettings resolution, int waits) {
        return oneCall.multipliedBy((long) callsPerQuery * resolution.maxQueries())
                .plus(resolution.totalBackoff(waits));
    }
}

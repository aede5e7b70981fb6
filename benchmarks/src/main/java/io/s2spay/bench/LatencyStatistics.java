package io.s2spay.bench;

import java.util.Arrays;

/** Percentiles (nearest rank) of a set of latencies in nanoseconds. */
final class LatencyStatistics {

    private final long[] sorted;

    LatencyStatistics(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The latency that {@code percent}% of the samples do not exceed, in milliseconds; NaN when empty. */
    double percentileMillis(double percent) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    double meanMillis() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElseThrow() / 1e6;
    }
}

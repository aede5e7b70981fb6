package io.s2spay.sandbox.api;

import io.s2spay.sandbox.SandboxProperties;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** OPP's limit on payment status requests: a few per transaction in a sliding window (2 per minute by default). */
@Component
class StatusRequestLimiter {

    private final int limit;
    private final long windowNanos;
    private final Map<String, long[]> requests = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    StatusRequestLimiter(SandboxProperties properties) {
        this.limit = properties.statusLimit().requests();
        this.windowNanos = properties.statusLimit().window().toNanos();
    }

    /** Counts a request; empty when allowed, else how long until the next one is. */
    Optional<Duration> acquire(String transactionId) {
        long now = System.nanoTime();
        if (calls.incrementAndGet() % 10_000 == 0) {
            requests.values().removeIf(times -> allExpired(times, now));
        }
        long[] times = requests.computeIfAbsent(transactionId, id -> new long[limit]);
        synchronized (times) {
            int oldest = 0;
            for (int i = 0; i < times.length; i++) {
                if (times[i] == 0 || now - times[i] >= windowNanos) {
                    times[i] = now;
                    return Optional.empty();
                }
                if (times[i] < times[oldest]) {
                    oldest = i;
                }
            }
            return Optional.of(Duration.ofNanos(windowNanos - (now - times[oldest])));
        }
    }

    private boolean allExpired(long[] times, long now) {
        synchronized (times) {
            for (long time : times) {
                if (time != 0 && now - time < windowNanos) {
                    return false;
                }
            }
            return true;
        }
    }
}

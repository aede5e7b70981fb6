package io.s2spay.bench;

import java.util.Map;
import java.util.Set;

/** The CPU each stack component had used at one moment ({@code nanoTime}, from {@link System#nanoTime()}). */
record CpuSample(long nanoTime, Map<StackComponent, Usage> components) {

    /**
     * @param ticks utime + stime + cutime + cstime over the component's processes
     * @param processes how many processes it had
     * @param roots its processes whose parent is not the component's (the postmaster, a service's JVM): when one of
     *     them is gone at the next sample, the component restarted and the difference means nothing
     */
    record Usage(long ticks, int processes, Set<Long> roots) {
        Usage {
            roots = Set.copyOf(roots);
        }
    }

    CpuSample {
        components = Map.copyOf(components);
    }

    Usage usage(StackComponent component) {
        return components.get(component);
    }

    /** A sample of a machine without {@code /proc}: every component absent. */
    static CpuSample none(long nanoTime) {
        return new CpuSample(nanoTime, Map.of());
    }
}

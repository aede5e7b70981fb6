package io.s2spay.bench;

import java.util.EnumMap;
import java.util.Map;

/** The CPU each stack component used between two samples, in milliseconds, per payment and in % of one core. */
final class CpuInterval {

    enum State {
        MEASURED,
        /** No process of the component at either sample. */
        ABSENT,
        /** Its processes were not the same at both samples (started, ended or restarted in between). */
        CHANGED
    }

    /** One component's CPU: {@code ticks} and {@code processes} (at the end) only when {@link State#MEASURED}. */
    record Component(StackComponent component, State state, long ticks, int processes) {}

    private final long elapsedNanos;
    private final long ticksPerSecond;
    private final Map<StackComponent, Component> components = new EnumMap<>(StackComponent.class);

    CpuInterval(CpuSample start, CpuSample end, long ticksPerSecond) {
        if (ticksPerSecond < 1) throw new IllegalArgumentException("clock ticks per second must be positive");
        this.elapsedNanos = end.nanoTime() - start.nanoTime();
        this.ticksPerSecond = ticksPerSecond;
        for (StackComponent component : StackComponent.values()) {
            CpuSample.Usage before = start.usage(component);
            CpuSample.Usage after = end.usage(component);
            Component measured;
            if (before == null && after == null) {
                measured = new Component(component, State.ABSENT, 0, 0);
            } else if (before == null
                    || after == null
                    || !after.roots().containsAll(before.roots())
                    || after.ticks() < before.ticks()) {
                measured = new Component(component, State.CHANGED, 0, 0);
            } else {
                measured = new Component(component, State.MEASURED, after.ticks() - before.ticks(), after.processes());
            }
            components.put(component, measured);
        }
    }

    Component component(StackComponent component) {
        return components.get(component);
    }

    double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** The component's CPU time in milliseconds; NaN unless it was measured. */
    double millis(StackComponent component) {
        Component measured = components.get(component);
        return measured.state() == State.MEASURED ? measured.ticks() * 1000.0 / ticksPerSecond : Double.NaN;
    }

    /** The CPU time of every measured component of the stack (the benchmark's own excluded), in milliseconds. */
    double stackMillis() {
        return components.values().stream()
                .filter(c -> c.component().partOfStack() && c.state() == State.MEASURED)
                .mapToDouble(c -> millis(c.component()))
                .sum();
    }

    /** How many of the stack's components (the benchmark excluded) were measured. */
    long measuredStackComponents() {
        return components.values().stream()
                .filter(c -> c.component().partOfStack() && c.state() == State.MEASURED)
                .count();
    }

    /** CPU milliseconds per payment; NaN when nothing succeeded or the component was not measured. */
    double millisPerPayment(StackComponent component, long succeeded) {
        return perPayment(millis(component), succeeded);
    }

    double stackMillisPerPayment(long succeeded) {
        return perPayment(stackMillis(), succeeded);
    }

    static double perPayment(double millis, long succeeded) {
        return succeeded > 0 ? millis / succeeded : Double.NaN;
    }

    /** The component's CPU in % of one core over the interval: 100 is one core busy all along. */
    double percentOfOneCore(StackComponent component) {
        return percentOfOneCore(millis(component));
    }

    double stackPercentOfOneCore() {
        return percentOfOneCore(stackMillis());
    }

    private double percentOfOneCore(double millis) {
        return elapsedNanos > 0 ? millis / (elapsedNanos / 1e6) * 100 : Double.NaN;
    }
}

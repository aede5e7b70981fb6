package io.s2spay.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the stack's CPU figures: per component, the stack's total, and the benchmark's own apart. */
final class CpuReport {

    private final PrintStream out;

    CpuReport(PrintStream out) {
        this.out = out;
    }

    /** Which processes were found: a component's first processes (the postmaster, a service's JVM) and count. */
    void processes(CpuMeter meter, CpuSample sample) {
        if (!meter.available()) {
            out.println("CPU: /proc is not readable on this machine, so no CPU figures");
            return;
        }
        out.printf(Locale.ROOT, "CPU from /proc (utime+stime+cutime+cstime, %d ticks/s) of:%n", meter.ticksPerSecond());
        for (StackComponent component : StackComponent.values()) {
            CpuSample.Usage usage = sample.usage(component);
            out.printf(
                    Locale.ROOT,
                    "  %-20s %s%n",
                    component.label,
                    usage == null
                            ? "absent"
                            : "pid "
                                    + usage.roots().stream()
                                            .sorted()
                                            .map(String::valueOf)
                                            .collect(Collectors.joining(", "))
                                    + " (" + usage.processes()
                                    + (usage.processes() == 1 ? " process)" : " processes)"));
        }
    }

    void idle(CpuInterval interval) {
        out.printf(
                Locale.ROOT, "idle CPU over %.1f s before the warm-up, %% of one core:%n", interval.elapsedSeconds());
        for (StackComponent component : StackComponent.values()) {
            line(component, interval, percent(interval.percentOfOneCore(component)));
        }
        out.printf(
                Locale.ROOT,
                "  %-20s %s (%d components measured, the benchmark excluded)%n",
                "stack total",
                percent(interval.stackPercentOfOneCore()),
                interval.measuredStackComponents());
    }

    void perPayment(CpuInterval interval, long succeeded) {
        out.printf(Locale.ROOT, "CPU ms per succeeded payment (%d succeeded):%n", succeeded);
        for (StackComponent component : StackComponent.values()) {
            line(component, interval, figure(interval.millisPerPayment(component, succeeded)));
        }
        out.printf(
                Locale.ROOT,
                "  %-20s %s (%d components measured, the benchmark excluded; the stack used %s of one core)%n",
                "stack total",
                figure(interval.stackMillisPerPayment(succeeded)),
                interval.measuredStackComponents(),
                percent(interval.stackPercentOfOneCore()));
    }

    /** A component per row, a step per column: CPU ms per succeeded payment. */
    void perPaymentTable(List<String> columns, List<CpuInterval> intervals, List<Long> succeeded) {
        out.println();
        out.println("CPU ms per succeeded payment:");
        out.println("| process | " + String.join(" | ", columns) + " |");
        out.println("|---" + "|---".repeat(columns.size()) + "|");
        for (StackComponent component : StackComponent.values()) {
            StringBuilder row = new StringBuilder("| " + component.label + " |");
            for (int i = 0; i < intervals.size(); i++) {
                CpuInterval interval = intervals.get(i);
                row.append(' ')
                        .append(value(
                                interval, component, figure(interval.millisPerPayment(component, succeeded.get(i)))))
                        .append(" |");
            }
            out.println(row);
        }
        StringBuilder total = new StringBuilder("| stack total (benchmark excluded) |");
        for (int i = 0; i < intervals.size(); i++) {
            total.append(' ')
                    .append(figure(intervals.get(i).stackMillisPerPayment(succeeded.get(i))))
                    .append(" |");
        }
        out.println(total);
    }

    /** During the baseline: PostgreSQL's and the benchmark's CPU per transaction, the rest of the stack in %. */
    void baseline(CpuInterval interval, long transactions) {
        out.printf(
                Locale.ROOT,
                "baseline CPU ms per transaction: postgres %s, benchmark (JDBC clients) %s; meanwhile the whole stack"
                        + " used %s of one core (postgres %s)%n",
                value(
                        interval,
                        StackComponent.POSTGRES,
                        figure(interval.millisPerPayment(StackComponent.POSTGRES, transactions))),
                value(
                        interval,
                        StackComponent.BENCHMARK,
                        figure(interval.millisPerPayment(StackComponent.BENCHMARK, transactions))),
                percent(interval.stackPercentOfOneCore()),
                value(interval, StackComponent.POSTGRES, percent(interval.percentOfOneCore(StackComponent.POSTGRES))));
    }

    private void line(StackComponent component, CpuInterval interval, String measured) {
        out.printf(
                Locale.ROOT,
                "  %-20s %s%s%n",
                component.label,
                value(interval, component, measured),
                component == StackComponent.BENCHMARK ? " (this load generator, not in the total)" : "");
    }

    private static String value(CpuInterval interval, StackComponent component, String measured) {
        return switch (interval.component(component).state()) {
            case MEASURED -> measured;
            case ABSENT -> "absent";
            case CHANGED -> "n/a (its processes changed meanwhile)";
        };
    }

    static String figure(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", value);
    }
}

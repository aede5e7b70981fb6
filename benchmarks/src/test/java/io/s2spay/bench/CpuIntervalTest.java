package io.s2spay.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuIntervalTest {

    static CpuSample.Usage usage(long ticks, long... roots) {
        Set<Long> set = new java.util.HashSet<>();
        for (long root : roots) set.add(root);
        return new CpuSample.Usage(ticks, roots.length, set);
    }

    @Test
    void cpuPerPaymentIsTheTickDifferenceInMillisecondsOverTheSucceededPayments() {
        CpuSample start = new CpuSample(
                0,
                Map.of(
                        StackComponent.CHECKOUT_SERVICE, usage(1_000, 101),
                        StackComponent.POSTGRES, usage(400, 200),
                        StackComponent.BENCHMARK, usage(50, 900)));
        CpuSample end = new CpuSample(
                20_000_000_000L, // 20 s later
                Map.of(
                        StackComponent.CHECKOUT_SERVICE, usage(1_425, 101),
                        StackComponent.POSTGRES, usage(700, 200),
                        StackComponent.BENCHMARK, usage(90, 900)));

        CpuInterval interval = new CpuInterval(start, end, 100);

        // 425 ticks at 100 ticks/s = 4,250 ms over 500 payments
        assertThat(interval.millis(StackComponent.CHECKOUT_SERVICE)).isEqualTo(4250.0);
        assertThat(interval.millisPerPayment(StackComponent.CHECKOUT_SERVICE, 500))
                .isEqualTo(8.5);
        assertThat(interval.millisPerPayment(StackComponent.POSTGRES, 500)).isEqualTo(6.0);
        // the benchmark is measured, but not part of the stack's total
        assertThat(interval.millisPerPayment(StackComponent.BENCHMARK, 500)).isEqualTo(0.8);
        assertThat(interval.stackMillisPerPayment(500)).isEqualTo(14.5);
        assertThat(interval.measuredStackComponents()).isEqualTo(2);
        // 4,250 ms in 20 s: 21.25 % of one core; the stack 7,250 ms: 36.25 %
        assertThat(interval.percentOfOneCore(StackComponent.CHECKOUT_SERVICE)).isCloseTo(21.25, within(1e-9));
        assertThat(interval.stackPercentOfOneCore()).isCloseTo(36.25, within(1e-9));
        assertThat(interval.elapsedSeconds()).isEqualTo(20.0);
    }

    @Test
    void otherClockTickRatesScaleTheMilliseconds() {
        CpuSample start = new CpuSample(0, Map.of(StackComponent.KAFKA, usage(0, 110)));
        CpuSample end = new CpuSample(1_000_000_000L, Map.of(StackComponent.KAFKA, usage(250, 110)));

        assertThat(new CpuInterval(start, end, 250).millis(StackComponent.KAFKA))
                .isEqualTo(1000.0);
        assertThat(new CpuInterval(start, end, 250).percentOfOneCore(StackComponent.KAFKA))
                .isEqualTo(100.0);
    }

    @Test
    void aBackendThatEndsMeanwhileIsCountedOnceThroughThePostmastersReapedTime() {
        // start: postmaster 200 (own 30, reaped 400), backend 202 has used 100 ticks so far
        List<ProcessTable.Entry> before = new ArrayList<>(List.of(
                ProcessTableTest.process(200, 1, StackComponentTest.POSTMASTER, 10, 20, 300, 100),
                ProcessTableTest.process(
                        202, 200, List.of("postgres: s2spay s2spay 127.0.0.1(1) idle"), 60, 40, 0, 0)));
        // end: the backend used 50 more ticks, ended and was reaped (its 150 in the postmaster's cutime/cstime)
        List<ProcessTable.Entry> after =
                List.of(ProcessTableTest.process(200, 1, StackComponentTest.POSTMASTER, 12, 20, 390, 160));

        CpuInterval interval = new CpuInterval(
                new ProcessTable(before).sample(900, 0), new ProcessTable(after).sample(900, 1_000_000_000L), 100);

        assertThat(interval.component(StackComponent.POSTGRES).state()).isEqualTo(CpuInterval.State.MEASURED);
        assertThat(interval.millis(StackComponent.POSTGRES)).isEqualTo(520.0); // 2 + 50 ticks
    }

    @Test
    void absentComponentsAndChangedProcessesGiveNoFigures() {
        CpuSample start = new CpuSample(
                0,
                Map.of(
                        StackComponent.CHECKOUT_SERVICE, usage(1_000, 101),
                        StackComponent.PAYMENT_EXECUTOR, usage(500, 102),
                        StackComponent.STATUS_POLLER, usage(300, 103)));
        CpuSample end = new CpuSample(
                1_000_000_000L,
                Map.of(
                        StackComponent.CHECKOUT_SERVICE, usage(10, 141), // restarted: another JVM
                        StackComponent.PAYMENT_EXECUTOR, usage(600, 102),
                        StackComponent.BACKOFFICE_SERVICE, usage(5, 104))); // started meanwhile; poller ended

        CpuInterval interval = new CpuInterval(start, end, 100);

        assertThat(interval.component(StackComponent.KAFKA).state()).isEqualTo(CpuInterval.State.ABSENT);
        assertThat(interval.component(StackComponent.CHECKOUT_SERVICE).state()).isEqualTo(CpuInterval.State.CHANGED);
        assertThat(interval.component(StackComponent.BACKOFFICE_SERVICE).state())
                .isEqualTo(CpuInterval.State.CHANGED);
        assertThat(interval.component(StackComponent.STATUS_POLLER).state()).isEqualTo(CpuInterval.State.CHANGED);
        assertThat(interval.millis(StackComponent.CHECKOUT_SERVICE)).isNaN();
        assertThat(interval.millis(StackComponent.KAFKA)).isNaN();
        // the total is of what was measured only
        assertThat(interval.stackMillis()).isEqualTo(1000.0);
        assertThat(interval.measuredStackComponents()).isEqualTo(1);
    }

    @Test
    void nothingSucceededGivesNoPerPaymentFigure() {
        assertThat(CpuInterval.perPayment(1234.0, 0)).isNaN();
        assertThat(CpuInterval.perPayment(1234.0, 2)).isEqualTo(617.0);
        assertThat(CpuInterval.perPayment(Double.NaN, 2)).isNaN();
    }

    @Test
    void clockTicksComeFromGetconfElseAHundred() {
        assertThat(CpuMeter.parseTicks("100\n")).isEqualTo(100);
        assertThat(CpuMeter.parseTicks("250")).isEqualTo(250);
        assertThat(CpuMeter.parseTicks("undefined")).isEqualTo(100);
        assertThat(CpuMeter.parseTicks("0")).isEqualTo(100);
    }

    @Test
    void theBaselineRatioIsAPercentage() {
        assertThat(PostgresBaseline.percentOf(55.0, 1100.0)).isEqualTo(5.0);
        assertThat(PostgresBaseline.percentOf(55.0, 0)).isNaN();
    }
}

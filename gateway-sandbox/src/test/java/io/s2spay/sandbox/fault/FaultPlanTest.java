package io.s2spay.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.sandbox.SandboxProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Fault plans from the header, the magic amounts and the configured rates. */
class FaultPlanTest {

    @Test
    void parsesLatencyAndAFailureFromTheHeader() {
        FaultPlan plan = FaultPlan.parseHeader("latency=250, lost-response");

        assertThat(plan.latency()).isEqualTo(Duration.ofMillis(250));
        assertThat(plan.failure()).isEqualTo(FaultPlan.Failure.LOST_RESPONSE);
    }

    @Test
    void ignoresUnknownHeaderTokens() {
        assertThat(FaultPlan.parseHeader("explode").isNone()).isTrue();
        assertThat(FaultPlan.parseHeader(null).isNone()).isTrue();
    }

    @Test
    void scriptsFaultsWithAmountsInAnyExponent() {
        assertThat(FaultPlan.fromAmount("999.01").failure()).isEqualTo(FaultPlan.Failure.LOST_RESPONSE);
        assertThat(FaultPlan.fromAmount("99902").failure()).isEqualTo(FaultPlan.Failure.HTTP_500);
        assertThat(FaultPlan.fromAmount("99.903").failure()).isEqualTo(FaultPlan.Failure.RESET);
        assertThat(FaultPlan.fromAmount("999.04").failure()).isEqualTo(FaultPlan.Failure.TIMEOUT);
        assertThat(FaultPlan.fromAmount("999.05").latency()).isEqualTo(Duration.ofSeconds(2));
        assertThat(FaultPlan.fromAmount("999.06").failure()).isEqualTo(FaultPlan.Failure.HTTP_503);
        assertThat(FaultPlan.fromAmount("92.00").isNone()).isTrue();
        assertThat(FaultPlan.fromAmount("not-a-number").isNone()).isTrue();
        assertThat(FaultPlan.fromAmount("99999999999999999999").isNone()).isTrue();
    }

    @Test
    void drawsNothingWithDefaultRates() {
        SandboxProperties.Faults faults = new SandboxProperties.Faults(null, null, null, null);

        for (int i = 0; i < 1000; i++) {
            assertThat(FaultPlan.draw(faults).isNone()).isTrue();
        }
    }

    @Test
    void drawsFailuresAtTheConfiguredRate() {
        SandboxProperties.Faults faults = new SandboxProperties.Faults(
                true, new SandboxProperties.Rates(0.25, null, null, null, null), null, null);
        int failures = 0;
        for (int i = 0; i < 20_000; i++) {
            failures += FaultPlan.draw(faults).failure() == FaultPlan.Failure.HTTP_500 ? 1 : 0;
        }

        assertThat(failures).isBetween(4_500, 5_500);
    }

    @Test
    void drawsUniformLatencyWithinItsBounds() {
        SandboxProperties.Faults faults = new SandboxProperties.Faults(
                true,
                null,
                new SandboxProperties.Latency(
                        SandboxProperties.Latency.Distribution.UNIFORM,
                        null,
                        Duration.ofMillis(10),
                        Duration.ofMillis(20),
                        null),
                null);

        for (int i = 0; i < 1000; i++) {
            assertThat(FaultPlan.draw(faults).latency()).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
        }
    }
}

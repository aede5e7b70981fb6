package io.s2spay.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The circuit-breaker and resolution settings: defaults, validation naming the property, and what they compute. */
class ResilienceSettingsTest {

    @Test
    void unsetCircuitBreakerSettingsTakeTheirDefaults() {
        assertThat(CircuitBreakerSettings.checked(null, "s2spay.x.circuit-breaker"))
                .isEqualTo(new CircuitBreakerSettings(50, 20, 10, Duration.ofSeconds(15), 3));
        assertThat(new CircuitBreakerSettings(25, null, null, null, null).slidingWindowSize())
                .isEqualTo(20);
    }

    @Test
    void refusesWrongCircuitBreakerSettingsNamingTheProperty() {
        assertThatThrownBy(() -> CircuitBreakerSettings.checked(
                        new CircuitBreakerSettings(0, null, null, null, null), "s2spay.x.circuit-breaker"))
                .hasMessage("s2spay.x.circuit-breaker.failure-rate-threshold must be 1..100");
        assertThatThrownBy(() -> CircuitBreakerSettings.checked(
                        new CircuitBreakerSettings(101, null, null, null, null), "s2spay.x.circuit-breaker"))
                .hasMessage("s2spay.x.circuit-breaker.failure-rate-threshold must be 1..100");
        assertThatThrownBy(() -> CircuitBreakerSettings.checked(
                        new CircuitBreakerSettings(50, 0, null, null, null), "s2spay.x.circuit-breaker"))
                .hasMessage("s2spay.x.circuit-breaker window and call counts must be positive");
    }

    @Test
    void theCircuitBreakerCountsTransportFailuresTimeoutsAndServerErrorsOnly() {
        CircuitBreakerConfig config = new CircuitBreakerSettings(30, 8, 4, Duration.ofSeconds(7), 2).config();
        assertThat(config.getFailureRateThreshold()).isEqualTo(30f);
        assertThat(config.getSlidingWindowSize()).isEqualTo(8);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(4);
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
        assertThat(config.getRecordExceptionPredicate().test(new IOException("reset")))
                .isTrue();
        assertThat(config.getRecordExceptionPredicate().test(new TimeoutException()))
                .isTrue();
        assertThat(config.getRecordExceptionPredicate().test(new IllegalStateException()))
                .isFalse();
        assertThat(config.getRecordResultPredicate().test(response(503))).isTrue();
        assertThat(config.getRecordResultPredicate().test(response(400))).isFalse();
        assertThat(new CircuitBreakerSettings(null, null, null, null, null)
                        .circuitBreaker("x-gateway")
                        .getName())
                .isEqualTo("x-gateway");
    }

    @Test
    void unsetResolutionSettingsTakeTheirDefaults() {
        assertThat(ResolutionSettings.checked(null, "s2spay.x.resolution"))
                .isEqualTo(new ResolutionSettings(5, Duration.ofMillis(500), 2.0, 1));
    }

    @Test
    void refusesWrongResolutionSettingsNamingTheProperty() {
        for (ResolutionSettings wrong : new ResolutionSettings[] {
            new ResolutionSettings(0, null, null, null),
            new ResolutionSettings(null, Duration.ofMillis(-1), null, null),
            new ResolutionSettings(null, null, 0.5, null),
            new ResolutionSettings(null, null, null, -1)
        }) {
            assertThatThrownBy(() -> ResolutionSettings.checked(wrong, "s2spay.x.resolution"))
                    .hasMessage("s2spay.x.resolution: max-queries >= 1, max-resends >= 0, backoff-multiplier >= 1,"
                            + " initial-backoff >= 0");
        }
    }

    @Test
    void theBackoffGrowsExponentiallyFromOneMillisecondAtLeast() {
        ResolutionSettings resolution = new ResolutionSettings(4, Duration.ofMillis(250), 2.0, 1);
        assertThat(resolution.totalBackoff(0)).isZero();
        assertThat(resolution.totalBackoff(3)).isEqualTo(Duration.ofMillis(250 + 500 + 1000));
        assertThat(new ResolutionSettings(3, Duration.ZERO, 3.0, 0).totalBackoff(3))
                .isEqualTo(Duration.ofMillis(1 + 3 + 9));
    }

    @Test
    void aResolutionIsEveryCallOfEveryQueryAndTheWaitsBetweenThem() {
        Duration call = ConnectorDeadlines.oneCall(Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThat(call).isEqualTo(Duration.ofSeconds(12));
        ResolutionSettings resolution = new ResolutionSettings(4, Duration.ofMillis(250), 2.0, 1);
        assertThat(ConnectorDeadlines.longestResolution(call, 1, resolution, 3)).isEqualTo(Duration.ofMillis(49_750));
        assertThat(ConnectorDeadlines.longestResolution(call, 2, resolution, 4))
                .isEqualTo(Duration.ofMillis(96_000 + 3_750));
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<String> response(int status) {
        HttpResponse<String> response = mock(HttpResponse.class);
        when(response.statusCode()).thenReturn(status);
        return response;
    }
}

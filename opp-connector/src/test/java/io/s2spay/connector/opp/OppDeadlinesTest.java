package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.connector.support.ResolutionSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OppDeadlinesTest {

    private static OppProperties properties() {
        return OppProperties.of(
                "http://127.0.0.1:8090/",
                Map.of("merchant-demo", new OppProperties.Account("entity", "token", null)),
                null);
    }

    @Test
    void longestSubmissionCountsEveryTimeoutBackoffAndResend() {
        // 2 s connect + 10 s read per call; 4 queries after 0.25 + 0.25 + 0.5 + 1 s of backoff; one resend
        OppProperties properties = properties()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withResolution(new ResolutionSettings(4, Duration.ofMillis(250), 2.0, 1));
        assertThat(new OppGatewayClient(properties).longestSubmission()).isEqualTo(Duration.ofSeconds(136));
    }

    @Test
    void longestResolutionCountsEveryQueryAndTheBackoffBetweenThem() {
        OppProperties properties = properties()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withResolution(new ResolutionSettings(4, Duration.ofMillis(250), 2.0, 1));
        // 4 queries of 12 s with 0.25 + 0.5 + 1 s between them
        assertThat(new OppGatewayClient(properties).longestResolution()).isEqualTo(Duration.ofMillis(49_750));
    }

    @Test
    void withoutResendsOnlyOneRoundIsCounted() {
        OppProperties properties = properties()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .withResolution(new ResolutionSettings(2, Duration.ofMillis(100), 2.0, 0));
        // 5 s x (1 send + 2 queries) + 0.1 + 0.1 s
        assertThat(new OppGatewayClient(properties).longestSubmission()).isEqualTo(Duration.ofMillis(15_200));
    }
}

package io.s2spay.sandbox;

import static io.s2spay.sandbox.OppClient.visaDebit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.sandbox.OppClient.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/payments/{id}} allows two requests per minute per transaction; the query endpoint is unlimited. */
class StatusRateLimitIT {

    private static OppClient opp;
    private static GatewaySandbox shortWindow;

    @BeforeAll
    static void start() {
        opp = new OppClient(TestSandbox.shared());
        shortWindow = GatewaySandbox.start(Map.of("sandbox.status-limit.window", "2s"));
    }

    @AfterAll
    static void stop() {
        shortWindow.close();
    }

    @Test
    void answersTheThirdStatusRequestWithinAMinuteWith429() {
        String id = opp.pay(visaDebit()).id();

        Reply first = opp.status(id);
        Reply second = opp.status(id);
        Reply third = opp.status(id);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.code()).isEqualTo("000.100.110");
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.code()).isEqualTo("800.120.100");
        assertThat(third.json().path("result").path("description").asString()).isEqualTo("Rejected by Throttling.");
        assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 61L);
    }

    @Test
    void countsEachTransactionSeparately() {
        String first = opp.pay(visaDebit()).id();
        String second = opp.pay(visaDebit()).id();
        opp.status(first);
        opp.status(first);

        assertThat(opp.status(first).status()).isEqualTo(429);
        assertThat(opp.status(second).status()).isEqualTo(200);
    }

    @Test
    void neverLimitsTheQueryEndpoint() {
        String id = opp.pay(visaDebit()).id();
        opp.status(id);
        opp.status(id);

        for (int i = 0; i < 20; i++) {
            assertThat(opp.query(id).status()).isEqualTo(200);
        }
        assertThat(opp.status(id).status()).isEqualTo(429);
    }

    @Test
    void allowsStatusRequestsAgainOnceTheWindowHasPassed() {
        OppClient client = new OppClient(shortWindow);
        String id = client.pay(visaDebit()).id();
        client.status(id);
        client.status(id);
        assertThat(client.status(id).status()).isEqualTo(429);

        await().pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(10))
                .until(() -> client.status(id).status() == 200);
    }
}

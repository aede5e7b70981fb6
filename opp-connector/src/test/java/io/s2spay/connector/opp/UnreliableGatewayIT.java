package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.SandboxMerchant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many payments, concurrently, through a sandbox that drops, resets or fails a good share of all requests (queries
 * included): whatever happens, no payment is charged twice, and every payment reported as succeeded is charged
 * exactly once while every payment reported as never received is not charged at all.
 */
class UnreliableGatewayIT {

    @Test
    void neverChargesTwiceWhenResponsesAreLostResetOrFailed() throws Exception {
        try (GatewaySandbox sandbox = GatewaySandbox.start(Map.of(
                "sandbox.faults.rates.lost-response", "0.15",
                "sandbox.faults.rates.reset", "0.05",
                "sandbox.faults.rates.http503", "0.05",
                "sandbox.faults.rates.http500", "0.05"))) {
            SandboxMerchant merchant = sandbox.merchant();
            OppProperties properties = new OppProperties(
                    sandbox.baseUrl(),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    Map.of("m", new OppProperties.Account(merchant.entityId(), merchant.accessToken(), null)),
                    null,
                    new CircuitBreakerSettings(100, 100, 100, null, null),
                    new ResolutionSettings(10, Duration.ofMillis(50), 1.5, 3));
            int payments = 40;
            List<String> ids = new ArrayList<>();
            List<Future<OppTransaction>> results = new ArrayList<>();
            try (OppGatewayClient client = new OppGatewayClient(properties);
                    var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < payments; i++) {
                    String mtid = "unreliable-" + UUID.randomUUID();
                    ids.add(mtid);
                    results.add(executor.submit(() -> client.submitPaymentSafely("m", FaultsIT.debit(mtid))));
                }
                List<OppTransaction> done = new ArrayList<>();
                for (Future<OppTransaction> result : results) {
                    done.add(result.get());
                }
                Map<OppOutcome, Integer> outcomes = new EnumMap<>(OppOutcome.class);
                Map<String, Long> charges = charges(sandbox, merchant.entityId());
                for (int i = 0; i < payments; i++) {
                    OppTransaction result = done.get(i);
                    long charged = charges.getOrDefault(ids.get(i), 0L);
                    outcomes.merge(result.outcome(), 1, Integer::sum);
                    assertThat(charged).as("charges of %s", ids.get(i)).isLessThanOrEqualTo(1);
                    switch (result.outcome()) {
                        case SUCCEEDED ->
                            assertThat(charged).as("%s succeeded", ids.get(i)).isEqualTo(1);
                        case FAILED -> {
                            assertThat(result.safeToResend()).isTrue();
                            assertThat(charged)
                                    .as("%s never received", ids.get(i))
                                    .isZero();
                        }
                        default ->
                            assertThat(result.outcome()).as("%s", ids.get(i)).isEqualTo(OppOutcome.UNKNOWN);
                    }
                }
                assertThat(outcomes.getOrDefault(OppOutcome.SUCCEEDED, 0))
                        .as("outcomes %s", outcomes)
                        .isGreaterThan(payments / 2);
            }
        }
    }

    private static Map<String, Long> charges(GatewaySandbox sandbox, String entityId) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "sandbox/ledger?entityId=" + entityId))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode ledger = JsonMapper.builder().build().readTree(response.body());
            Map<String, Long> charges = new java.util.HashMap<>();
            for (JsonNode entity : ledger.path("entities").values()) {
                for (JsonNode tx : entity.path("transactions").values()) {
                    if ("DB".equals(tx.path("paymentType").asString())) {
                        charges.merge(tx.path("merchantTransactionId").asString(), 1L, Long::sum);
                    }
                }
            }
            return charges;
        }
    }
}

package io.s2spay.sandbox;

import static io.s2spay.sandbox.OppClient.visaDebit;
import static io.s2spay.sandbox.OppClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.sandbox.OppClient.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Faults over a real connection: latency, HTTP 5xx, reset and timeout (nothing charged) and the lost response
 * (charged exactly once, visible through the query endpoint and the ledger).
 */
class FaultInjectionIT {

    private static GatewaySandbox sandbox;
    private static OppClient opp;

    @BeforeAll
    static void start() {
        sandbox = GatewaySandbox.start(Map.of("sandbox.faults.timeout-hold", "2s"));
        opp = new OppClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Reply payWithFault(Map<String, String> request, String fault) {
        return opp.post("v1/payments", request, Map.of("X-Sandbox-Fault", fault));
    }

    private static int ledgerCount(OppClient client, String merchantTransactionId) {
        int count = 0;
        for (JsonNode entity : client.getPlain("sandbox/ledger?merchantTransactionId=" + merchantTransactionId)
                .json()
                .path("entities")) {
            count += entity.path("transactions").size();
        }
        return count;
    }

    private static Reply queryByMerchantTransactionId(OppClient client, String merchantTransactionId) {
        return client.get("v1/query?entityId=" + client.entityId() + "&merchantTransactionId=" + merchantTransactionId);
    }

    @Test
    void addsTheRequestedLatencyAndThenProcesses() {
        long start = System.nanoTime();
        Reply reply = payWithFault(visaDebit(), "latency=700");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(reply.code()).isEqualTo("000.100.110");
    }

    @Test
    void answersHttp500WithoutChargingAnything() {
        Map<String, String> request = visaDebit();
        Reply reply = payWithFault(request, "http500");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).contains("500 Internal Server Error");
        assertThat(queryByMerchantTransactionId(opp, request.get("merchantTransactionId"))
                        .status())
                .isEqualTo(404);
        assertThat(ledgerCount(opp, request.get("merchantTransactionId"))).isZero();
    }

    @Test
    void answersHttp503ForTheMagicAmountWithoutChargingAnything() {
        Map<String, String> request = with(visaDebit(), "amount", "999.06");
        Reply reply = opp.pay(request);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(ledgerCount(opp, request.get("merchantTransactionId"))).isZero();
    }

    @Test
    void resetsTheConnectionWithoutChargingAnything() {
        Map<String, String> request = visaDebit();

        assertThatThrownBy(() -> payWithFault(request, "reset")).isInstanceOf(UncheckedIOException.class);
        assertThat(queryByMerchantTransactionId(opp, request.get("merchantTransactionId"))
                        .status())
                .isEqualTo(404);
        assertThat(ledgerCount(opp, request.get("merchantTransactionId"))).isZero();
    }

    @Test
    void resetsTheConnectionForTheMagicAmount() {
        Map<String, String> request = with(visaDebit(), "amount", "999.03");

        assertThatThrownBy(() -> opp.pay(request)).isInstanceOf(UncheckedIOException.class);
        assertThat(ledgerCount(opp, request.get("merchantTransactionId"))).isZero();
    }

    @Test
    void holdsATimedOutRequestUnansweredAndChargesNothing() throws Exception {
        Map<String, String> request = visaDebit();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("entityId", opp.entityId());
        body.putAll(request);
        HttpRequest post = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "v1/payments"))
                .timeout(Duration.ofMillis(800))
                .header("Authorization", "Bearer " + sandbox.merchant().accessToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Sandbox-Fault", "timeout")
                .POST(HttpRequest.BodyPublishers.ofString(OppClient.form(body)))
                .build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        Thread.sleep(Duration.ofMillis(2500)); // let the sandbox's hold end: it must not process the request then
        assertThat(queryByMerchantTransactionId(opp, request.get("merchantTransactionId"))
                        .status())
                .isEqualTo(404);
        assertThat(ledgerCount(opp, request.get("merchantTransactionId"))).isZero();
    }

    @Test
    void processesButDropsTheResponseSoTheChargeIsFoundOnlyByQuerying() {
        Map<String, String> request = visaDebit();
        String merchantTransactionId = request.get("merchantTransactionId");

        assertThatThrownBy(() -> payWithFault(request, "lost-response"))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);

        Reply query = queryByMerchantTransactionId(opp, merchantTransactionId);
        assertThat(query.status()).isEqualTo(200);
        assertThat(query.json().path("payments")).hasSize(1);
        assertThat(query.json()
                        .path("payments")
                        .get(0)
                        .path("result")
                        .path("code")
                        .asString())
                .isEqualTo("000.100.110");
        assertThat(ledgerCount(opp, merchantTransactionId)).isEqualTo(1);

        Reply resend = opp.pay(request);
        assertThat(resend.code()).isEqualTo("800.130.100");
        assertThat(ledgerCount(opp, merchantTransactionId)).isEqualTo(1);
    }

    @Test
    void losesTheResponseForTheMagicAmountAfterCharging() {
        Map<String, String> request = with(visaDebit(), "amount", "999.01");

        assertThatThrownBy(() -> opp.pay(request)).isInstanceOf(UncheckedIOException.class);
        assertThat(ledgerCount(opp, request.get("merchantTransactionId"))).isEqualTo(1);
    }

    @Test
    void losesTheResponseOfARefundAfterRecordingIt() {
        String id = opp.pay(visaDebit()).id();
        String refundId = "refund-" + java.util.UUID.randomUUID();

        assertThatThrownBy(() -> opp.post(
                        "v1/payments/" + id,
                        Map.of(
                                "paymentType",
                                "RF",
                                "amount",
                                "10.00",
                                "currency",
                                "EUR",
                                "merchantTransactionId",
                                refundId),
                        Map.of("X-Sandbox-Fault", "lost-response")))
                .isInstanceOf(UncheckedIOException.class);

        Reply query = queryByMerchantTransactionId(opp, refundId);
        assertThat(query.json().path("payments").get(0).path("paymentType").asString())
                .isEqualTo("RF");
        assertThat(opp.post(
                                "v1/payments/" + id,
                                Map.of(
                                        "paymentType",
                                        "RF",
                                        "amount",
                                        "10.00",
                                        "currency",
                                        "EUR",
                                        "merchantTransactionId",
                                        refundId))
                        .code())
                .isEqualTo("800.130.100");
    }

    @Test
    void appliesConfiguredGlobalFaultRatesAndLatency() {
        try (GatewaySandbox unavailable = GatewaySandbox.start(Map.of(
                "sandbox.faults.rates.http503",
                "1.0",
                "sandbox.faults.latency.distribution",
                "fixed",
                "sandbox.faults.latency.fixed",
                "300ms"))) {
            OppClient client = new OppClient(unavailable);
            Map<String, String> request = visaDebit();
            long start = System.nanoTime();

            Reply reply = client.pay(request);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(reply.status()).isEqualTo(503);
            assertThat(ledgerCount(client, request.get("merchantTransactionId")))
                    .isZero();
        }
    }

    @Test
    void losesEveryResponseAtALostResponseRateOfOne() {
        try (GatewaySandbox lossy = GatewaySandbox.start(Map.of("sandbox.faults.rates.lost-response", "1.0"))) {
            OppClient client = new OppClient(lossy);
            Map<String, String> request = visaDebit();

            assertThatThrownBy(() -> client.pay(request)).isInstanceOf(UncheckedIOException.class);
            assertThat(ledgerCount(client, request.get("merchantTransactionId")))
                    .isEqualTo(1);
        }
    }

    @Test
    void ignoresTheFaultHeaderWhenFaultsAreDisabled() {
        try (GatewaySandbox strict = GatewaySandbox.start(Map.of("sandbox.faults.enabled", "false"))) {
            Reply reply = new OppClient(strict).post("v1/payments", visaDebit(), Map.of("X-Sandbox-Fault", "http500"));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.code()).isEqualTo("000.100.110");
        }
    }
}

package io.s2spay.sandbox.tokens;

import static io.s2spay.sandbox.tokens.TokensApi.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.tokens.TokensApi.Reply;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault plan in front of the tokens API: latency, HTTP 500/503, reset and timeout charge nothing; a lost response
 * charges once and the payment is found by its reference.
 */
class TokensFaultsIT {

    private static GatewaySandbox sandbox;
    private static TokensApi api;

    @BeforeAll
    static void start() {
        sandbox = GatewaySandbox.start(Map.of("sandbox.faults.timeout-hold", "2s"));
        api = new TokensApi(sandbox, "tokens-a");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Map<String, Object> payment(long amount, String reference) {
        return Map.of(
                "amount", amount, "currency", "sek", "token", api.token("4200000000000000"), "reference", reference);
    }

    private static Reply payWithFault(String reference, String fault) {
        return api.post("v1/payments", api.secretKey, payment(9200, reference), Map.of("X-Sandbox-Fault", fault));
    }

    private static int found(String reference) {
        return api.get("v1/payments?reference=" + reference, api.secretKey)
                .json()
                .path("data")
                .size();
    }

    @Test
    void addsLatencyAndThenProcesses() {
        String reference = reference();
        long start = System.nanoTime();
        Reply reply = payWithFault(reference, "latency=700");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(reply.json().path("status").asString()).isEqualTo("succeeded");
        assertThat(api.charged(reference)).isEqualTo(1);
    }

    @Test
    void answers5xxWithoutCharging() {
        String reference = reference();
        Reply http500 = payWithFault(reference, "http500");
        assertThat(http500.status()).isEqualTo(500);
        Reply http503 = payWithFault(reference, "http503");
        assertThat(http503.status()).isEqualTo(503);
        assertThat(found(reference)).isZero();
        assertThat(api.charged(reference)).isZero();
    }

    @Test
    void resetsOrHoldsTheConnectionWithoutCharging() {
        String reset = reference();
        assertThatThrownBy(() -> payWithFault(reset, "reset")).isInstanceOf(UncheckedIOException.class);
        String timeout = reference();
        assertThatThrownBy(() -> payWithFault(timeout, "timeout")).isInstanceOf(UncheckedIOException.class);
        assertThat(found(reset)).isZero();
        assertThat(found(timeout)).isZero();
    }

    @Test
    void aLostResponseChargesOnceAndTheReferenceFindsIt() {
        String reference = reference();
        assertThatThrownBy(() -> payWithFault(reference, "lost-response")).isInstanceOf(UncheckedIOException.class);
        assertThat(found(reference)).isEqualTo(1);
        assertThat(api.charged(reference)).isEqualTo(1);
        // sending it again is refused by the reference and charges nothing more
        assertThat(api.pay(payment(9200, reference)).status()).isEqualTo(409);
        assertThat(api.charged(reference)).isEqualTo(1);
    }

    @Test
    void magicAmountsScriptFaultsOnPaymentsAndRefunds() {
        String http500 = reference();
        assertThat(api.pay(payment(99902, http500)).status()).isEqualTo(500);
        assertThat(found(http500)).isZero();
        String http503 = reference();
        assertThat(api.pay(payment(99906, http503)).status()).isEqualTo(503);
        String lost = reference();
        assertThatThrownBy(() -> api.pay(payment(99901, lost))).isInstanceOf(UncheckedIOException.class);
        assertThat(api.charged(lost)).isEqualTo(1);

        String paymentId = api.pay(payment(9200, reference())).json().path("id").asString();
        Reply refund = api.post("v1/refunds", api.secretKey, Map.of("payment_id", paymentId, "amount", 99902), null);
        assertThat(refund.status()).isEqualTo(500);
        assertThat(api.get("v1/refunds?payment_id=" + paymentId, api.secretKey)
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }
}

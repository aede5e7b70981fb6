package io.s2spay.sandbox.tokens;

import static io.s2spay.sandbox.tokens.TokensApi.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tokens API's state across a restart on the same data directory: payments, refunds, saved cards, open 3-D Secure
 * challenges and undelivered webhooks survive; card tokens (which hold the card number) do not.
 */
class TokensRestartIT {

    @Test
    void keepsPaymentsRefundsSavedCardsAndUndeliveredWebhooksButNoToken() throws Exception {
        Path dir = Files.createTempDirectory("tokens-restart-");
        String reference = reference();
        String paymentId;
        String pm;
        String token;
        String challenged;
        int port;
        try (WebhookReceiver down = new WebhookReceiver(0)) {
            port = down.port();
        }
        Map<String, String> settings = Map.of(
                "sandbox.data-dir",
                dir.toString(),
                "sandbox.tokens.accounts.tokens-a.webhook-url",
                "http://127.0.0.1:" + port + "/webhook",
                "sandbox.tokens.webhooks.initial-backoff",
                "200ms",
                "sandbox.tokens.webhooks.max-backoff",
                "500ms");
        try (GatewaySandbox sandbox = GatewaySandbox.start(settings)) {
            TokensApi api = new TokensApi(sandbox, "tokens-a");
            var paid = api.pay(Map.of(
                    "amount",
                    5000,
                    "currency",
                    "eur",
                    "token",
                    api.token("4200000000000000"),
                    "reference",
                    reference,
                    "save_card",
                    true,
                    "customer_id",
                    "cus-restart"));
            paymentId = paid.json().path("id").asString();
            pm = paid.json().path("payment_method_id").asString();
            api.post(
                    "v1/refunds",
                    api.secretKey,
                    Map.of("payment_id", paymentId, "amount", 1500, "reference", reference + "-r"),
                    null);
            token = api.token("4200000000000000");
            challenged = api.pay(Map.of(
                            "amount",
                            700,
                            "currency",
                            "eur",
                            "token",
                            api.token("4711100000000000"),
                            "return_url",
                            "https://shop.example/back"))
                    .json()
                    .path("id")
                    .asString();
        }
        try (WebhookReceiver receiver = new WebhookReceiver(port);
                GatewaySandbox sandbox = GatewaySandbox.start(settings)) {
            TokensApi api = new TokensApi(sandbox, "tokens-a");
            assertThat(api.get("v1/payments?reference=" + reference, api.secretKey)
                            .json()
                            .path("data")
                            .get(0)
                            .path("amount_refunded")
                            .asLong())
                    .isEqualTo(1500);
            assertThat(api.get("v1/refunds?reference=" + reference + "-r", api.secretKey)
                            .json()
                            .path("data")
                            .size())
                    .isEqualTo(1);
            assertThat(api.charged(reference)).isEqualTo(1);
            assertThat(api.pay(Map.of(
                                    "amount",
                                    100,
                                    "currency",
                                    "eur",
                                    "payment_method_id",
                                    pm,
                                    "customer_id",
                                    "cus-restart",
                                    "off_session",
                                    true))
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo("succeeded");
            var expired = api.pay(Map.of("amount", 100, "currency", "eur", "token", token));
            assertThat(expired.error().path("code").asString()).isEqualTo("resource_missing");
            var back = api.plain(sandbox.baseUrl() + "tokens-api/3ds/" + challenged, "POST", "action=approve");
            assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("&status=succeeded");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(receiver.deliveries())
                            .anySatisfy(d ->
                                    assertThat(d.body()).contains(paymentId).contains("payment.succeeded"))
                            .anySatisfy(d -> assertThat(d.body()).contains("refund.succeeded")));
        }
    }

    @Test
    void failsAnUnfinishedChallengeWhenItsTimeIsUp() {
        try (GatewaySandbox sandbox = GatewaySandbox.start(Map.of("sandbox.tokens.action-timeout", "1s"))) {
            TokensApi api = new TokensApi(sandbox, "tokens-a");
            String id = api.pay(Map.of(
                            "amount",
                            700,
                            "currency",
                            "eur",
                            "token",
                            api.token("4711100000000000"),
                            "return_url",
                            "https://shop.example/back"))
                    .json()
                    .path("id")
                    .asString();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(api.get("v1/payments/" + id, api.secretKey)
                                    .json()
                                    .path("failure_code")
                                    .asString())
                            .isEqualTo("authentication_expired"));
        }
    }
}

package io.s2spay.sandbox;

import static io.s2spay.sandbox.OrdersApi.SELF_TERMINAL;
import static io.s2spay.sandbox.OrdersApi.WEBHOOK_SECRET;
import static io.s2spay.sandbox.OrdersApi.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.sandbox.WebhookReceiver.Delivery;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The orders API's webhooks: one per status change, signed with the merchant's secret, retried until accepted. */
class OrdersWebhooksIT {

    private static GatewaySandbox sandbox;
    private static OrdersApi api;

    @BeforeAll
    static void start() {
        sandbox = TestSandbox.shared();
        api = new OrdersApi(sandbox);
    }

    static String orderNotifying(String url, long total) {
        return """
                {"terminal$id":"%s","orderLines":[{"id":"L1","name":"Plan","quantity":1,
                "amount":{"total":%d,"currency":"752"}}],"merchantReference":"%s","notificationUrl":"%s"}""".formatted(SELF_TERMINAL, total, OrdersApi.unique(), url);
    }

    static String hmac(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256="
                + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode ofType(List<Delivery> deliveries, String type) {
        return deliveries.stream()
                .map(d -> OrdersApi.JSON.readTree(d.body()))
                .filter(json -> json.path("type").asString().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " webhook in " + deliveries));
    }

    @Test
    void signsAWebhookForThePaymentAndEachRefund() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String orderId =
                    api.createOrder(orderNotifying(receiver.url(), 8000)).text("orderId");
            api.pay(card(orderId, "4200000000000000"));
            api.refund(orderId, 2000, "rf-a");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.deliveries().size() >= 2);
            List<Delivery> deliveries = receiver.deliveries();
            // deliveries run concurrently: they may arrive in either order
            JsonNode paid = ofType(deliveries, "ORDER_STATUS_CHANGED");
            JsonNode refunded = ofType(deliveries, "REFUND_COMPLETED");
            assertThat(paid.path("type").asString()).isEqualTo("ORDER_STATUS_CHANGED");
            assertThat(paid.path("status").asString()).isEqualTo("PAYMENT_COMPLETED");
            assertThat(paid.path("orderId").asString()).isEqualTo(orderId);
            assertThat(paid.path("merchantId").asString()).isEqualTo("merchant-a");
            assertThat(refunded.path("type").asString()).isEqualTo("REFUND_COMPLETED");
            assertThat(refunded.path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
            assertThat(refunded.path("refund").path("amount").asLong()).isEqualTo(2000);
            assertThat(refunded.path("refund").path("merchantReference").asString())
                    .isEqualTo("rf-a");
            for (Delivery delivery : deliveries) {
                assertThat(delivery.contentType()).startsWith("application/json");
                assertThat(delivery.header("X-Signature"))
                        .isEqualTo(hmac(WEBHOOK_SECRET, delivery.header("X-Timestamp"), delivery.body()));
                assertThat(delivery.header("X-Signature"))
                        .isNotEqualTo(hmac(
                                "orders-test-webhook-secret-merchant-b",
                                delivery.header("X-Timestamp"),
                                delivery.body()));
                assertThat(Long.parseLong(delivery.header("X-Timestamp")))
                        .isBetween(
                                Instant.now().getEpochSecond() - 120,
                                Instant.now().getEpochSecond() + 5);
                assertThat(delivery.header("X-Event-Id"))
                        .isEqualTo(OrdersApi.JSON
                                .readTree(delivery.body())
                                .path("eventId")
                                .asString());
            }
        }
    }

    @Test
    void retriesAWebhookUntilTheMerchantAcceptsIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.failNext(2);
            String orderId =
                    api.createOrder(orderNotifying(receiver.url(), 1000)).text("orderId");
            api.pay(card(orderId, "4000000000009995"));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.deliveries().size() >= 3);
            assertThat(receiver.deliveries().stream()
                            .map(d -> d.header("X-Event-Id"))
                            .distinct())
                    .hasSize(1);
            JsonNode failed =
                    OrdersApi.JSON.readTree(receiver.deliveries().get(2).body());
            assertThat(failed.path("status").asString()).isEqualTo("PAYMENT_FAILED");
            assertThat(failed.path("failureCode").asString()).isEqualTo("INSUFFICIENT_FUNDS");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode shown = api.send(HttpRequest.newBuilder(URI.create(
                                        sandbox.baseUrl() + "sandbox/orders/notifications?orderId=" + orderId))
                                .GET()
                                .build())
                        .json()
                        .path("notifications");
                assertThat(shown).hasSize(1);
                assertThat(shown.get(0).path("attempts").asInt()).isEqualTo(3);
                assertThat(shown.get(0).path("delivered").asBoolean()).isTrue();
                assertThat(shown.get(0).path("lastStatus").asInt()).isEqualTo(200);
            });
        }
    }
}

package io.s2spay.sandbox;

import static io.s2spay.sandbox.OrdersApi.MIT_TERMINAL;
import static io.s2spay.sandbox.OrdersApi.SELF_TERMINAL;
import static io.s2spay.sandbox.OrdersApi.card;
import static io.s2spay.sandbox.OrdersApi.ctoken;
import static io.s2spay.sandbox.OrdersApi.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orders API's state (orders, references, tokens, refunds, pending challenges, webhooks) survives a restart. */
class OrdersRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void continuesOrdersTokensChallengesAndWebhooksAfterARestart() throws Exception {
        Map<String, String> props = Map.of(
                "sandbox.data-dir", dataDir.toString(),
                "sandbox.orders.webhooks.initial-backoff", "200ms",
                "sandbox.orders.webhooks.max-backoff", "500ms");
        String reference = OrdersApi.unique();
        String paidOrder;
        String tokenId;
        String pendingPayment;
        String pendingOrder;
        int webhookPort;
        try (WebhookReceiver down = new WebhookReceiver()) {
            webhookPort = down.port();
        }
        String webhookUrl = "http://127.0.0.1:" + webhookPort + "/webhook";
        try (GatewaySandbox first = GatewaySandbox.start(props)) {
            OrdersApi api = new OrdersApi(first);
            paidOrder = api.createOrder(order(SELF_TERMINAL, 5000, "752", true, reference)
                            .replace("\"returnUrl\"", "\"notificationUrl\":\"" + webhookUrl + "\",\"returnUrl\""))
                    .text("orderId");
            api.pay(card(paidOrder, "4200000000000000"));
            api.refund(paidOrder, 1000, "rf-before");
            tokenId = api.tokens(paidOrder)
                    .json()
                    .path("tokens")
                    .get(0)
                    .path("tokenId")
                    .asString();
            pendingOrder = api.newOrder(SELF_TERMINAL, 3000, false);
            pendingPayment = api.pay(card(pendingOrder, "4711100000000000")).text("paymentId");
        }

        try (WebhookReceiver receiver = new WebhookReceiver(webhookPort);
                GatewaySandbox second = GatewaySandbox.start(props)) {
            OrdersApi api = new OrdersApi(second);
            assertThat(api.status(paidOrder).text("status")).isEqualTo("PARTIALLY_REFUNDED");
            assertThat(api.findByReference(reference).json().path("orders")).hasSize(1);
            assertThat(api.createOrder(order(SELF_TERMINAL, 5000, "752", true, reference))
                            .status())
                    .isEqualTo(409);
            assertThat(api.refund(paidOrder, 1000, "rf-before").status()).isEqualTo(409);
            assertThat(api.refund(paidOrder, 4000, "rf-after").status()).isEqualTo(201);
            assertThat(api.pay(ctoken(api.newOrder(MIT_TERMINAL, 700, false), tokenId))
                            .text("status"))
                    .isEqualTo("COMPLETED");
            assertThat(new OrdersBrowser(second)
                            .complete(pendingPayment, "approve")
                            .location())
                    .endsWith("&orderId=" + pendingOrder + "&status=PAYMENT_COMPLETED");

            // the webhooks undelivered before the restart (payment, refund) arrive, then the new refund's
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.deliveries().size() >= 3);
            assertThat(receiver.deliveries())
                    .extracting(d ->
                            OrdersApi.JSON.readTree(d.body()).path("status").asString())
                    .contains("PAYMENT_COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED");
            assertThat(api.ledger(second.baseUrl())
                            .path("totals")
                            .path("752")
                            .path("net")
                            .asLong())
                    .isEqualTo(5000 + 700 + 3000 - 5000);
        }
    }
}

package io.s2spay.e2e;

import static io.s2spay.e2e.Payments.awaitStatus;
import static io.s2spay.e2e.Payments.create;
import static io.s2spay.e2e.Payments.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The configuration {@code ./s2spay up} and docker-compose.yml run with (profile {@code local}: every module's
 * {@code <module>-local.yml}) works as its comments say: merchant-demo's SEK MASTER payments are paid at the sandbox's
 * tokens API, its DKK payments at the orders API, the rest at OPP; back-office refunds at the account that paid;
 * the sandbox's webhooks of those accounts reach the poller. Only the connectors' base URLs and the poller's address
 * are this platform's; accounts, credentials and rules are the profile's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalProfileEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    EndToEndRun run;
    MerchantShop shop;
    FamilyLedger tokens;
    FamilyLedger orders;

    @BeforeAll
    void startThePlatformWithTheLocalProfile() {
        shop = MerchantShop.start();
        run = EndToEndRun.start(
                "local-profile",
                new EndToEndPlatform.Settings()
                        .localProfile()
                        .property("sandbox", "sandbox.tokens.webhooks.initial-backoff", "500ms")
                        .property("sandbox", "sandbox.orders.webhooks.initial-backoff", "500ms"));
        tokens = new FamilyLedger(run.platform.sandbox.baseUrl(), EndToEndPlatform.GatewayFamily.TOKENS);
        orders = new FamilyLedger(run.platform.sandbox.baseUrl(), EndToEndPlatform.GatewayFamily.ORDERS);
    }

    @AfterAll
    void stopThePlatform() {
        if (run != null) {
            run.close();
        }
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void eurVisaIsPaidAtOpp() {
        String order = order();

        JsonNode payment = create(run.demo, Payments.card("DB", "92.00", order, shop.returnUrl(order)), "succeeded");

        assertAccount(payment, "opp", "merchant-demo");
        assertThat(run.ledger.of(order).transactions()).isEqualTo(1);
        assertThat(tokens.of(order).charges()).isZero();
        assertThat(orders.of(order).charges()).isZero();
    }

    @Test
    void sekMasterIsPaidAtTheTokensApiRefundedThereAndItsWebhookReachesThePoller() {
        String order = order();

        JsonNode payment = create(run.demo, card("SEK", "250.00", order), "succeeded");

        assertAccount(payment, "tokens", "shop-se");
        assertThat(tokens.of(order).charges()).isEqualTo(1);
        assertThat(tokens.of(order).total("SEK", "paid")).isEqualTo(25000);
        assertThat(run.ledger.of(order).transactions()).as("OPP's ledger").isZero();
        String id = payment.path("id").asString();
        Payments.operate(run.demo, id, "refunds", "{\"amount\":\"50.00\",\"reference\":\"rf-1\"}");
        awaitStatus(run.demo, id, "partially_refunded");
        assertThat(tokens.of(order).total("SEK", "refunded")).isEqualTo(5000);
        assertDelivered(
                "sandbox/tokens/notifications?paymentId="
                        + payment.path("gatewayTransactionId").asString(),
                "/v1/notifications/tokens/shop-se");
    }

    @Test
    void dkkIsPaidAtTheOrdersApiRefundedThereAndItsWebhookReachesThePoller() {
        String order = order();

        JsonNode payment = create(run.demo, card("DKK", "75.00", order), "succeeded");

        assertAccount(payment, "orders", "shop-dk");
        assertThat(orders.of(order).charges()).isEqualTo(1);
        assertThat(orders.of(order).total("DKK", "paid")).isEqualTo(7500);
        assertThat(run.ledger.of(order).transactions()).as("OPP's ledger").isZero();
        String id = payment.path("id").asString();
        Payments.operate(run.demo, id, "refunds", "{\"amount\":\"75.00\",\"reference\":\"rf-1\"}");
        awaitStatus(run.demo, id, "refunded");
        assertThat(orders.of(order).total("DKK", "refunded")).isEqualTo(7500);
        assertDelivered(
                "sandbox/orders/notifications?orderId="
                        + payment.path("gatewayTransactionId").asString(),
                "/v1/notifications/orders/shop-dk");
    }

    private static String card(String currency, String amount, String order) {
        return GatewayFamilyEndToEndTest.master(
                        "DB", amount, order, GatewayFamilyEndToEndTest.APPROVED_MASTER, "https://shop.example/r", "")
                .replace("\"currency\":\"SEK\"", "\"currency\":\"" + currency + "\"");
    }

    private static void assertAccount(JsonNode payment, String gateway, String account) {
        assertThat(payment.path("gateway").path("gateway").asString())
                .as(payment.toString())
                .isEqualTo(gateway);
        assertThat(payment.path("gateway").path("account").asString())
                .as(payment.toString())
                .isEqualTo(account);
    }

    /** Every webhook the sandbox lists at {@code path} went to the poller's endpoint and was answered 2xx. */
    private void assertDelivered(String path, String pollerPath) {
        await("webhooks at " + path + " delivered")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode view = read(path);
                    JsonNode list = view.isArray() ? view : view.path("notifications");
                    assertThat(list.size()).as(view.toString()).isPositive();
                    for (JsonNode webhook : list) {
                        assertThat(webhook.path("url").asString())
                                .as(webhook.toString())
                                .endsWith(pollerPath);
                        assertThat(webhook.path("delivered").asBoolean())
                                .as(webhook.toString())
                                .isTrue();
                    }
                });
    }

    private JsonNode read(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(run.platform.sandbox.baseUrl() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}

package io.s2spay.sandbox;

import static io.s2spay.sandbox.OrdersApi.PAGE_TERMINAL;
import static io.s2spay.sandbox.OrdersApi.SELF_TERMINAL;
import static io.s2spay.sandbox.OrdersApi.SHOP;
import static io.s2spay.sandbox.OrdersApi.card;
import static io.s2spay.sandbox.OrdersApi.order;
import static io.s2spay.sandbox.OrdersApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.sandbox.OrdersBrowser.Page;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The orders API's customer pages as a browser goes through them: the 3-D Secure challenge (approve, fail, cancel,
 * abandoned) and the hosted payment page, each ending with a 302 to the order's returnUrl.
 */
class OrdersPagesIT {

    private static final Map<String, String> VISA =
            Map.of("number", "4200000000000000", "expiryMonth", "12", "expiryYear", "2034", "cvc", "123");

    private static GatewaySandbox sandbox;
    private static OrdersApi api;
    private static OrdersBrowser browser;

    @BeforeAll
    static void start() {
        sandbox = TestSandbox.shared();
        api = new OrdersApi(sandbox);
        browser = new OrdersBrowser(sandbox);
    }

    @Test
    void anApprovedChallengeCompletesTheOrderAndReturnsToTheShop() {
        String orderId = api.newOrder(SELF_TERMINAL, 2500, true);
        String paymentId = api.pay(card(orderId, "4711100000000000")).text("paymentId");

        Page challenge = browser.open("/orders-api/3ds/" + paymentId);
        assertThat(challenge.status()).isEqualTo(200);
        assertThat(challenge.body()).contains("471110******0000").contains("Approve");
        Page back = browser.submit(challenge, Map.of(), "approve");

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).isEqualTo(SHOP + "&orderId=" + orderId + "&status=PAYMENT_COMPLETED");
        assertThat(api.status(orderId).text("status")).isEqualTo("PAYMENT_COMPLETED");
        assertThat(api.tokens(orderId).json().path("tokens")).hasSize(1);
        // the page is finished: opening it again goes back to the shop
        assertThat(browser.open("/orders-api/3ds/" + paymentId).location()).isEqualTo(back.location());
    }

    @Test
    void aFailedChallengeFailsTheOrder() {
        String orderId = api.newOrder(SELF_TERMINAL, 2500, false);
        String paymentId = api.pay(card(orderId, "5212345678901234")).text("paymentId");

        Page back = browser.complete(paymentId, "fail");

        assertThat(back.location()).endsWith("&orderId=" + orderId + "&status=PAYMENT_FAILED");
        assertThat(api.status(orderId).text("failureCode")).isEqualTo("AUTHENTICATION_FAILED");
    }

    @Test
    void aCancelledChallengeCancelsTheOrder() {
        String orderId = api.newOrder(SELF_TERMINAL, 2500, true);
        String paymentId = api.pay(card(orderId, "4711100000000000")).text("paymentId");

        Page back = browser.complete(paymentId, "cancel");

        assertThat(back.location()).endsWith("&orderId=" + orderId + "&status=PAYMENT_CANCELLED");
        assertThat(api.status(orderId).text("failureCode")).isEqualTo("CANCELLED_BY_CUSTOMER");
        assertThat(api.tokens(orderId).json().path("tokens")).isEmpty();
    }

    @Test
    void anUnknownChallengeOrActionIsRefused() {
        assertThat(browser.open("/orders-api/3ds/pay_unknown").status()).isEqualTo(404);
        String orderId = api.newOrder(SELF_TERMINAL, 2500, false);
        String paymentId = api.pay(card(orderId, "4711100000000000")).text("paymentId");
        Page challenge = browser.open("/orders-api/3ds/" + paymentId);
        assertThat(browser.submit(challenge, Map.of(), "maybe").status()).isEqualTo(400);
        assertThat(api.status(orderId).text("status")).isEqualTo("PAYMENT_PENDING");
    }

    @Test
    void anAbandonedChallengeExpiresIntoACancelledOrder() {
        try (GatewaySandbox impatient = GatewaySandbox.start(
                Map.of("sandbox.orders.session-timeout", "1s", "sandbox.orders.sweep-interval", "100ms"))) {
            OrdersApi client = new OrdersApi(impatient);
            String orderId = client.newOrder(SELF_TERMINAL, 2500, false);
            client.pay(card(orderId, "4711100000000000"));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.status(orderId).text("status").equals("PAYMENT_CANCELLED"));
            assertThat(client.status(orderId).text("failureCode")).isEqualTo("SESSION_EXPIRED");
        }
    }

    @Test
    void theHostedPaymentPageChargesTheCardAndReturnsToTheShop() {
        String orderId = api.createOrder(order(PAGE_TERMINAL, 3900, "752", true, unique()))
                .text("orderId");

        Page form = browser.open("/orders-api/pay/" + orderId);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"number\"").contains("3900");
        Page back = browser.submit(form, VISA, "pay");

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).endsWith("&orderId=" + orderId + "&status=PAYMENT_COMPLETED");
        assertThat(api.status(orderId).text("paymentMethod")).isEqualTo("CARD");
        assertThat(api.tokens(orderId).json().path("tokens")).hasSize(1);
        assertThat(browser.open("/orders-api/pay/" + orderId).location()).isEqualTo(back.location());
    }

    @Test
    void theHostedPaymentPageChallengesAThreeDSecureCard() {
        String orderId = api.createOrder(order(PAGE_TERMINAL, 3900, "752", false, unique()))
                .text("orderId");

        Page toChallenge = browser.submit(
                browser.open("/orders-api/pay/" + orderId),
                Map.of("number", "4711100000000000", "expiryMonth", "12", "expiryYear", "2034", "cvc", "123"),
                "pay");
        assertThat(toChallenge.status()).isEqualTo(302);
        assertThat(toChallenge.location()).startsWith("/orders-api/3ds/pay_");
        Page back = browser.submit(browser.open(toChallenge.location()), Map.of(), "approve");

        assertThat(back.location()).endsWith("&status=PAYMENT_COMPLETED");
    }

    @Test
    void theHostedPaymentPageShowsBadCardDataAndCanBeCancelled() {
        String orderId = api.createOrder(order(PAGE_TERMINAL, 3900, "752", false, unique()))
                .text("orderId");
        Page form = browser.open("/orders-api/pay/" + orderId);

        Page refused = browser.submit(form, Map.of("number", "4200000000000001", "expiryMonth", "12"), "pay");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"error\"").contains("Luhn");
        assertThat(api.status(orderId).text("status")).isEqualTo("CREATED");

        Page declined = browser.submit(
                refused,
                Map.of("number", "4000000000009995", "expiryMonth", "12", "expiryYear", "2034", "cvc", "123"),
                "pay");
        assertThat(declined.location()).endsWith("&status=PAYMENT_FAILED");

        String other = api.createOrder(order(PAGE_TERMINAL, 3900, "752", false, unique()))
                .text("orderId");
        Page cancelled = browser.submit(browser.open("/orders-api/pay/" + other), Map.of(), "cancel");
        assertThat(cancelled.location()).endsWith("&orderId=" + other + "&status=PAYMENT_CANCELLED");
        assertThat(browser.open("/orders-api/pay/no-such-order").status()).isEqualTo(404);
    }
}

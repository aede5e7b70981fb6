package io.s2spay.e2e;

import static io.s2spay.e2e.Payments.awaitPayment;
import static io.s2spay.e2e.Payments.awaitStatus;
import static io.s2spay.e2e.Payments.card;
import static io.s2spay.e2e.Payments.operate;
import static io.s2spay.e2e.Payments.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Payments the shopper completes in a browser, end to end over HTTP: the 3-D Secure challenge (approved, failed,
 * cancelled, abandoned until it expires) and a non-instant bank transfer (approved on the bank's page, then its
 * receipt from the merchant or from the bank). Each ends where a real shopper ends — at the merchant's return
 * page, through s2spay's own return URL (303), with s2spay's payment id and the outcome — and is checked against the
 * API and the sandbox's ledger.
 */
class ShopperReturnEndToEndIT {

    /** How long the sandbox keeps an unanswered page open here (OPP: about half an hour). */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(4);

    static EndToEndRun run;
    static MerchantShop shop;
    static MerchantApi demo;

    @BeforeAll
    static void startThePlatform() {
        shop = MerchantShop.start();
        run = EndToEndRun.start(
                "shopper-return",
                new EndToEndPlatform.Settings()
                        .sandboxSessionTimeout(SESSION_TIMEOUT)
                        // the poller looks late enough that the shopper's return is what settles the completed pages
                        .pollerRedirect(Duration.ofSeconds(8), Duration.ofSeconds(4), Duration.ofSeconds(20))
                        .gatewayNotificationsToPoller());
        demo = run.demo;
    }

    @AfterAll
    static void stopThePlatform() {
        if (run != null) {
            run.close();
        }
        if (shop != null) {
            shop.close();
        }
    }

    @ParameterizedTest(name = "3-D Secure {0} → {1}, shop told {2}")
    @CsvSource({"approve, succeeded, succeeded", "fail, declined|failed, failed", "cancel, declined|failed, failed"})
    void challengeAnsweredInTheBrowserEndsAtTheShopWithTheOutcome(
            String action, String paymentStatus, String shopStatus) {
        String order = order();
        JsonNode payment =
                requiresAction(card("DB", "92.00", order, Payments.THREE_DS_VISA, shop.returnUrl(order), ""));
        String id = payment.path("id").asString();
        JsonNode redirect = payment.path("redirect");
        assertThat(redirect.path("url").asString())
                .startsWith(run.platform.sandbox.baseUrl() + "connectors/threeds/challenge");
        assertThat(redirect.path("method").asString()).isEqualTo("POST");
        assertThat(run.ledger.of(order).count("DB"))
                .as("nothing charged before the challenge")
                .isZero();

        ShopperBrowser.Page challenge = run.browser.open(redirect);
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(200);
        List<ShopperBrowser.Page> pages = run.browser.follow(run.browser.press(challenge, "challenge", action));

        Map<String, String> told = assertEndedAtTheShopThroughS2spay(pages, order, id);
        assertThat(told.get("status")).isEqualTo(shopStatus);
        JsonNode settled = awaitStatus(demo, id, paymentStatus);
        assertThat(settled.has("redirect") && !settled.path("redirect").isNull())
                .as("redirect only while requires_action: " + settled)
                .isFalse();
        assertThat(told.values())
                .doesNotContain(settled.path("gatewayTransactionId").asString());
        assertThat(run.ledger.of(order).count("DB")).isEqualTo(action.equals("approve") ? 1 : 0);
        if (action.equals("approve")) {
            assertThat(run.ledger.of(order).total("EUR", "debited")).isEqualTo(9200);
            assertThat(settled.path("result").path("code").asString()).isEqualTo("000.100.110");
        }

        // the same page again: the session is over, nothing is charged a second time
        ShopperBrowser.Page again = run.browser.open(redirect);
        assertThat(again.status()).isEqualTo(410);
        assertThat(run.ledger.of(order).count("DB")).isEqualTo(action.equals("approve") ? 1 : 0);
    }

    @Test
    void abandonedChallengeExpiresAndTheShopperComingBackLaterIsToldItFailed() {
        String order = order();
        JsonNode payment =
                requiresAction(card("PA", "92.00", order, Payments.THREE_DS_VISA, shop.returnUrl(order), ""));
        String id = payment.path("id").asString();
        ShopperBrowser.Page challenge = run.browser.open(payment.path("redirect"));
        assertThat(challenge.status()).isEqualTo(200);

        // the shopper walks away: the sandbox times the page out, the platform finds out by itself
        // expired when s2spay gives up first or maps the gateway's time-out code to it; declined is the gateway's own
        // refusal (100.380.501) seen first: both final, nothing charged
        JsonNode expired = awaitStatus(demo, id, "expired|declined");
        assertThat(shop.arrivals(order)).as("the shopper never came back").isEmpty();
        assertThat(run.ledger.of(order).count("PA")).isZero();

        ShopperBrowser.Page timedOut = run.browser.open(payment.path("redirect"));
        assertThat(timedOut.status()).isEqualTo(410);
        List<ShopperBrowser.Page> pages = run.browser.follow(run.browser.click(timedOut, "return"));

        Map<String, String> told = pages.size() == 2
                ? assertEndedAtTheShop(pages, order, id)
                : assertEndedAtTheShopThroughS2spay(pages, order, id);
        assertThat(told.get("status")).isEqualTo("failed");
        assertThat(demo.payment(id).path("status").asString())
                .isEqualTo(expired.path("status").asString());
        MerchantApi.Answer capture = demo.post("/v1/payments/" + id + "/captures", "{\"amount\":\"10.00\"}");
        assertThat(capture.status()).as(capture.body()).isEqualTo(409);
        assertThat(capture.problemCode()).isEqualTo("payment_not_completed");
        assertThat(run.ledger.of(order).count("CP")).isZero();
    }

    @Test
    void returnUrlForgedForTheWrongPaymentIsRefusedAndNothingIsSettled() throws Exception {
        String order = order();
        JsonNode payment =
                requiresAction(card("DB", "92.00", order, Payments.THREE_DS_VISA, shop.returnUrl(order), ""));
        List<ShopperBrowser.Page> pages = run.browser.follow(
                run.browser.press(run.browser.open(payment.path("redirect")), "challenge", "approve"));
        URI genuine = pages.get(1).uri();
        assertEndedAtTheShopThroughS2spay(pages, order, payment.path("id").asString());

        // s2spay's own part of the URL is what the gateway appended its query to; change its last character
        String own = genuine.toString();
        int gatewayQuery = own.lastIndexOf("id=");
        String prefix = own.substring(0, Math.max(0, gatewayQuery - 1));
        char last = prefix.charAt(prefix.length() - 1);
        String forged =
                prefix.substring(0, prefix.length() - 1) + (last == 'A' ? 'B' : 'A') + own.substring(prefix.length());
        int before = shop.arrivals(order).size();

        ShopperBrowser.Page answer = run.browser.get(URI.create(forged));

        assertThat(answer.status()).as(forged + " → " + answer.body()).isBetween(400, 499);
        assertThat(shop.arrivals(order)).hasSize(before);
        assertThat(run.ledger.of(order).count("DB")).isEqualTo(1);
    }

    @Test
    void bankTransferApprovedAwaitsItsReceiptThenTheMerchantConfirmsIt() {
        String order = order();
        String id = approveSofortTransfer(order);

        JsonNode receipt = operate(demo, id, "receipts", "{\"reference\":\"bank-statement-7\"}");

        assertThat(receipt.path("type").asString()).isEqualTo("receipt");
        assertThat(receipt.path("amount").asString()).isEqualTo("92.00");
        assertThat(receipt.path("origin").asString()).isEqualTo("api");
        JsonNode settled = awaitStatus(demo, id, "succeeded");
        Payments.assertAmount(settled, "captured", "92.00");
        Payments.assertAmount(settled, "net", "92.00");
        assertThat(Payments.succeededOperations(settled)).containsExactly("receipt:92.00");
        assertThat(run.ledger.of(order).count("RC")).isEqualTo(1);
        assertThat(run.ledger.of(order).total("EUR", "received")).isEqualTo(9200);

        MerchantApi.Answer second = demo.post("/v1/payments/" + id + "/receipts", "{}");
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.problemCode()).isEqualTo("no_pending_receipt");
        assertThat(run.ledger.of(order).count("RC")).as("one receipt only").isEqualTo(1);
    }

    @Test
    void bankTransferApprovedAwaitsItsReceiptThenTheBankSendsIt() throws Exception {
        String order = order();
        String id = approveSofortTransfer(order);
        String gatewayId = demo.payment(id).path("gatewayTransactionId").asString();
        assertThat(gatewayId).matches("[0-9a-f]{32}");

        HttpResponse<String> bank = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(run.platform.sandbox.baseUrl() + "sandbox/operator/payments/"
                                        + gatewayId + "/receipt"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(bank.statusCode()).as(bank.body()).isEqualTo(200);

        // the transfer's own outcome (from the status poller) and the bank's receipt (from back-office) are two
        // events that reach the read model in either order: the payment is settled once both are in
        JsonNode settled = awaitPayment(
                demo,
                id,
                "succeeded",
                payment -> assertThat(payment.path("operations")
                                .valueStream()
                                .filter(operation ->
                                        operation.path("type").asString().equals("receipt"))
                                .toList())
                        .as(payment.toString())
                        .singleElement()
                        .satisfies(operation -> {
                            assertThat(operation.path("status").asString()).isEqualTo("succeeded");
                            assertThat(operation.path("origin").asString()).isEqualTo("gateway");
                            assertThat(operation.path("amount").asString()).isEqualTo("92.00");
                        }));
        Payments.assertAmount(settled, "captured", "92.00");
        Payments.assertAmount(settled, "net", "92.00");
        assertThat(run.ledger.of(order).count("RC")).isEqualTo(1);
        assertThat(run.ledger.of(order).total("EUR", "received")).isEqualTo(9200);
    }

    // --- helpers

    /** A SOFORTUEBERWEISUNG debit the shopper approved on the bank's page: awaiting its receipt, nothing received yet. */
    static String approveSofortTransfer(String order) {
        JsonNode payment =
                requiresAction(Payments.bank("DB", "92.00", order, "SOFORTUEBERWEISUNG", shop.returnUrl(order)));
        String id = payment.path("id").asString();
        JsonNode redirect = payment.path("redirect");
        assertThat(redirect.path("url").asString()).startsWith(run.platform.sandbox.baseUrl() + "connectors/bank/");
        assertThat(redirect.path("method").asString()).isEqualTo("GET");

        ShopperBrowser.Page bankPage = run.browser.open(redirect);
        assertThat(bankPage.status()).as(bankPage.body()).isEqualTo(200);
        List<ShopperBrowser.Page> pages = run.browser.follow(run.browser.press(bankPage, "transfer", "approve"));

        Map<String, String> told = assertEndedAtTheShopThroughS2spay(pages, order, id);
        assertThat(told.get("status")).as("the money is not there yet").isEqualTo("pending");
        JsonNode awaiting = awaitStatus(demo, id, "awaiting_receipt");
        Payments.assertAmount(awaiting, "captured", "0.00");
        assertThat(run.ledger.of(order).count("RC")).isZero();
        assertThat(run.ledger.of(order).total("EUR", "received")).isZero();
        return id;
    }

    static JsonNode requiresAction(String body) {
        MerchantApi.Answer answer = demo.post("/v1/payments", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode payment = answer.json();
        assertThat(payment.path("status").asString()).as(answer.body()).isEqualTo("requires_action");
        assertThat(payment.path("redirect").path("url").asString()).isNotBlank();
        return payment;
    }

    /**
     * The browser went gateway page → (302) s2spay's return URL → (303) the merchant's shopperResultUrl, and the
     * shop was told s2spay's payment id (never the gateway's) and a status; returns what the shop was told.
     */
    static Map<String, String> assertEndedAtTheShopThroughS2spay(
            List<ShopperBrowser.Page> pages, String order, String paymentId) {
        assertThat(pages).as("gateway, s2spay, shop: " + pages).hasSize(3);
        assertThat(pages.get(0).status()).as(pages.get(0).body()).isEqualTo(302);
        return assertEndedAtTheShop(pages.subList(1, 3), order, paymentId);
    }

    /**
     * The browser went s2spay's return URL → (303) the merchant's shopperResultUrl (a link on the gateway's page, not
     * a redirect), and the shop was told s2spay's payment id and a status; returns what the shop was told.
     */
    static Map<String, String> assertEndedAtTheShop(List<ShopperBrowser.Page> pages, String order, String paymentId) {
        assertThat(pages).as("s2spay, shop: " + pages).hasSize(2);
        ShopperBrowser.Page s2spay = pages.get(0);
        ShopperBrowser.Page atShop = pages.get(1);
        assertThat(s2spay.uri().toString())
                .as("the gateway sends the shopper to s2spay, not to the merchant")
                .startsWith(run.platform.checkoutPublicBaseUrl.toString());
        assertThat(s2spay.status()).as(s2spay.body()).isEqualTo(303);
        assertThat(s2spay.location().toString()).startsWith(shop.returnUrl(order) + "?");
        assertThat(shop.isShop(atShop.uri())).isTrue();
        assertThat(atShop.status()).isEqualTo(200);

        Map<String, String> told = MerchantShop.query(atShop.uri().getRawQuery());
        assertThat(told).containsEntry("id", paymentId).containsKey("status");
        assertThat(told.get("status")).isIn("succeeded", "failed", "pending");
        assertThat(told).doesNotContainKey("resourcePath");
        assertThat(shop.arrivals(order))
                .last()
                .satisfies(arrival -> assertThat(arrival.query()).isEqualTo(told));
        return told;
    }
}

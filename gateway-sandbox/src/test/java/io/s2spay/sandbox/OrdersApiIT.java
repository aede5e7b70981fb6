package io.s2spay.sandbox;

import static io.s2spay.sandbox.OrdersApi.MIT_TERMINAL;
import static io.s2spay.sandbox.OrdersApi.PAGE_TERMINAL;
import static io.s2spay.sandbox.OrdersApi.SELF_TERMINAL;
import static io.s2spay.sandbox.OrdersApi.card;
import static io.s2spay.sandbox.OrdersApi.ctoken;
import static io.s2spay.sandbox.OrdersApi.order;
import static io.s2spay.sandbox.OrdersApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.sandbox.OrdersApi.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The orders API (seed 003) over HTTP: every endpoint, its refusals and its authentication. */
class OrdersApiIT {

    private static GatewaySandbox sandbox;
    private static OrdersApi api;

    @BeforeAll
    static void start() {
        sandbox = TestSandbox.shared();
        api = new OrdersApi(sandbox);
    }

    @Test
    void createsAnOrderAndFindsItByItsMerchantReference() {
        String reference = unique();
        Reply created = api.createOrder(order(SELF_TERMINAL, 29900, "752", true, reference));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("CREATED");
        assertThat(created.text("terminal$id")).isEqualTo(SELF_TERMINAL);
        assertThat(created.json().path("totalAmount").asLong()).isEqualTo(29900);
        assertThat(created.text("currency")).isEqualTo("752");
        assertThat(created.text("merchantReference")).isEqualTo(reference);
        assertThat(created.json().has("paymentPageUrl")).isFalse();

        Reply found = api.findByReference(reference);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("orders")).hasSize(1);
        assertThat(found.json().path("orders").get(0).path("orderId").asString())
                .isEqualTo(created.text("orderId"));
        assertThat(api.findByReference(unique()).json().path("orders")).isEmpty();

        Reply status = api.status(created.text("orderId"));
        assertThat(status.text("status")).isEqualTo("CREATED");
        assertThat(status.json().path("amount").asLong()).isEqualTo(29900);
        assertThat(status.json().path("refunds")).isEmpty();
    }

    @Test
    void aDuplicateMerchantReferenceCreatesNothingAndNamesTheExistingOrder() {
        String reference = unique();
        String first = api.createOrder(order(SELF_TERMINAL, 1000, "978", false, reference))
                .text("orderId");

        Reply duplicate = api.createOrder(order(SELF_TERMINAL, 2000, "978", false, reference));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("DUPLICATE_MERCHANT_REFERENCE");
        assertThat(duplicate.text("orderId")).isEqualTo(first);
        assertThat(api.status(first).json().path("amount").asLong()).isEqualTo(1000);
    }

    @Test
    void onlyAPaymentPageOrderHasAPaymentPageUrl() {
        Reply created = api.createOrder(order(PAGE_TERMINAL, 500, "752", false, unique()));

        assertThat(created.text("paymentPageUrl"))
                .isEqualTo(sandbox.baseUrl() + "orders-api/pay/" + created.text("orderId"));
        assertThat(api.pay(card(created.text("orderId"), "4200000000000000")).errorCode())
                .isEqualTo("PAYMENT_METHOD_NOT_ALLOWED");
    }

    @Test
    void chargesACardOnceAndRefusesASecondPayment() {
        String reference = unique();
        String orderId = api.createOrder(order(SELF_TERMINAL, 4500, "752", false, reference))
                .text("orderId");

        Reply paid = api.pay(card(orderId, "4200000000000000"));

        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.text("status")).isEqualTo("COMPLETED");
        assertThat(paid.text("paymentId")).startsWith("pay_");
        assertThat(paid.json().path("card").path("maskedPan").asString()).isEqualTo("420000******0000");
        assertThat(paid.json().path("card").path("brand").asString()).isEqualTo("VISA");
        Reply status = api.status(orderId);
        assertThat(status.text("status")).isEqualTo("PAYMENT_COMPLETED");
        assertThat(status.text("paymentId")).isEqualTo(paid.text("paymentId"));
        assertThat(status.body()).doesNotContain("4200000000000000");

        Reply again = api.pay(card(orderId, "4200000000000000"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("ORDER_ALREADY_PAID");
        JsonNode ledger = ledger(reference);
        assertThat(ledger.path("counts").path("payments").asInt()).isEqualTo(1);
        assertThat(ledger.path("totals").path("752").path("paid").asLong()).isEqualTo(4500);
    }

    @Test
    void declinesTheTestCardsWithTheirFailureCodes() {
        assertDeclined("4000000000009995", "INSUFFICIENT_FUNDS");
        assertDeclined("5200000000000007", "DECLINED_BY_ISSUER");
        assertDeclined("4000000000009979", "STOLEN_CARD");
        assertDeclined("4000000000000408", "ACQUIRER_UNAVAILABLE");
    }

    private static void assertDeclined(String number, String code) {
        String orderId = api.newOrder(SELF_TERMINAL, 1200, false);
        Reply paid = api.pay(card(orderId, number));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.text("status")).isEqualTo("FAILED");
        assertThat(paid.text("failureCode")).isEqualTo(code);
        assertThat(paid.text("failureMessage")).isNotBlank();
        Reply status = api.status(orderId);
        assertThat(status.text("status")).isEqualTo("PAYMENT_FAILED");
        assertThat(status.text("failureCode")).isEqualTo(code);
        assertThat(api.pay(card(orderId, "4200000000000000")).status()).isEqualTo(409);
    }

    @Test
    void aScriptedAmountDeclinesAnyCard() {
        String orderId = api.newOrder(SELF_TERMINAL, 99955, false);

        assertThat(api.pay(card(orderId, "4200000000000000")).text("failureCode"))
                .isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void answersAThreeDSecureCardWithAChallengeToRedirectTo() {
        String orderId = api.newOrder(SELF_TERMINAL, 7000, false);

        Reply paid = api.pay(card(orderId, "4711100000000000"));

        assertThat(paid.text("status")).isEqualTo("PENDING_3DS");
        assertThat(paid.text("redirectUrl")).isEqualTo(sandbox.baseUrl() + "orders-api/3ds/" + paid.text("paymentId"));
        assertThat(api.status(orderId).text("status")).isEqualTo("PAYMENT_PENDING");
        assertThat(api.pay(card(orderId, "4200000000000000")).status()).isEqualTo(409);
        assertThat(api.status(orderId).text("redirectUrl")).isEqualTo(paid.text("redirectUrl"));
    }

    @Test
    void storesATokenAndChargesItThreeTimesMerchantInitiated() {
        String first = api.newOrder(SELF_TERMINAL, 29900, true);
        assertThat(api.tokens(first).json().path("tokens")).isEmpty();
        assertThat(api.pay(card(first, "5454545454545454")).text("status")).isEqualTo("COMPLETED");

        JsonNode tokens = api.tokens(first).json().path("tokens");
        assertThat(tokens).hasSize(1);
        String tokenId = tokens.get(0).path("tokenId").asString();
        assertThat(tokenId).startsWith("ctok_");
        assertThat(tokens.get(0).path("card").path("last4").asString()).isEqualTo("5454");
        assertThat(tokens.get(0).path("card").path("brand").asString()).isEqualTo("MASTER");
        assertThat(tokens.get(0).path("card").path("expiryYear").asInt()).isEqualTo(2034);

        for (int i = 0; i < 3; i++) {
            String mit = api.newOrder(MIT_TERMINAL, 29900, false);
            Reply charged = api.pay(ctoken(mit, tokenId));
            assertThat(charged.text("status")).isEqualTo("COMPLETED");
            assertThat(charged.text("paymentMethod")).isEqualTo("CTOKEN");
            assertThat(api.status(mit).text("status")).isEqualTo("PAYMENT_COMPLETED");
        }
    }

    @Test
    void neverChallengesAMerchantInitiatedPaymentOnA3dsCard() {
        String first = api.newOrder(SELF_TERMINAL, 1000, true);
        String paymentId = api.pay(card(first, "4711100000000000")).text("paymentId");
        new OrdersBrowser(sandbox).complete(paymentId, "approve");
        String tokenId =
                api.tokens(first).json().path("tokens").get(0).path("tokenId").asString();

        String mit = api.newOrder(MIT_TERMINAL, 1000, false);
        assertThat(api.pay(ctoken(mit, tokenId)).text("status")).isEqualTo("COMPLETED");
    }

    @Test
    void refusesTheWrongPaymentMethodForTheTerminalAndUnusableTokens() {
        String tokenId = storedToken();
        String selfOrder = api.newOrder(SELF_TERMINAL, 1000, false);
        Reply tokenOnSelf = api.pay(ctoken(selfOrder, tokenId));
        assertThat(tokenOnSelf.status()).isEqualTo(400);
        assertThat(tokenOnSelf.errorCode()).isEqualTo("PAYMENT_METHOD_NOT_ALLOWED");

        String mitOrder = api.newOrder(MIT_TERMINAL, 1000, false);
        Reply cardOnMit = api.pay(card(mitOrder, "4200000000000000"));
        assertThat(cardOnMit.status()).isEqualTo(400);
        assertThat(cardOnMit.errorCode()).isEqualTo("PAYMENT_METHOD_NOT_ALLOWED");

        Reply unknown = api.pay(ctoken(mitOrder, "ctok_unknown"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("UNKNOWN_TOKEN");
        assertThat(unknown.errorField()).isEqualTo("tokenId");

        OrdersApi other = api.as("merchant-b", "orders-test-key-merchant-b", "orders-test-secret-merchant-b-41d2e8");
        String otherOrder = other.newOrder("TERM-B-MIT", 1000, false);
        assertThat(other.pay(ctoken(otherOrder, tokenId)).errorCode()).isEqualTo("UNKNOWN_TOKEN");
        assertThat(other.status(mitOrder).status()).isEqualTo(404);

        assertThat(api.deleteToken(tokenId).status()).isEqualTo(204);
        Reply twice = api.deleteToken(tokenId);
        assertThat(twice.status()).isEqualTo(404);
        assertThat(twice.errorCode()).isEqualTo("TOKEN_ALREADY_DELETED");
        assertThat(other.deleteToken(tokenId).errorCode()).isEqualTo("TOKEN_NOT_FOUND");
        Reply deleted = api.pay(ctoken(mitOrder, tokenId));
        assertThat(deleted.status()).isEqualTo(400);
        assertThat(deleted.errorCode()).isEqualTo("TOKEN_DELETED");
        assertThat(api.status(mitOrder).text("status")).isEqualTo("CREATED");
    }

    @Test
    void refundsPartiallyUpToThePaidAmountOnce() {
        String reference = unique();
        String orderId = api.createOrder(order(SELF_TERMINAL, 10000, "978", false, reference))
                .text("orderId");
        Reply unpaid = api.refund(orderId, 100, "rf-0");
        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.errorCode()).isEqualTo("ORDER_NOT_REFUNDABLE");
        api.pay(card(orderId, "4200000000000000"));

        Reply first = api.refund(orderId, 3000, "rf-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("COMPLETED");
        assertThat(first.text("refundId")).startsWith("rf_");
        assertThat(api.status(orderId).text("status")).isEqualTo("PARTIALLY_REFUNDED");

        Reply duplicate = api.refund(orderId, 3000, "rf-1");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("DUPLICATE_MERCHANT_REFERENCE");
        assertThat(duplicate.text("refundId")).isEqualTo(first.text("refundId"));

        Reply over = api.refund(orderId, 7001, "rf-2");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.errorCode()).isEqualTo("REFUND_EXCEEDS_AVAILABLE");
        assertThat(api.refund(orderId, 7000, "rf-3").status()).isEqualTo(201);

        Reply status = api.status(orderId);
        assertThat(status.text("status")).isEqualTo("REFUNDED");
        assertThat(status.json().path("refundedAmount").asLong()).isEqualTo(10000);
        assertThat(status.json().path("refunds")).hasSize(2);
        assertThat(api.refund(orderId, 1, "rf-4").errorCode()).isEqualTo("REFUND_EXCEEDS_AVAILABLE");

        JsonNode found = api.get("merchants/merchant-a/refunds?merchantReference=rf-1")
                .json()
                .path("refunds");
        assertThat(found).anySatisfy(r -> {
            assertThat(r.path("refundId").asString()).isEqualTo(first.text("refundId"));
            assertThat(r.path("orderId").asString()).isEqualTo(orderId);
            assertThat(r.path("currency").asString()).isEqualTo("978");
        });
        assertThat(api.get("merchants/merchant-a/refunds?merchantReference=" + unique())
                        .json()
                        .path("refunds"))
                .isEmpty();

        JsonNode ledger = ledger(reference);
        assertThat(ledger.path("counts").path("refunds").asInt()).isEqualTo(2);
        assertThat(ledger.path("totals").path("978").path("paid").asLong()).isEqualTo(10000);
        assertThat(ledger.path("totals").path("978").path("refunded").asLong()).isEqualTo(10000);
        assertThat(ledger.path("totals").path("978").path("net").asLong()).isZero();
    }

    @Test
    void cancelsOnlyAnUnpaidOrder() {
        String orderId = api.newOrder(SELF_TERMINAL, 1000, false);
        Reply cancelled = api.cancel(orderId);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("PAYMENT_CANCELLED");
        assertThat(cancelled.text("failureCode")).isEqualTo("CANCELLED_BY_MERCHANT");
        assertThat(api.pay(card(orderId, "4200000000000000")).status()).isEqualTo(409);

        String paid = api.newOrder(SELF_TERMINAL, 1000, false);
        api.pay(card(paid, "4200000000000000"));
        Reply refused = api.cancel(paid);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("ORDER_NOT_CANCELLABLE");
    }

    @Test
    void refusesBadOrdersWithTheFieldAtFault() {
        assertRefused(api.post("merchants/merchant-a/orders", "not json"), 400, "INVALID_JSON", null);
        assertRefused(api.post("merchants/merchant-a/orders", ""), 400, "INVALID_JSON", null);
        assertRefused(api.createOrder("{\"orderLines\":[]}"), 400, "INVALID_REQUEST", "terminal$id");
        assertRefused(
                api.createOrder("{\"terminal$id\":\"TERM-A-SELF\",\"orderLines\":[]}"),
                400,
                "INVALID_REQUEST",
                "orderLines");
        assertRefused(
                api.createOrder(order("TERM-B-SELF", 100, "752", false, unique())),
                400,
                "UNKNOWN_TERMINAL",
                "terminal$id");
        assertRefused(
                api.createOrder(order(SELF_TERMINAL, 100, "SEK", false, unique())),
                400,
                "INVALID_CURRENCY",
                "orderLines[0].amount.currency");
        assertRefused(
                api.createOrder(order(SELF_TERMINAL, 100, "999", false, unique())),
                400,
                "INVALID_CURRENCY",
                "orderLines[0].amount.currency");
        assertRefused(
                api.createOrder(order(SELF_TERMINAL, 0, "752", false, unique())), 400, "INVALID_AMOUNT", "orderLines");
        assertRefused(api.createOrder("""
                        {"terminal$id":"TERM-A-SELF","orderLines":[
                        {"id":"1","name":"a","quantity":1,"amount":{"total":100,"currency":"752"}},
                        {"id":"2","name":"b","quantity":1,"amount":{"total":100,"currency":"978"}}]}"""), 400, "MIXED_CURRENCIES", "orderLines[1].amount.currency");
        assertRefused(api.createOrder("""
                        {"terminal$id":"TERM-A-SELF","orderLines":[
                        {"id":"1","name":"a","quantity":1,"amount":{"total":"100","currency":"752"}}]}"""), 400, "INVALID_REQUEST", "orderLines[0].amount.total");
        assertRefused(api.createOrder("""
                        {"terminal$id":"TERM-A-SELF","orderLines":[
                        {"id":"1","name":"a","quantity":1,"amount":{"total":100,"currency":"752"}}],
                        "controlFunctions":{"initiatePaymentsOptions":{"paymentMethod":"CARD","amount":99}}}"""), 400, "AMOUNT_MISMATCH", "controlFunctions.initiatePaymentsOptions.amount");
        assertRefused(
                api.createOrder("""
                        {"terminal$id":"TERM-A-MIT","orderLines":[
                        {"id":"1","name":"a","quantity":1,"amount":{"total":100,"currency":"752"}}],
                        "controlFunctions":{"initiatePaymentsOptions":{"paymentMethod":"CARD"}}}"""),
                400,
                "PAYMENT_METHOD_NOT_ALLOWED",
                "controlFunctions.initiatePaymentsOptions.paymentMethod");
        assertRefused(api.createOrder("""
                        {"terminal$id":"TERM-A-SELF","returnUrl":"not a url","orderLines":[
                        {"id":"1","name":"a","quantity":1,"amount":{"total":100,"currency":"752"}}]}"""), 400, "INVALID_REQUEST", "returnUrl");
    }

    @Test
    void refusesBadPaymentsWithTheFieldAtFault() {
        String orderId = api.newOrder(SELF_TERMINAL, 1000, false);
        assertRefused(api.pay("[]"), 400, "INVALID_JSON", null);
        assertRefused(api.pay("{\"paymentMethod\":\"CARD\"}"), 400, "INVALID_REQUEST", "orderId");
        assertRefused(
                api.pay("{\"orderId\":\"" + orderId + "\",\"paymentMethod\":\"IDEAL\"}"),
                400,
                "UNSUPPORTED_PAYMENT_METHOD",
                "paymentMethod");
        assertRefused(
                api.pay("{\"orderId\":\"" + orderId + "\",\"paymentMethod\":\"CARD\"}"),
                400,
                "INVALID_REQUEST",
                "card");
        assertRefused(api.pay(ctoken("no-such-order", "ctok_x")), 404, "ORDER_NOT_FOUND", null);
        assertRefused(api.pay(card(orderId, "4200000000000001")), 400, "INVALID_CARD_NUMBER", "card.number");
        assertRefused(api.pay(card(orderId, "42000000")), 400, "INVALID_CARD_NUMBER", "card.number");
        assertRefused(api.pay(card(orderId, "9000000000000001")), 400, "UNSUPPORTED_CARD_BRAND", "card.number");
        assertRefused(
                api.pay(card(orderId, "4200000000000000").replace("\"expiryMonth\":12", "\"expiryMonth\":13")),
                400,
                "INVALID_EXPIRY_DATE",
                "card.expiryMonth");
        assertRefused(
                api.pay(card(orderId, "4200000000000000").replace("2034", "2020")),
                400,
                "CARD_EXPIRED",
                "card.expiryYear");
        assertRefused(
                api.pay(card(orderId, "4200000000000000").replace("\"123\"", "\"12\"")),
                400,
                "INVALID_CVC",
                "card.cvc");
        assertRefused(api.pay(card(orderId, "377777777777770")), 400, "INVALID_CVC", "card.cvc");
        assertRefused(
                api.pay("{\"orderId\":\"" + orderId + "\",\"paymentMethod\":\"CTOKEN\"}"),
                400,
                "INVALID_REQUEST",
                "tokenId");
        assertThat(api.status(orderId).text("status")).isEqualTo("CREATED");
    }

    @Test
    void refusesBadRefundsLookUpsAndUnknownIds() {
        String orderId = api.newOrder(SELF_TERMINAL, 1000, false);
        String path = "merchants/merchant-a/orders/" + orderId + "/refunds";
        assertRefused(api.post(path, "{\"merchantReference\":\"r\"}"), 400, "INVALID_REQUEST", "amount");
        assertRefused(api.post(path, "{\"amount\":0,\"merchantReference\":\"r\"}"), 400, "INVALID_AMOUNT", "amount");
        assertRefused(api.post(path, "{\"amount\":10}"), 400, "INVALID_REQUEST", "merchantReference");
        assertRefused(api.refund("no-such-order", 10, "r"), 404, "ORDER_NOT_FOUND", null);
        assertRefused(api.status("no-such-order"), 404, "ORDER_NOT_FOUND", null);
        assertRefused(api.tokens("no-such-order"), 404, "ORDER_NOT_FOUND", null);
        assertRefused(api.cancel("no-such-order"), 404, "ORDER_NOT_FOUND", null);
        assertRefused(api.deleteToken("ctok_unknown"), 404, "TOKEN_NOT_FOUND", null);
        assertRefused(api.get("merchants/merchant-a/orders"), 400, "INVALID_REQUEST", "merchantReference");
        assertRefused(api.get("merchants/merchant-a/refunds"), 400, "INVALID_REQUEST", "merchantReference");
    }

    @Test
    void authenticatesEveryEndpointAndKeepsMerchantsApart() {
        String orderId = api.newOrder(SELF_TERMINAL, 1000, false);
        OrdersApi anonymous = api.as(null, null, null);
        OrdersApi wrongSecret = api.as("merchant-a", OrdersApi.KEY, "wrong");
        OrdersApi noKey = api.as("merchant-a", null, OrdersApi.SECRET);
        OrdersApi otherMerchant =
                api.as("merchant-b", "orders-test-key-merchant-b", "orders-test-secret-merchant-b-41d2e8");
        for (OrdersApi client : new OrdersApi[] {anonymous, wrongSecret, noKey}) {
            assertRefused(
                    client.createOrder(order(SELF_TERMINAL, 100, "752", false, unique())), 401, "UNAUTHORIZED", null);
            assertRefused(client.pay(card(orderId, "4200000000000000")), 401, "UNAUTHORIZED", null);
            assertRefused(client.status(orderId), 401, "UNAUTHORIZED", null);
            assertRefused(client.tokens(orderId), 401, "UNAUTHORIZED", null);
            assertRefused(client.refund(orderId, 1, "r"), 401, "UNAUTHORIZED", null);
            assertRefused(client.cancel(orderId), 401, "UNAUTHORIZED", null);
            assertRefused(client.deleteToken("ctok_x"), 401, "UNAUTHORIZED", null);
            assertRefused(client.findByReference("r"), 401, "UNAUTHORIZED", null);
        }
        // merchant B's own credentials on merchant A's paths
        assertRefused(
                otherMerchant.post("merchants/merchant-a/orders", order(SELF_TERMINAL, 100, "752", false, unique())),
                403,
                "FORBIDDEN",
                null);
        assertRefused(otherMerchant.get("merchants/merchant-a/orders/" + orderId + "/status"), 403, "FORBIDDEN", null);
        // and its own paths never show merchant A's orders
        assertRefused(otherMerchant.status(orderId), 404, "ORDER_NOT_FOUND", null);
        assertRefused(otherMerchant.pay(card(orderId, "4200000000000000")), 404, "ORDER_NOT_FOUND", null);
        assertThat(api.status(orderId).text("status")).isEqualTo("CREATED");
    }

    private static void assertRefused(Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
        assertThat(reply.json().path("error").path("message").asString()).isNotBlank();
        if (field != null) {
            assertThat(reply.errorField()).as(reply.body()).isEqualTo(field);
        }
    }

    private static String storedToken() {
        String orderId = api.newOrder(SELF_TERMINAL, 1000, true);
        api.pay(card(orderId, "4200000000000000"));
        return api.tokens(orderId).json().path("tokens").get(0).path("tokenId").asString();
    }

    private static JsonNode ledger(String reference) {
        return api.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                                + "sandbox/orders/ledger?merchantId=merchant-a&merchantReference=" + reference))
                        .GET()
                        .build())
                .json()
                .path("merchants")
                .get(0);
    }
}

package io.s2spay.sandbox.tokens;

import static io.s2spay.sandbox.tokens.TokensApi.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.WebhookReceiver;
import io.s2spay.sandbox.tokens.TokensApi.Reply;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tokens API over real HTTP: keys, tokens, payments (approved, declined, 3-D Secure), saved cards charged off
 * session, refunds, references, the ledger and signed webhooks.
 */
class TokensApiIT {

    private static WebhookReceiver receiver;
    private static GatewaySandbox sandbox;
    private static TokensApi api;
    private static TokensApi other;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver(0);
        sandbox = GatewaySandbox.start(Map.of(
                "sandbox.tokens.accounts.tokens-a.webhook-url", receiver.url(),
                "sandbox.tokens.webhooks.initial-backoff", "200ms",
                "sandbox.tokens.webhooks.max-backoff", "1s"));
        api = new TokensApi(sandbox, "tokens-a");
        other = new TokensApi(sandbox, "tokens-b");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    private static Map<String, Object> payment(String token, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", 9200);
        body.put("currency", "eur");
        body.put("token", token);
        body.put("reference", reference);
        body.put("return_url", "https://shop.example/return");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                copy.remove((String) pairs[i]);
            } else {
                copy.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return copy;
    }

    private static void assertError(Reply reply, int status, String code, String param) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.error().path("code").asString()).as(reply.body()).isEqualTo(code);
        if (param != null) {
            assertThat(reply.error().path("param").asString()).as(reply.body()).isEqualTo(param);
        }
    }

    @Test
    void tokenizesWithThePublishableKeyAndPaysWithTheSecretKey() {
        Reply token = api.post("v1/tokens", api.publishableKey, TokensApi.card("4200000000000000"), null);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().path("id").asString()).startsWith("tok_");
        assertThat(token.json().path("type").asString()).isEqualTo("card");
        assertThat(token.json().path("used").asBoolean()).isFalse();
        assertThat(token.json().path("card").path("brand").asString()).isEqualTo("visa");
        assertThat(token.json().path("card").path("last4").asString()).isEqualTo("0000");
        assertThat(token.body()).doesNotContain("4200000000000000");

        String reference = reference();
        Reply paid = api.pay(payment(token.json().path("id").asString(), reference));

        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().path("id").asString()).startsWith("pay_");
        assertThat(paid.json().path("status").asString()).isEqualTo("succeeded");
        assertThat(paid.json().path("amount").asLong()).isEqualTo(9200);
        assertThat(paid.json().path("currency").asString()).isEqualTo("eur");
        assertThat(paid.json().path("reference").asString()).isEqualTo(reference);
        assertThat(paid.json().path("card").path("last4").asString()).isEqualTo("0000");
        Reply byId = api.get("v1/payments/" + paid.json().path("id").asString(), api.secretKey);
        assertThat(byId.json().path("status").asString()).isEqualTo("succeeded");
        Reply byReference = api.get("v1/payments?reference=" + reference, api.secretKey);
        assertThat(byReference.json().path("data").get(0).path("id").asString())
                .isEqualTo(paid.json().path("id").asString());
        assertThat(api.charged(reference)).isEqualTo(1);
    }

    @Test
    void theSecretKeyMayCreateTokensToo() {
        Reply token = api.post("v1/tokens", api.secretKey, TokensApi.card("5454545454545454"), null);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().path("card").path("brand").asString()).isEqualTo("mastercard");
    }

    @Test
    void refusesThePublishableKeyEverywhereButTokenCreation() {
        String token = api.token("4200000000000000");
        assertError(
                api.post("v1/payments", api.publishableKey, payment(token, reference()), null),
                403,
                "secret_key_required",
                null);
        assertThat(api.post("v1/payments", api.publishableKey, payment(token, reference()), null)
                        .error()
                        .path("type")
                        .asString())
                .isEqualTo("permission_error");
        assertError(api.get("v1/payments?reference=x", api.publishableKey), 403, "secret_key_required", null);
        assertError(
                api.get("v1/payments/pay_000000000000000000000000", api.publishableKey),
                403,
                "secret_key_required",
                null);
        assertError(
                api.post("v1/refunds", api.publishableKey, Map.of("payment_id", "pay_x"), null),
                403,
                "secret_key_required",
                null);
        assertError(api.get("v1/refunds?reference=x", api.publishableKey), 403, "secret_key_required", null);
        assertError(api.delete("v1/payment_methods/pm_x", api.publishableKey), 403, "secret_key_required", null);
        // the token was not used by the refused payments
        assertThat(api.pay(payment(token, reference())).status()).isEqualTo(200);
    }

    @Test
    void refusesMissingAndUnknownKeys() {
        assertError(
                api.post("v1/tokens", null, TokensApi.card("4200000000000000"), null), 401, "missing_api_key", null);
        assertError(
                api.post("v1/tokens", "pk_test_nobody", TokensApi.card("4200000000000000"), null),
                401,
                "invalid_api_key",
                null);
        assertError(api.get("v1/payments?reference=x", "sk_test_nobody"), 401, "invalid_api_key", null);
        assertError(api.get("v1/refunds/re_x", null), 401, "missing_api_key", null);
        assertThat(api.get("v1/refunds/re_x", null).error().path("type").asString())
                .isEqualTo("authentication_error");
    }

    @Test
    void refusesInvalidCardsWithTheParamConcerned() {
        Map<String, Object> good =
                Map.of("number", "4200000000000000", "exp_month", 12, "exp_year", 2034, "cvc", "123");
        record Case(Map<String, Object> card, String code, String param) {}
        List<Case> cases = List.of(
                new Case(with(good, "number", "4200000000000001"), "incorrect_number", "card[number]"),
                new Case(with(good, "number", "42000000"), "invalid_number", "card[number]"),
                new Case(with(good, "number", null), "parameter_missing", "card[number]"),
                new Case(with(good, "number", "9000000000000001"), "card_brand_not_supported", "card[number]"),
                new Case(with(good, "exp_month", 13), "invalid_expiry_month", "card[exp_month]"),
                new Case(with(good, "exp_month", null), "parameter_missing", "card[exp_month]"),
                new Case(with(good, "exp_year", 34), "invalid_expiry_year", "card[exp_year]"),
                new Case(with(good, "exp_year", 2020), "expired_card", "card[exp_year]"),
                new Case(with(good, "cvc", "12"), "invalid_cvc", "card[cvc]"),
                new Case(with(good, "number", "377777777777770"), "invalid_cvc", "card[cvc]"));
        for (Case c : cases) {
            assertError(
                    api.post("v1/tokens", api.publishableKey, Map.of("card", c.card()), null),
                    400,
                    c.code(),
                    c.param());
        }
        assertError(api.post("v1/tokens", api.publishableKey, Map.of(), null), 400, "parameter_missing", "card");
        assertError(api.send("v1/tokens", api.publishableKey, "POST", "{not json", null), 400, "body_invalid", null);
        assertError(api.send("v1/tokens", api.publishableKey, "POST", null, null), 400, "body_missing", null);
    }

    @Test
    void refusesInvalidPaymentsWithoutChargingOrUsingTheToken() {
        String token = api.token("4200000000000000");
        Map<String, Object> good = payment(token, reference());
        assertError(api.pay(with(good, "amount", null)), 400, "parameter_missing", "amount");
        assertError(api.pay(with(good, "amount", 12.5)), 400, "invalid_amount", "amount");
        assertError(api.pay(with(good, "amount", 0)), 400, "invalid_amount", "amount");
        assertError(api.pay(with(good, "currency", "EUR")), 400, "invalid_currency", "currency");
        assertError(api.pay(with(good, "currency", null)), 400, "parameter_missing", "currency");
        assertError(api.pay(with(good, "token", null)), 400, "parameter_missing", "token");
        assertError(api.pay(with(good, "token", "tok_000000000000000000000000")), 400, "resource_missing", "token");
        assertError(
                api.pay(with(good, "payment_method_id", "pm_x", "customer_id", "c")),
                400,
                "parameter_conflict",
                "payment_method_id");
        assertError(api.pay(with(good, "save_card", true)), 400, "parameter_missing", "customer_id");
        assertError(api.pay(with(good, "off_session", true)), 400, "parameter_conflict", "off_session");
        assertError(api.pay(with(good, "return_url", "not a url")), 400, "url_invalid", "return_url");
        assertError(api.pay(with(good, "reference", "x".repeat(256))), 400, "string_too_long", "reference");
        assertError(
                api.pay(with(
                        good, "token", null, "payment_method_id", "pm_000000000000000000000000", "customer_id", "c")),
                400,
                "resource_missing",
                "payment_method_id");
        // another account's token is unknown here
        assertError(other.pay(payment(token, reference())), 400, "resource_missing", "token");
        assertThat(api.charged((String) good.get("reference"))).isZero();
        assertThat(api.pay(good).status()).isEqualTo(200);
    }

    @Test
    void aTokenIsSingleUse() {
        String token = api.token("4200000000000000");
        assertThat(api.pay(payment(token, reference())).status()).isEqualTo(200);
        assertError(api.pay(payment(token, reference())), 400, "token_already_used", "token");
    }

    @Test
    void aReferenceIsUsedOnceAndItsSecondPaymentChargesNothing() {
        String reference = reference();
        Reply first = api.pay(payment(api.token("4200000000000000"), reference));
        Reply second = api.pay(payment(api.token("4200000000000000"), reference));

        assertError(second, 409, "reference_already_used", "reference");
        assertThat(second.error().path("type").asString()).isEqualTo("idempotency_error");
        assertThat(second.error().path("payment_id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(api.charged(reference)).isEqualTo(1);
        // references are per account
        assertThat(other.pay(payment(other.token("4200000000000000"), reference))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("v1/payments?reference=nothing-" + reference, api.secretKey)
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertError(api.get("v1/payments", api.secretKey), 400, "parameter_missing", "reference");
        assertError(api.get("v1/payments/pay_000000000000000000000000", api.secretKey), 404, "resource_missing", "id");
    }

    @Test
    void aDeclinedPaymentIsHttp400WithThePaymentItMade() {
        Reply reply = api.pay(payment(api.token("4000000000009995"), reference()));

        assertError(reply, 400, "card_declined", null);
        assertThat(reply.error().path("type").asString()).isEqualTo("card_error");
        assertThat(reply.error().path("decline_code").asString()).isEqualTo("insufficient_funds");
        String id = reply.error().path("payment_id").asString();
        JsonNode held = api.get("v1/payments/" + id, api.secretKey).json();
        assertThat(held.path("status").asString()).isEqualTo("failed");
        assertThat(held.path("failure_code").asString()).isEqualTo("card_declined");
        assertThat(held.path("decline_code").asString()).isEqualTo("insufficient_funds");

        Reply error = api.pay(payment(api.token("4000000000000507"), reference()));
        assertError(error, 400, "processing_error", null);
        assertThat(error.error().path("type").asString()).isEqualTo("api_error");
    }

    private static Reply challenged(String reference) {
        Reply reply = api.pay(payment(api.token("4711100000000000"), reference));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("status").asString()).isEqualTo("requires_action");
        return reply;
    }

    private static Reply choose(Reply challenged, String action) {
        String url = challenged.json().path("redirect_url").asString();
        Reply page = api.plain(url, "GET", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"challenge\"").contains("value=\"" + action + "\"");
        return api.plain(url, "POST", "action=" + action);
    }

    @Test
    void threeDSecureApprovedReturnsToTheShopWithStatusSucceeded() {
        String reference = reference();
        Reply pending = challenged(reference);
        String id = pending.json().path("id").asString();
        assertThat(pending.json().path("redirect_url").asString())
                .isEqualTo(sandbox.baseUrl() + "tokens-api/3ds/" + id);
        assertThat(api.charged(reference)).isZero();

        Reply back = choose(pending, "approve");

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location"))
                .hasValue("https://shop.example/return?payment_id=" + id + "&status=succeeded");
        assertThat(api.get("v1/payments/" + id, api.secretKey)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("succeeded");
        assertThat(api.charged(reference)).isEqualTo(1);
        // the page is finished
        assertThat(api.plain(pending.json().path("redirect_url").asString(), "GET", null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void threeDSecureFailedOrCanceledReturnsWithStatusFailed() {
        Reply failed = challenged(reference());
        assertThat(choose(failed, "fail").headers().firstValue("Location").orElseThrow())
                .endsWith("&status=failed");
        assertThat(api.get("v1/payments/" + failed.json().path("id").asString(), api.secretKey)
                        .json()
                        .path("failure_code")
                        .asString())
                .isEqualTo("authentication_failed");

        Reply canceled = challenged(reference());
        assertThat(choose(canceled, "cancel").headers().firstValue("Location").orElseThrow())
                .endsWith("&status=failed");
        assertThat(api.get("v1/payments/" + canceled.json().path("id").asString(), api.secretKey)
                        .json()
                        .path("failure_code")
                        .asString())
                .isEqualTo("authentication_canceled");

        Reply abandoned = challenged(reference());
        String id = abandoned.json().path("id").asString();
        assertThat(api.plain(sandbox.baseUrl() + "sandbox/tokens/payments/" + id + "/abandon", "POST", null)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("v1/payments/" + id, api.secretKey)
                        .json()
                        .path("failure_code")
                        .asString())
                .isEqualTo("authentication_expired");
        assertThat(api.plain(abandoned.json().path("redirect_url").asString(), "POST", "action=approve")
                        .status())
                .isEqualTo(409);
        assertThat(api.plain(sandbox.baseUrl() + "tokens-api/3ds/pay_000000000000000000000000", "GET", null)
                        .status())
                .isEqualTo(404);
        assertThat(api.plain(failed.json().path("redirect_url").asString(), "POST", "action=maybe")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void threeDSecureNeedsAReturnUrlAndChargesNothingWithout() {
        String token = api.token("5212345678901234");
        String reference = reference();
        assertError(
                api.pay(with(payment(token, reference), "return_url", null)), 400, "return_url_required", "return_url");
        assertThat(api.get("v1/payments?reference=" + reference, api.secretKey)
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertThat(api.pay(payment(token, reference)).json().path("status").asString())
                .isEqualTo("requires_action");
    }

    @Test
    void aSavedCardIsChargedOffSessionThreeTimesWithoutChallengeAndRefusedOnceDetached() {
        Reply first = api.pay(
                with(payment(api.token("4711100000000000"), reference()), "save_card", true, "customer_id", "cus-1"));
        assertThat(first.json().path("payment_method_id").isNull()).isTrue();
        choose(first, "approve");
        String pm = api.get("v1/payments/" + first.json().path("id").asString(), api.secretKey)
                .json()
                .path("payment_method_id")
                .asString();
        assertThat(pm).startsWith("pm_");
        assertThat(api.get("v1/payment_methods/" + pm, api.secretKey)
                        .json()
                        .path("customer_id")
                        .asString())
                .isEqualTo("cus-1");

        for (int i = 0; i < 3; i++) {
            String reference = reference();
            Reply mit = api.pay(Map.of(
                    "amount",
                    1000 + i,
                    "currency",
                    "eur",
                    "payment_method_id",
                    pm,
                    "customer_id",
                    "cus-1",
                    "off_session",
                    true,
                    "reference",
                    reference));
            assertThat(mit.status()).as(mit.body()).isEqualTo(200);
            assertThat(mit.json().path("status").asString()).isEqualTo("succeeded");
            assertThat(mit.json().path("payment_method_id").asString()).isEqualTo(pm);
            assertThat(api.charged(reference)).isEqualTo(1);
        }
        assertError(
                api.pay(Map.of(
                        "amount",
                        1000,
                        "currency",
                        "eur",
                        "payment_method_id",
                        pm,
                        "customer_id",
                        "cus-2",
                        "off_session",
                        true)),
                400,
                "customer_mismatch",
                "customer_id");
        assertError(
                other.pay(Map.of(
                        "amount",
                        1000,
                        "currency",
                        "eur",
                        "payment_method_id",
                        pm,
                        "customer_id",
                        "cus-1",
                        "off_session",
                        true)),
                400,
                "resource_missing",
                "payment_method_id");

        Reply detached = api.delete("v1/payment_methods/" + pm, api.secretKey);
        assertThat(detached.json().path("detached").asBoolean()).isTrue();
        assertThat(api.delete("v1/payment_methods/" + pm, api.secretKey).status())
                .isEqualTo(200);
        assertError(
                api.delete("v1/payment_methods/pm_000000000000000000000000", api.secretKey),
                404,
                "resource_missing",
                "id");
        assertError(
                api.pay(Map.of(
                        "amount",
                        1000,
                        "currency",
                        "eur",
                        "payment_method_id",
                        pm,
                        "customer_id",
                        "cus-1",
                        "off_session",
                        true)),
                400,
                "payment_method_detached",
                "payment_method_id");
    }

    @Test
    void refundsPartOfAPaymentUpToWhatWasPaid() {
        String reference = reference();
        String paymentId = api.pay(payment(api.token("4200000000000000"), reference))
                .json()
                .path("id")
                .asString();

        Reply first = api.post(
                "v1/refunds",
                api.secretKey,
                Map.of("payment_id", paymentId, "amount", 2000, "reference", reference + "-r1"),
                null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("id").asString()).startsWith("re_");
        assertThat(first.json().path("status").asString()).isEqualTo("succeeded");
        Reply second = api.post(
                "v1/refunds",
                api.secretKey,
                Map.of("payment_id", paymentId, "amount", 3000, "reference", reference + "-r2"),
                null);
        assertThat(second.json().path("amount").asLong()).isEqualTo(3000);
        assertError(
                api.post(
                        "v1/refunds",
                        api.secretKey,
                        Map.of("payment_id", paymentId, "amount", 4201, "reference", reference + "-r3"),
                        null),
                400,
                "amount_too_large",
                "amount");
        Reply reused = api.post(
                "v1/refunds",
                api.secretKey,
                Map.of("payment_id", paymentId, "amount", 1, "reference", reference + "-r1"),
                null);
        assertError(reused, 409, "reference_already_used", "reference");
        assertThat(reused.error().path("refund_id").asString())
                .isEqualTo(first.json().path("id").asString());
        Reply rest = api.post("v1/refunds", api.secretKey, Map.of("payment_id", paymentId), null);
        assertThat(rest.json().path("amount").asLong()).isEqualTo(4200);
        assertError(
                api.post("v1/refunds", api.secretKey, Map.of("payment_id", paymentId, "amount", 1), null),
                400,
                "amount_too_large",
                "amount");

        assertThat(api.get("v1/refunds?reference=" + reference + "-r2", api.secretKey)
                        .json()
                        .path("data")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(second.json().path("id").asString());
        assertThat(api.get("v1/refunds/" + first.json().path("id").asString(), api.secretKey)
                        .json()
                        .path("amount")
                        .asLong())
                .isEqualTo(2000);
        assertThat(api.get("v1/refunds?payment_id=" + paymentId, api.secretKey)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(3);
        assertThat(api.get("v1/payments/" + paymentId, api.secretKey)
                        .json()
                        .path("amount_refunded")
                        .asLong())
                .isEqualTo(9200);
        JsonNode ledger = api.sandboxGet("sandbox/tokens/ledger?account=tokens-a&reference=" + reference)
                .json()
                .path("accounts")
                .get(0);
        assertThat(ledger.path("counts").path("refunds").asInt()).isEqualTo(3);
        assertThat(ledger.path("totals").path("eur").path("paid").asLong()).isEqualTo(9200);
        assertThat(ledger.path("totals").path("eur").path("refunded").asLong()).isEqualTo(9200);
        assertThat(ledger.path("totals").path("eur").path("net").asLong()).isZero();

        assertError(
                api.post("v1/refunds", api.secretKey, Map.of("amount", 1), null),
                400,
                "parameter_missing",
                "payment_id");
        assertError(
                api.post("v1/refunds", api.secretKey, Map.of("payment_id", "pay_000000000000000000000000"), null),
                404,
                "resource_missing",
                "payment_id");
        assertError(
                api.post("v1/refunds", api.secretKey, Map.of("payment_id", paymentId, "amount", -5), null),
                400,
                "invalid_amount",
                "amount");
        String declined = api.pay(payment(api.token("4000000000000002"), reference()))
                .error()
                .path("payment_id")
                .asString();
        assertError(
                api.post("v1/refunds", api.secretKey, Map.of("payment_id", declined), null),
                400,
                "payment_not_refundable",
                "payment_id");
        assertError(api.get("v1/refunds", api.secretKey), 400, "parameter_missing", "reference");
    }

    @Test
    void sendsSignedWebhooksWithTheSavedCardAndRetriesUntilDelivered() {
        receiver.failNext(2);
        Reply paid = api.pay(with(
                payment(api.token("4200000000000000"), reference()), "save_card", true, "customer_id", "cus-webhook"));
        String id = paid.json().path("id").asString();
        String pm = paid.json().path("payment_method_id").asString();
        assertThat(pm).startsWith("pm_");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(receiver.deliveries())
                        .anySatisfy(d -> assertThat(d.body()).contains(id).contains("\"payment.succeeded\"")));
        WebhookReceiver.Delivery delivery = receiver.deliveries().stream()
                .filter(d -> d.body().contains(id))
                .reduce((a, b) -> b)
                .orElseThrow();
        JsonNode event = TokensApi.JSON.readTree(delivery.body());
        assertThat(event.path("id").asString()).startsWith("evt_");
        assertThat(event.path("data").path("object").path("payment_method_id").asString())
                .isEqualTo(pm);
        assertThat(delivery.contentType()).startsWith("application/json");
        long t = Long.parseLong(delivery.header("Signature").replaceAll("^t=(\\d+),v1=.*$", "$1"));
        assertThat(delivery.header("Signature"))
                .isEqualTo(TokensWebhooks.signature(api.webhookSecret, t, delivery.body()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode events = api.sandboxGet("sandbox/tokens/notifications?paymentId=" + id)
                    .json();
            assertThat(events.get(0).path("delivered").asBoolean()).isTrue();
            assertThat(events.get(0).path("attempts").asInt()).isGreaterThanOrEqualTo(1);
        });

        String refundReference = reference();
        api.post(
                "v1/refunds",
                api.secretKey,
                Map.of("payment_id", id, "amount", 100, "reference", refundReference),
                null);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(receiver.deliveries())
                        .anySatisfy(d -> assertThat(d.body())
                                .contains("\"refund.succeeded\"")
                                .contains(refundReference)));
    }
}

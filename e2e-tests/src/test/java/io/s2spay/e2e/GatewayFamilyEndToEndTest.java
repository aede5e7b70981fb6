package io.s2spay.e2e;

import static io.s2spay.e2e.Payments.awaitStatus;
import static io.s2spay.e2e.Payments.create;
import static io.s2spay.e2e.Payments.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.e2e.EndToEndPlatform.GatewayFamily;
import io.s2spay.schema.GatewayAccountRef;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.testkit.KafkaTopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The flows every gateway family must carry end to end through s2spay's public API alone, on merchant-demo's
 * account of one family ({@link #family()}): SEK MASTER payments are routed there, everything else stays on OPP.
 * Each flow is checked against the API, the payment events' {@code gateway} and the family's own ledger in the
 * sandbox (and OPP's, which must hold nothing of these payments).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatewayFamilyEndToEndTest {

    // test cards of both APIs of the sandbox (its README): the OPP numbers with the same meaning
    static final String APPROVED_MASTER = "5454545454545454";
    static final String THREE_DS_MASTER = "5212345678901234";
    /** Magic amount 99901 minor units: the sandbox processes the request, charges, then drops the answer. */
    static final String LOST_ANSWER_AMOUNT = "999.01";

    EndToEndRun run;
    MerchantShop shop;
    MerchantApi demo;
    FamilyLedger ledger;

    /** The family under test. */
    abstract GatewayFamily family();

    /** The prefix of the family's 3-D Secure page in the sandbox (after its base URL). */
    abstract String challengePath();

    @BeforeAll
    void startThePlatform() {
        shop = MerchantShop.start();
        run = EndToEndRun.start(
                family().id() + "-gateway",
                new EndToEndPlatform.Settings()
                        .routeTo(family(), "MASTER", "SEK")
                        // a quick retry of the family's webhooks to the poller
                        .property("sandbox", "sandbox." + family().id() + ".webhooks.initial-backoff", "500ms"));
        demo = run.demo;
        ledger = new FamilyLedger(run.platform.sandbox.baseUrl(), family());
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
    void cardPaymentIsChargedOnceAtTheFamilysAccount() {
        String order = order();

        JsonNode payment =
                create(demo, master("DB", "250.00", order, APPROVED_MASTER, shop.returnUrl(order), ""), "succeeded");

        String id = payment.path("id").asString();
        assertThat(payment.path("amount").asString()).isEqualTo("250.00");
        assertThat(payment.path("currency").asString()).isEqualTo("SEK");
        assertThat(payment.path("card").path("last4Digits").asString()).isEqualTo("5454");
        assertThat(payment.path("gatewayTransactionId").asString()).isNotBlank();
        assertThat(payment.toString()).doesNotContain(APPROVED_MASTER);
        assertNamesTheAccount(payment);
        assertThat(outcomeAccounts(id)).as("the outcome events' gateway").containsOnly(account());
        assertThat(ledger.of(order).charges()).isEqualTo(1);
        assertThat(ledger.of(order).total("SEK", "paid")).isEqualTo(25000);
        assertThat(run.ledger.of(order).transactions()).as("OPP's ledger").isZero();
    }

    @ParameterizedTest(name = "3-D Secure {0} → {1}, shop told {2}")
    @CsvSource({"approve, succeeded, succeeded", "fail, declined, failed"})
    void challengeAnsweredInTheBrowserReturnsThroughS2spayToTheShop(
            String action, String paymentStatus, String shopStatus) {
        String order = order();
        MerchantApi.Answer answer =
                demo.post("/v1/payments", master("DB", "120.00", order, THREE_DS_MASTER, shop.returnUrl(order), ""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode payment = answer.json();
        assertThat(payment.path("status").asString()).as(answer.body()).isEqualTo("requires_action");
        String id = payment.path("id").asString();
        JsonNode redirect = payment.path("redirect");
        assertThat(redirect.path("url").asString()).startsWith(run.platform.sandbox.baseUrl() + challengePath());
        assertThat(ledger.of(order).charges())
                .as("nothing charged before the challenge")
                .isZero();
        assertThat(redirectAccounts(id)).as("the redirect event's gateway").containsOnly(account());

        ShopperBrowser.Page challenge = run.browser.open(redirect);
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(200);
        List<ShopperBrowser.Page> pages = run.browser.follow(run.browser.press(challenge, "challenge", action));

        // the gateway's page → (302) s2spay's return URL → (303) the shop's return page
        assertThat(pages).as("gateway, s2spay, shop: " + pages).hasSize(3);
        assertThat(pages.get(0).status()).as(pages.get(0).body()).isEqualTo(302);
        ShopperBrowser.Page s2spay = pages.get(1);
        assertThat(s2spay.uri().toString())
                .as("the gateway sends the shopper to s2spay, not to the merchant")
                .startsWith(run.platform.checkoutPublicBaseUrl.toString());
        assertThat(s2spay.status()).as(s2spay.body()).isEqualTo(303);
        ShopperBrowser.Page atShop = pages.get(2);
        assertThat(shop.isShop(atShop.uri())).as(atShop.uri().toString()).isTrue();
        Map<String, String> told = MerchantShop.query(atShop.uri().getRawQuery());
        assertThat(told).containsEntry("id", id).containsEntry("status", shopStatus);

        JsonNode settled = awaitStatus(demo, id, paymentStatus);
        assertThat(ledger.of(order).charges()).isEqualTo(action.equals("approve") ? 1 : 0);
        if (action.equals("approve")) {
            assertThat(ledger.of(order).total("SEK", "paid")).isEqualTo(12000);
            assertNamesTheAccount(settled);
            assertThat(outcomeAccounts(id)).containsOnly(account());
        }
        assertThat(run.ledger.of(order).transactions()).as("OPP's ledger").isZero();
    }

    @Test
    void storedCardIsChargedThreeTimesByTheMerchantAtTheAccountThatStoredIt() {
        String order = order();
        JsonNode first = create(
                demo,
                master(
                        "DB",
                        "19.99",
                        order,
                        APPROVED_MASTER,
                        shop.returnUrl(order),
                        ",\"storeCard\":true,\"storedCredentialType\":\"RECURRING\""),
                "succeeded");
        String credential = first.path("storedCredential").path("id").asString();
        assertThat(credential).as(first.toString()).isNotBlank();
        assertThat(outcomeAccounts(first.path("id").asString())).containsOnly(account());
        assertThat(ledger.of(order).charges()).isEqualTo(1);

        List<String> references = new ArrayList<>(List.of(order));
        for (int i = 0; i < 3; i++) {
            String chargeOrder = order();
            // EUR: by the rules these would go to OPP, but a stored card is charged where it was stored
            JsonNode charge = create(demo, storedCardCharge("9.99", "EUR", chargeOrder, credential), "succeeded");
            String chargeId = charge.path("id").asString();
            assertThat(charge.path("storedCredential").path("id").asString()).isEqualTo(credential);
            assertThat(charge.path("card").path("last4Digits").asString()).isEqualTo("5454");
            assertNamesTheAccount(charge);
            assertThat(outcomeAccounts(chargeId)).as("charge " + i).containsOnly(account());
            assertThat(ledger.of(chargeOrder).charges())
                    .as("charged once: " + chargeOrder)
                    .isEqualTo(1);
            assertThat(ledger.of(chargeOrder).total("EUR", "paid")).isEqualTo(999);
            assertThat(run.ledger.of(chargeOrder).transactions())
                    .as("OPP's ledger")
                    .isZero();
            references.add(chargeOrder);
        }
        assertThat(references.stream()
                        .mapToInt(reference -> ledger.of(reference).charges())
                        .sum())
                .as("the first payment and three merchant-initiated charges")
                .isEqualTo(4);
    }

    @Test
    void twoPartialRefundsAreMadeAtTheAccountAndAThirdOverTheRestIsRefused() {
        String order = order();
        JsonNode payment =
                create(demo, master("DB", "250.00", order, APPROVED_MASTER, shop.returnUrl(order), ""), "succeeded");
        String id = payment.path("id").asString();
        assertNamesTheAccount(payment);

        String[][] refunds = {{"100.00", "100.00", "150.00"}, {"100.00", "200.00", "50.00"}};
        for (int i = 0; i < refunds.length; i++) {
            JsonNode refund = Payments.operate(
                    demo, id, "refunds", "{\"amount\":\"" + refunds[i][0] + "\",\"reference\":\"rf-" + i + "\"}");
            assertThat(refund.path("type").asString()).isEqualTo("refund");
            JsonNode refunded = awaitStatus(demo, id, "partially_refunded");
            Payments.assertAmount(refunded, "refunded", refunds[i][1]);
            Payments.assertAmount(refunded, "net", refunds[i][2]);
            assertThat(ledger.of(order).refunds()).isEqualTo(i + 1);
        }
        assertThat(ledger.of(order).total("SEK", "refunded")).isEqualTo(20000);
        assertThat(ledger.of(order).total("SEK", "net")).isEqualTo(5000);

        MerchantApi.Answer third = demo.post("/v1/payments/" + id + "/refunds", "{\"amount\":\"60.00\"}");

        assertThat(third.status()).as(third.body()).isEqualTo(422);
        assertThat(third.problemCode()).isEqualTo("amount_exceeds_refundable");
        String operationId = third.json().path("operationId").asString();
        if (!operationId.isEmpty()) {
            // the refusal is kept as a rejected operation of the payment, never sent to the gateway
            MerchantApi.Answer operation = demo.get("/v1/payments/" + id + "/operations/" + operationId);
            assertThat(operation.status()).as(operation.body()).isEqualTo(200);
            assertThat(operation.text("/status")).isEqualTo("rejected");
        }
        assertThat(ledger.of(order).refunds()).as("nothing sent to the gateway").isEqualTo(2);
        assertThat(ledger.of(order).total("SEK", "refunded")).isEqualTo(20000);
        assertThat(ledger.of(order).charges()).isEqualTo(1);
        JsonNode after = demo.payment(id);
        assertThat(after.path("status").asString()).isEqualTo("partially_refunded");
        assertThat(Payments.succeededOperations(after)).containsExactly("refund:100.00", "refund:100.00");
        assertThat(run.ledger.of(order).transactions()).as("OPP's ledger").isZero();
    }

    @Test
    void lostAnswerIsResolvedWithoutASecondCharge() {
        String order = order();

        JsonNode payment = create(
                demo, master("DB", LOST_ANSWER_AMOUNT, order, APPROVED_MASTER, shop.returnUrl(order), ""), "succeeded");

        assertNamesTheAccount(payment);
        assertThat(outcomeAccounts(payment.path("id").asString())).containsOnly(account());
        assertThat(ledger.of(order).charges()).as("charged once, never again").isEqualTo(1);
        assertThat(ledger.of(order).total("SEK", "paid")).isEqualTo(99901);
        assertThat(run.ledger.of(order).transactions()).as("OPP's ledger").isZero();
    }

    GatewayAccountRef account() {
        return new GatewayAccountRef(family().id(), family().account());
    }

    /** The payment view names the gateway account that processed it. */
    void assertNamesTheAccount(JsonNode payment) {
        assertThat(payment.path("gateway").path("gateway").asString())
                .as(payment.toString())
                .isEqualTo(family().id());
        assertThat(payment.path("gateway").path("account").asString())
                .as(payment.toString())
                .isEqualTo(family().account());
    }

    /** The gateway accounts the payment's outcome events (debited) name. */
    List<GatewayAccountRef> outcomeAccounts(String paymentId) {
        return accounts(paymentId, PaymentDebited.class);
    }

    List<GatewayAccountRef> redirectAccounts(String paymentId) {
        return accounts(paymentId, PaymentRedirectRequired.class);
    }

    private List<GatewayAccountRef> accounts(String paymentId, Class<?> payload) {
        Map<String, PaymentEventEnvelope> events = new LinkedHashMap<>();
        org.awaitility.Awaitility.await("a " + payload.getSimpleName() + " of " + paymentId)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    KafkaTopicReader.of(run.platform.infrastructure)
                            .readValues(Topics.PAYMENT_EVENTS, PaymentEventEnvelope.class)
                            .stream()
                            .filter(event -> event.getPaymentId().equals(paymentId))
                            .filter(event -> payload.isInstance(event.getPayload()))
                            .forEach(event -> events.putIfAbsent(event.getMessageId(), event));
                    return !events.isEmpty();
                });
        return events.values().stream().map(PaymentEventEnvelope::getGateway).toList();
    }

    /** A MASTER card payment in SEK; {@code extra} is more JSON members (with a leading comma) or empty. */
    static String master(
            String paymentType,
            String amount,
            String merchantTransactionId,
            String number,
            String shopperResultUrl,
            String extra) {
        return """
                {"paymentType":"%s","amount":"%s","currency":"SEK","paymentBrand":"MASTER","merchantTransactionId":"%s",\
                "shopperResultUrl":"%s","card":{"number":"%s","holder":"Jane Jones","expiryMonth":"05",\
                "expiryYear":"%s","cvv":"%s"}%s}""".formatted(
                        paymentType,
                        amount,
                        merchantTransactionId,
                        shopperResultUrl,
                        number,
                        Payments.EXPIRY_YEAR,
                        Payments.CVV,
                        extra);
    }

    /** A merchant-initiated charge of the stored MASTER card: no card data, no shopperResultUrl. */
    static String storedCardCharge(
            String amount, String currency, String merchantTransactionId, String storedCredentialId) {
        return """
                {"paymentType":"DB","amount":"%s","currency":"%s","paymentBrand":"MASTER","merchantTransactionId":"%s",\
                "storedCredentialId":"%s"}""".formatted(amount, currency, merchantTransactionId, storedCredentialId);
    }
}

package io.s2spay.sandbox;

import static io.s2spay.sandbox.OppClient.visaDebit;
import static io.s2spay.sandbox.OppClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.sandbox.OppClient.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Asynchronous payments as a browser goes through them: the 3-D Secure challenge page and the bank's page are
 * fetched, their form submitted, and the redirect to the shopperResultUrl followed by a status request.
 */
class AsyncFlowIT {

    private static final String SHOP = "https://shop.example/checkout/return?order=42";
    private static final Pattern FORM = Pattern.compile("<form[^>]*method=\"POST\" action=\"([^\"]+)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private static GatewaySandbox sandbox;
    private static OppClient opp;
    private static GatewaySandbox impatient;

    @BeforeAll
    static void start() {
        sandbox = TestSandbox.shared();
        opp = new OppClient(sandbox);
        impatient = GatewaySandbox.start(
                Map.of("sandbox.async.session-timeout", "1s", "sandbox.async.sweep-interval", "100ms"));
    }

    @AfterAll
    static void stop() {
        impatient.close();
    }

    private static Map<String, String> threeDsPayment() {
        return with(visaDebit(), "paymentType", "PA", "card.number", "4711100000000000", "shopperResultUrl", SHOP);
    }

    /** What a browser does with OPP's redirect: submit its parameters to its URL with its method. */
    private static Reply openRedirect(OppClient client, JsonNode redirect) {
        Map<String, String> parameters = new LinkedHashMap<>();
        redirect.path("parameters")
                .forEach(p -> parameters.put(
                        p.path("name").asString(), p.path("value").asString()));
        String url = redirect.path("url").asString();
        if ("GET".equals(redirect.path("method").asString())) {
            return client.send(HttpRequest.newBuilder(URI.create(url + "?" + OppClient.form(parameters)))
                    .GET()
                    .build());
        }
        return client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(OppClient.form(parameters)))
                .build());
    }

    /** Submits the page's form with the button the shopper presses. */
    private static Reply press(OppClient client, Reply page, String action) {
        Matcher form = FORM.matcher(page.body());
        assertThat(form.find()).as("the page has a form").isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        fields.put("action", action);
        assertThat(page.body()).contains("value=\"" + action + "\"");
        return client.postPlain(form.group(1).substring(1), fields);
    }

    private static String expectedReturn(String id) {
        return SHOP + "&id=" + id + "&resourcePath=%2Fv1%2Fpayments%2F" + id;
    }

    @Test
    void approvesAThreeDsChallengeAndSendsTheShopperBackWithTheResourcePath() {
        Reply pending = opp.pay(threeDsPayment());
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.code()).isEqualTo("000.200.000");
        JsonNode redirect = pending.json().path("redirect");
        assertThat(redirect.path("url").asString()).isEqualTo(sandbox.baseUrl() + "connectors/threeds/challenge");
        assertThat(redirect.path("method").asString()).isEqualTo("POST");

        Reply page = openRedirect(opp, redirect);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("3-D Secure")
                .contains("92.00 EUR")
                .contains("471110******0000")
                .doesNotContain("4711100000000000");
        Reply back = press(opp, page, "approve");

        assertThat(back.status()).isEqualTo(302);
        String location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(expectedReturn(pending.id()));
        String resourcePath = java.net.URLDecoder.decode(
                location.substring(location.indexOf("resourcePath=") + 13), java.nio.charset.StandardCharsets.UTF_8);
        Reply status = opp.get(resourcePath.substring(1) + "?entityId=" + opp.entityId());
        assertThat(status.code()).isEqualTo("000.100.110");
        assertThat(status.json().has("redirect")).isFalse();
        assertThat(opp.backOffice(pending.id(), "CP", "92.00").code()).isEqualTo("000.100.110");
    }

    @Test
    void rejectsAFailedChallengeAndACancelledOne() {
        Reply failed = opp.pay(threeDsPayment());
        Reply cancelled = opp.pay(threeDsPayment());

        assertThat(press(opp, openRedirect(opp, failed.json().path("redirect")), "fail")
                        .status())
                .isEqualTo(302);
        assertThat(press(opp, openRedirect(opp, cancelled.json().path("redirect")), "cancel")
                        .status())
                .isEqualTo(302);

        assertThat(opp.query(failed.id()).code()).isEqualTo("100.380.401");
        assertThat(opp.query(cancelled.id()).code()).isEqualTo("100.396.101");
    }

    @Test
    void showsAnAlreadyCompletedChallengeWithoutChangingIt() {
        Reply pending = opp.pay(threeDsPayment());
        JsonNode redirect = pending.json().path("redirect");
        press(opp, openRedirect(opp, redirect), "approve");

        Reply again = openRedirect(opp, redirect);

        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("already been completed");
        assertThat(opp.query(pending.id()).code()).isEqualTo("000.100.110");
    }

    @Test
    void rejectsCaptureWhileTheChallengeIsPending() {
        Reply pending = opp.pay(threeDsPayment());

        Reply capture = opp.backOffice(pending.id(), "CP", "92.00");

        assertThat(capture.status()).isEqualTo(400);
        assertThat(capture.code()).isEqualTo("700.400.570");
    }

    @Test
    void declinesAfterASuccessfulChallengeWhenTheIssuerRefuses() {
        Reply pending = opp.pay(with(threeDsPayment(), "amount", "999.55"));

        press(opp, openRedirect(opp, pending.json().path("redirect")), "approve");

        assertThat(opp.query(pending.id()).code()).isEqualTo("800.100.155");
    }

    @Test
    void createsTheRegistrationOnlyOnceTheChallengeSucceeds() {
        Reply pending = opp.pay(with(threeDsPayment(), "createRegistration", "true"));
        assertThat(pending.json().has("registrationId")).isFalse();

        press(opp, openRedirect(opp, pending.json().path("redirect")), "approve");

        assertThat(opp.query(pending.id()).json().path("registrationId").asString())
                .matches("[0-9a-f]{32}");
    }

    @Test
    void refusesAnAsynchronousPaymentWithoutShopperResultUrl() {
        Reply reply = opp.pay(with(threeDsPayment(), "shopperResultUrl", null));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("100.380.305");
    }

    @Test
    void timesOutAnAbandonedChallengeWithTheDocumentedCode() {
        OppClient client = new OppClient(impatient);
        Reply pending = client.pay(threeDsPayment());
        assertThat(pending.code()).isEqualTo("000.200.000");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(client.query(pending.id()).code()).isEqualTo("100.380.501"));
        Reply page = openRedirect(client, pending.json().path("redirect"));
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("timed out");
    }

    @Test
    void timesOutAnAbandonedBankTransfer() {
        OppClient client = new OppClient(impatient);
        Reply pending = client.pay(bankTransfer("GIROPAY", "DB"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(client.query(pending.id()).code()).isEqualTo("100.396.103"));
    }

    private static Map<String, String> bankTransfer(String brand, String paymentType) {
        Map<String, String> params =
                with(visaDebit(), "paymentBrand", brand, "paymentType", paymentType, "shopperResultUrl", SHOP);
        params.keySet().removeIf(key -> key.startsWith("card."));
        return params;
    }

    @Test
    void waitsForTheBanksReceiptAfterTheShopperApprovesANonInstantTransfer() {
        Reply pending = opp.pay(bankTransfer("SOFORTUEBERWEISUNG", "DB"));
        JsonNode redirect = pending.json().path("redirect");
        assertThat(pending.code()).isEqualTo("000.200.000");
        assertThat(redirect.path("method").asString()).isEqualTo("GET");
        assertThat(redirect.path("url").asString())
                .isEqualTo(sandbox.baseUrl() + "connectors/bank/sofortueberweisung/pay");
        assertThat(pending.json().has("card")).isFalse();

        Reply page = openRedirect(opp, redirect);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("SOFORTUEBERWEISUNG");
        Reply back = press(opp, page, "approve");
        assertThat(back.headers().firstValue("Location")).contains(expectedReturn(pending.id()));

        assertThat(opp.query(pending.id()).code()).isEqualTo("800.400.500");
        assertThat(opp.backOffice(pending.id(), "RF", "1.00").code()).isEqualTo("700.400.570");
        assertThat(ledgerCharged(pending.json().path("merchantTransactionId").asString()))
                .isZero();

        Reply receipt = opp.postPlain("sandbox/operator/payments/" + pending.id() + "/receipt", Map.of());

        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.json().path("paymentType").asString()).isEqualTo("RC");
        assertThat(receipt.json().path("referencedId").asString()).isEqualTo(pending.id());
        assertThat(opp.query(pending.id()).code()).isEqualTo("000.600.000");
        assertThat(ledgerCharged(pending.json().path("merchantTransactionId").asString()))
                .isEqualTo(9200);
        assertThat(opp.backOffice(pending.id(), "RF", "92.00").code()).isEqualTo("000.100.110");
        assertThat(opp.backOffice(pending.id(), "RC", null).code()).isEqualTo("700.400.560");
    }

    @Test
    void letsTheMerchantConfirmTheReceiptItself() {
        Reply pending = opp.pay(bankTransfer("SOFORTUEBERWEISUNG", "PA"));
        press(opp, openRedirect(opp, pending.json().path("redirect")), "approve");

        Reply receipt = opp.backOffice(pending.id(), "RC", null);

        assertThat(receipt.code()).isEqualTo("000.100.110");
        assertThat(receipt.json().path("amount").asString()).isEqualTo("92.00");
        assertThat(opp.query(pending.id()).code()).isEqualTo("000.600.000");
        assertThat(opp.backOffice(pending.id(), "CP", "92.00").code()).isEqualTo("700.400.101");
    }

    @Test
    void letsTheBankRejectATransferItHadNotConfirmed() {
        Reply pending = opp.pay(bankTransfer("SOFORTUEBERWEISUNG", "DB"));
        press(opp, openRedirect(opp, pending.json().path("redirect")), "approve");

        Reply rejected = opp.postPlain("sandbox/operator/payments/" + pending.id() + "/receipt-rejection", Map.of());

        assertThat(rejected.code()).isEqualTo("100.397.102");
        assertThat(opp.query(pending.id()).code()).isEqualTo("100.397.102");
        assertThat(opp.backOffice(pending.id(), "RC", null).code()).isEqualTo("700.300.200");
    }

    @Test
    void settlesAnInstantTransferAtOnceAndRefusesItsPreauthorization() {
        Reply pending = opp.pay(bankTransfer("GIROPAY", "DB"));
        press(opp, openRedirect(opp, pending.json().path("redirect")), "approve");

        assertThat(opp.query(pending.id()).code()).isEqualTo("000.100.110");
        assertThat(opp.pay(bankTransfer("GIROPAY", "PA")).code()).isEqualTo("600.200.202");
    }

    @Test
    void declinesAFailedTransferAndACancelledOne() {
        Reply failed = opp.pay(bankTransfer("GIROPAY", "DB"));
        Reply cancelled = opp.pay(bankTransfer("SOFORTUEBERWEISUNG", "DB"));

        press(opp, openRedirect(opp, failed.json().path("redirect")), "fail");
        press(opp, openRedirect(opp, cancelled.json().path("redirect")), "cancel");

        assertThat(opp.query(failed.id()).code()).isEqualTo("800.100.152");
        assertThat(opp.query(cancelled.id()).code()).isEqualTo("100.396.101");
    }

    @Test
    void approvesATimedOutAuthorizationWhenTheAcquirersLateAnswerArrives() {
        Map<String, String> request = with(visaDebit(), "card.number", "4000000000000309");
        Reply uncertain = opp.pay(request);

        assertThat(uncertain.status()).isEqualTo(200);
        assertThat(uncertain.code()).isEqualTo("900.100.300");
        assertThat(uncertain.json().path("result").path("description").asString())
                .isEqualTo("timeout, uncertain result");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(opp.query(uncertain.id()).code()).isEqualTo("000.600.000"));
        assertThat(ledgerCharged(request.get("merchantTransactionId"))).isEqualTo(9200);
    }

    private static long ledgerCharged(String merchantTransactionId) {
        JsonNode entities = opp.getPlain("sandbox/ledger?merchantTransactionId=" + merchantTransactionId)
                .json()
                .path("entities");
        return entities.isEmpty()
                ? 0
                : entities.get(0).path("totals").get(0).path("charged").asLong();
    }
}

package io.s2spay.sandbox;

import static io.s2spay.sandbox.OppClient.visaDebit;
import static io.s2spay.sandbox.OppClient.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.sandbox.OppClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/payments}, the query endpoint, authentication, validation and the duplicate check, over HTTP. */
class PaymentsApiIT {

    private static GatewaySandbox sandbox;
    private static OppClient opp;

    @BeforeAll
    static void start() {
        sandbox = TestSandbox.shared();
        opp = new OppClient(sandbox);
    }

    @Test
    void approvesVisaDebitSynchronouslyInOppShape() {
        Map<String, String> request = visaDebit();
        Reply reply = opp.pay(request);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.path("id").asString()).matches("[0-9a-f]{32}");
        assertThat(json.path("paymentType").asString()).isEqualTo("DB");
        assertThat(json.path("paymentBrand").asString()).isEqualTo("VISA");
        assertThat(json.path("amount").asString()).isEqualTo("92.00");
        assertThat(json.path("currency").asString()).isEqualTo("EUR");
        assertThat(json.path("descriptor").asString()).contains("S2SPAY_MERCHANT_A");
        assertThat(json.path("merchantTransactionId").asString()).isEqualTo(request.get("merchantTransactionId"));
        assertThat(reply.code()).isEqualTo("000.100.110");
        assertThat(json.path("result").path("description").asString())
                .isEqualTo("Request successfully processed in 'Merchant in Integrator Test Mode'");
        assertThat(json.path("card").path("bin").asString()).isEqualTo("420000");
        assertThat(json.path("card").path("last4Digits").asString()).isEqualTo("0000");
        assertThat(json.path("card").path("holder").asString()).isEqualTo("Jane Jones");
        assertThat(json.path("card").path("expiryMonth").asString()).isEqualTo("05");
        assertThat(json.path("card").path("expiryYear").asString()).isEqualTo("2034");
        assertThat(json.path("buildNumber").asString()).isNotBlank();
        assertThat(json.path("timestamp").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\+0000");
        assertThat(json.path("ndc").asString()).startsWith(opp.entityId() + "_");
        assertThat(reply.body()).doesNotContain("4200000000000000").doesNotContain("\"123\"");
    }

    @ParameterizedTest
    @CsvSource({
        "MASTER,5454545454545454,123",
        "AMEX,377777777777770,1234",
        "DINERS,36148900647913,123",
        "DISCOVER,6011111111111117,123",
        "JCB,3530111333300000,123"
    })
    void approvesPreauthorizationsOfOtherSynchronousBrands(String brand, String number, String cvv) {
        Reply reply = opp.pay(
                with(visaDebit(), "paymentType", "PA", "paymentBrand", brand, "card.number", number, "card.cvv", cvv));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo("000.100.110");
        assertThat(reply.json().path("paymentType").asString()).isEqualTo("PA");
        assertThat(reply.json().path("paymentBrand").asString()).isEqualTo(brand);
    }

    @Test
    void refusesParametersSentInTheUrlOfAPost() {
        Map<String, String> request = visaDebit();
        Reply reply = opp.post("v1/payments?entityId=" + opp.entityId() + "&amount=92.00", request);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("200.300.404");
        List<String> names = new ArrayList<>();
        reply.json()
                .path("result")
                .path("parameterErrors")
                .forEach(error -> names.add(error.path("name").asString()));
        assertThat(names).containsExactlyInAnyOrder("entityId", "amount");
        assertThat(opp.get("v1/query?entityId=" + opp.entityId() + "&merchantTransactionId="
                                + request.get("merchantTransactionId"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void listsEveryInvalidOrMissingParameter() {
        Reply reply = opp.pay(with(visaDebit(), "amount", null, "currency", "euro", "paymentType", "XX"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("200.300.404");
        List<String> names = new ArrayList<>();
        reply.json()
                .path("result")
                .path("parameterErrors")
                .forEach(error -> names.add(error.path("name").asString()));
        assertThat(names).containsExactlyInAnyOrder("amount", "currency", "paymentType");
    }

    @Test
    void rejectsAMissingOrUnknownAccessTokenWith401() {
        Reply unknown = opp.as("not-a-token", opp.entityId()).pay(visaDebit());
        Reply missing = opp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        opp.baseUrl() + "v1/query/" + "0".repeat(32) + "?entityId=" + opp.entityId()))
                .GET()
                .build());

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("800.900.300");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.code()).isEqualTo("800.900.300");
    }

    @Test
    void rejectsAnEntityTheTokenMayNotUseWith403() {
        String otherEntity = sandbox.merchant("merchant-b").entityId();
        Reply reply = opp.as(sandbox.merchant().accessToken(), otherEntity).pay(visaDebit());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("800.900.301");
    }

    @Test
    void hidesOneMerchantsPaymentsFromAnother() {
        String id = opp.pay(visaDebit()).id();
        SandboxMerchant b = sandbox.merchant("merchant-b");

        Reply reply = opp.as(b.accessToken(), b.entityId()).query(id);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("700.400.580");
    }

    @ParameterizedTest
    @CsvSource({
        "card.number, 4200000000000001, 100.100.101",
        "card.number, 5454545454545454, 100.100.700",
        "card.number, '', 100.100.100",
        "card.expiryYear, 2020, 100.100.303",
        "card.expiryMonth, 13, 100.100.201",
        "card.expiryMonth, '', 100.100.200",
        "card.expiryYear, 34, 100.100.301",
        "card.cvv, 12345, 100.100.601",
        "card.holder, J, 100.100.401",
        "paymentBrand, NOTABRAND, 100.100.501",
        "currency, XXQ, 100.550.401",
        "amount, 92, 100.550.303",
        "amount, 92.001, 100.550.303",
        "amount, 0.00, 100.550.300"
    })
    void refusesInvalidCardAndAmountDataWithOppsSpecificCodes(String name, String value, String code) {
        Reply reply = opp.pay(with(visaDebit(), name, value));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().has("id")).isFalse();
    }

    @Test
    void readsTheFormBodyAsUtf8() {
        Reply reply = opp.pay(with(visaDebit(), "card.holder", "Jürgen Müller-Łukasz", "descriptor", "Café Zoë"));

        assertThat(reply.json().path("card").path("holder").asString()).isEqualTo("Jürgen Müller-Łukasz");
        assertThat(reply.json().path("descriptor").asString()).isEqualTo("Café Zoë");
    }

    @Test
    void neverEchoesAMalformedCardNumber() {
        Reply reply = opp.pay(with(visaDebit(), "card.number", "4200-0000-0000-0000"));

        assertThat(reply.code()).isEqualTo("200.300.404");
        assertThat(reply.body()).doesNotContain("4200-0000-0000-0000");
    }

    @ParameterizedTest
    @CsvSource({"JPY, 500, 500", "EUR, 92.00, 92.00", "KWD, 1.500, 1.500", "BHD, 10.250, 10.250"})
    void formatsAmountsWithTheCurrencysExponent(String currency, String amount, String expected) {
        Reply reply = opp.pay(with(visaDebit(), "currency", currency, "amount", amount));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("amount").asString()).isEqualTo(expected);
        assertThat(reply.json().path("currency").asString()).isEqualTo(currency);
    }

    @Test
    void refusesJpyAmountsWithDecimals() {
        assertThat(opp.pay(with(visaDebit(), "currency", "JPY", "amount", "500.00"))
                        .code())
                .isEqualTo("100.550.303");
    }

    @Test
    void blocksASecondPaymentWithTheSameMerchantTransactionId() {
        Map<String, String> request = visaDebit();
        Reply first = opp.pay(request);
        Reply second = opp.pay(with(request, "amount", "10.00"));

        assertThat(first.code()).isEqualTo("000.100.110");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo("800.130.100");
        assertThat(second.json().has("id")).isFalse();
        Reply query = opp.get("v1/query?entityId=" + opp.entityId() + "&merchantTransactionId="
                + request.get("merchantTransactionId"));
        assertThat(query.json().path("payments")).hasSize(1);
        assertThat(ledgerCount(request.get("merchantTransactionId"))).isEqualTo(1);
    }

    @Test
    void blocksDuplicatesAlsoWhenTheFirstPaymentWasDeclined() {
        Map<String, String> request = with(visaDebit(), "card.number", "4000000000000002");
        assertThat(opp.pay(request).code()).isEqualTo("800.100.151");

        assertThat(opp.pay(with(request, "card.number", "4200000000000000")).code())
                .isEqualTo("800.130.100");
    }

    @Test
    void allowsTheSameMerchantTransactionIdInAnotherEntity() {
        Map<String, String> request = visaDebit();
        SandboxMerchant a = sandbox.merchant();
        opp.pay(request);

        Reply other = opp.as(a.accessToken(), a.entityIds().get(1)).pay(request);

        assertThat(other.code()).isEqualTo("000.100.110");
    }

    @Test
    void recordsDeclinesAsProcessedTransactionsThatChargeNothing() {
        Map<String, String> request = with(visaDebit(), "card.number", "4000000000009995");
        Reply reply = opp.pay(request);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo("800.100.155");
        assertThat(reply.json().path("result").path("description").asString())
                .isEqualTo("transaction declined (amount exceeds credit)");
        assertThat(opp.query(reply.id()).code()).isEqualTo("800.100.155");
        assertThat(ledgerCount(request.get("merchantTransactionId"))).isZero();
    }

    @Test
    void queriesEveryTransactionOfAMerchantTransactionIdWithoutLimit() {
        Map<String, String> request = visaDebit();
        String mtx = request.get("merchantTransactionId");
        String id = opp.pay(request).id();
        opp.post(
                "v1/payments/" + id,
                Map.of("paymentType", "RF", "amount", "2.00", "currency", "EUR", "merchantTransactionId", mtx));

        for (int i = 0; i < 5; i++) {
            Reply query = opp.get("v1/query?entityId=" + opp.entityId() + "&merchantTransactionId=" + mtx);
            assertThat(query.status()).isEqualTo(200);
            assertThat(query.code()).isEqualTo("000.000.100");
            assertThat(query.json().path("payments")).hasSize(2);
            assertThat(query.json().path("payments").get(0).path("paymentType").asString())
                    .isEqualTo("DB");
            assertThat(query.json().path("payments").get(1).path("paymentType").asString())
                    .isEqualTo("RF");
            assertThat(query.json().path("payments").get(1).path("referencedId").asString())
                    .isEqualTo(id);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(opp.query(id).status()).isEqualTo(200);
        }
    }

    @Test
    void answers404ForUnknownTransactions() {
        Reply byId = opp.query("8ac7a4a1000000000000000000000000");
        Reply byMerchantId = opp.get("v1/query?entityId=" + opp.entityId() + "&merchantTransactionId=never-sent");
        Reply backOffice = opp.backOffice("8ac7a4a1000000000000000000000000", "RF", "1.00");

        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.code()).isEqualTo("700.400.580");
        assertThat(byMerchantId.status()).isEqualTo(404);
        assertThat(byMerchantId.code()).isEqualTo("700.400.580");
        assertThat(backOffice.status()).isEqualTo(404);
        assertThat(backOffice.code()).isEqualTo("700.100.100");
    }

    @Test
    void answersLiveModeSuccessCodeForMerchantsOutOfTestMode() {
        try (GatewaySandbox live = GatewaySandbox.start(Map.of("sandbox.merchants.merchant-a.test-mode", "false"))) {
            Reply reply = new OppClient(live).pay(visaDebit());

            assertThat(reply.code()).isEqualTo("000.000.000");
            assertThat(reply.json().path("result").path("description").asString())
                    .isEqualTo("Transaction succeeded");
        }
    }

    static int ledgerCount(String merchantTransactionId) {
        Reply ledger = opp.getPlain("sandbox/ledger?merchantTransactionId=" + merchantTransactionId);
        int count = 0;
        for (JsonNode entity : ledger.json().path("entities")) {
            count += entity.path("transactions").size();
        }
        return count;
    }
}

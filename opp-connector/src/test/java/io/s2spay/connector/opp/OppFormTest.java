package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.gateway.CardData;
import io.s2spay.gateway.CredentialOnFile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OppFormTest {

    private static final CardData CARD = new CardData("4200000000000000", "Jane Jones", 5, 2034, "123");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"9200, EUR, 92.00", "1, EUR, 0.01", "500, JPY, 500", "1250, KWD, 1.250", "123456789, USD, 1234567.89"})
    void writesAmountsWithTheCurrencysExponent(long minor, String currency, String expected) {
        OppForm form = OppForm.payment("entity-1", payment(minor, currency, CARD));
        assertThat(form.get("amount")).isEqualTo(expected);
        assertThat(decode(form.encode())).containsEntry("amount", expected).containsEntry("currency", currency);
    }

    @Test
    void encodesACardPaymentWithOppsParameterNames() {
        OppPaymentRequest request = new OppPaymentRequest(
                OppPaymentType.PA,
                9200,
                "EUR",
                "VISA",
                "order-1/attempt 1",
                CARD,
                true,
                CredentialOnFile.initialCit(CredentialOnFile.Type.UNSCHEDULED),
                "https://shop.example/return?order=1&x=é",
                "https://s2spay.example/webhooks/opp",
                "Shop & Co");

        Map<String, String> body = decode(
                OppForm.payment("8a8294174b7ecb28014b9699220015ca", request).encode());

        assertThat(body)
                .containsExactly(
                        Map.entry("entityId", "8a8294174b7ecb28014b9699220015ca"),
                        Map.entry("amount", "92.00"),
                        Map.entry("currency", "EUR"),
                        Map.entry("paymentBrand", "VISA"),
                        Map.entry("paymentType", "PA"),
                        Map.entry("merchantTransactionId", "order-1/attempt 1"),
                        Map.entry("card.number", "4200000000000000"),
                        Map.entry("card.holder", "Jane Jones"),
                        Map.entry("card.expiryMonth", "05"),
                        Map.entry("card.expiryYear", "2034"),
                        Map.entry("card.cvv", "123"),
                        Map.entry("createRegistration", "true"),
                        Map.entry("standingInstruction.mode", "INITIAL"),
                        Map.entry("standingInstruction.type", "UNSCHEDULED"),
                        Map.entry("standingInstruction.source", "CIT"),
                        Map.entry("shopperResultUrl", "https://shop.example/return?order=1&x=é"),
                        Map.entry("notificationUrl", "https://s2spay.example/webhooks/opp"),
                        Map.entry("descriptor", "Shop & Co"));
    }

    @Test
    void urlEncodesEveryValueSoReservedCharactersCannotInjectParameters() {
        OppPaymentRequest request = new OppPaymentRequest(
                OppPaymentType.DB, 100, "EUR", "VISA", "a&amount=0.01", CARD, false, null, null, null, null);

        String encoded = OppForm.payment("e", request).encode();

        assertThat(encoded).contains("merchantTransactionId=a%26amount%3D0.01").doesNotContain("&amount=0.01");
        assertThat(decode(encoded)).containsEntry("amount", "1.00");
    }

    @Test
    void encodesARedirectBrandPaymentWithoutCardParameters() {
        OppPaymentRequest request = new OppPaymentRequest(
                OppPaymentType.PA,
                1500,
                "EUR",
                "SOFORTUEBERWEISUNG",
                "order-2",
                null,
                false,
                null,
                "https://shop.example/return",
                null,
                null);

        Map<String, String> body = decode(OppForm.payment("e", request).encode());

        assertThat(body)
                .doesNotContainKeys("card.number", "card.cvv", "createRegistration")
                .containsEntry("paymentBrand", "SOFORTUEBERWEISUNG")
                .containsEntry("shopperResultUrl", "https://shop.example/return");
    }

    @Test
    void encodesARepeatedMerchantInitiatedPaymentOnARegistration() {
        OppPaymentRequest request = new OppPaymentRequest(
                OppPaymentType.DB,
                990,
                "EUR",
                null,
                "sub-7-2026-11",
                CARD,
                true,
                CredentialOnFile.repeatedMit(CredentialOnFile.Type.RECURRING, "8ac7a4a1-initial"),
                null,
                null,
                null);

        Map<String, String> body =
                decode(OppForm.registrationPayment("e", request).encode());

        // stored card data is used: no card parameters and no new registration, whatever the request carried
        assertThat(body)
                .doesNotContainKeys("card.number", "card.cvv", "createRegistration", "paymentBrand")
                .containsEntry("paymentType", "DB")
                .containsEntry("amount", "9.90")
                .containsEntry("standingInstruction.mode", "REPEATED")
                .containsEntry("standingInstruction.type", "RECURRING")
                .containsEntry("standingInstruction.source", "MIT")
                .containsEntry("standingInstruction.initialTransactionId", "8ac7a4a1-initial");
    }

    @Test
    void encodesBackOfficeOperations() {
        assertThat(decode(OppForm.backOffice("e", OppBackOfficeRequest.of(OppPaymentType.RF, 4550, "EUR", "rf-1"))
                        .encode()))
                .containsExactly(
                        Map.entry("entityId", "e"),
                        Map.entry("amount", "45.50"),
                        Map.entry("currency", "EUR"),
                        Map.entry("paymentType", "RF"),
                        Map.entry("merchantTransactionId", "rf-1"));
        assertThat(decode(OppForm.backOffice("e", OppBackOfficeRequest.reversal("rv-1"))
                        .encode()))
                .containsExactly(
                        Map.entry("entityId", "e"),
                        Map.entry("paymentType", "RV"),
                        Map.entry("merchantTransactionId", "rv-1"));
    }

    @Test
    void hidesCardDataWhenPrinted() {
        OppForm form = OppForm.payment("e", payment(9200, "EUR", CARD));

        assertThat(form.toString())
                .doesNotContain("4200000000000000")
                .doesNotContain("123,")
                .contains("card.number=***", "card.cvv=***", "card.expiryYear=2034");
    }

    @Test
    void refusesRequestsOppWouldRefuseAnyway() {
        assertThatThrownBy(() -> payment(0, "EUR", CARD)).hasMessageContaining("greater than zero");
        assertThatThrownBy(() -> payment(100, "eur", CARD)).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> new OppPaymentRequest(
                        OppPaymentType.CP, 1, "EUR", "VISA", "m", CARD, false, null, null, null, null))
                .hasMessageContaining("PA or DB");
        assertThatThrownBy(() -> new OppBackOfficeRequest(OppPaymentType.RF, null, null, "m"))
                .hasMessageContaining("RF needs an amount");
        assertThatThrownBy(() -> new OppBackOfficeRequest(OppPaymentType.PA, 1L, "EUR", "m"))
                .hasMessageContaining("back-office");
        assertThatThrownBy(() -> OppForm.payment("e", payment(100, "XAU", CARD)))
                .hasMessageContaining("XAU");
    }

    private static OppPaymentRequest payment(long minor, String currency, CardData card) {
        return new OppPaymentRequest(
                OppPaymentType.DB, minor, currency, "VISA", "m-1", card, false, null, null, null, null);
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(
                    URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}

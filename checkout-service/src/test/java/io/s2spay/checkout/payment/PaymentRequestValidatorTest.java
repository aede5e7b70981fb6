package io.s2spay.checkout.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.s2spay.checkout.web.FieldError;
import io.s2spay.checkout.web.InvalidRequestException;
import io.s2spay.schema.PaymentType;
import io.s2spay.vault.CardDetails;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PaymentRequestValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAN = "4200000000000000";

    /** 15 March 2026: cards expiring 03/2026 are still valid, 02/2026 have expired. */
    private final PaymentRequestValidator validator =
            new PaymentRequestValidator(Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void acceptsAValidDebit() {
        ValidatedPayment payment = validator.validate(body(valid()));

        assertThat(payment)
                .isEqualTo(new ValidatedPayment(
                        PaymentType.DB,
                        9200,
                        "EUR",
                        "VISA",
                        new CardDetails(PAN, "Jane Jones", 5, 2034, "123"),
                        "order-10001",
                        null,
                        "https://shop.example/return",
                        false,
                        null,
                        null));
    }

    @Test
    void requiresTheShopperResultUrlOfEveryCustomerInitiatedPayment() {
        Map<String, Object> request = valid();
        request.remove("shopperResultUrl");

        assertSingleError(request, "shopperResultUrl", "is required");
    }

    @Test
    void acceptsABankTransferWithoutACard() {
        Map<String, Object> request = valid();
        request.remove("card");
        request.put("paymentBrand", "SOFORTUEBERWEISUNG");

        ValidatedPayment payment = validator.validate(body(request));

        assertThat(payment.paymentBrand()).isEqualTo("SOFORTUEBERWEISUNG");
        assertThat(payment.card()).isNull();
        assertThat(payment.shopperResultUrl()).isEqualTo("https://shop.example/return");
    }

    @Test
    void refusesACardForABankTransferAndATypeTheBrandDoesNotAllow() {
        Map<String, Object> withCard = valid();
        withCard.put("paymentBrand", "GIROPAY");
        assertSingleError(withCard, "card", "bank transfer");

        Map<String, Object> giropayPreauthorization = valid();
        giropayPreauthorization.remove("card");
        giropayPreauthorization.put("paymentBrand", "GIROPAY");
        giropayPreauthorization.put("paymentType", "PA");
        InvalidRequestException e = catchThrowableOfType(
                InvalidRequestException.class, () -> validator.validate(body(giropayPreauthorization)));
        assertThat(e.errors()).extracting(FieldError::field).contains("paymentType");
    }

    @Test
    void storeCardDefaultsToAnUnscheduledAgreement() {
        Map<String, Object> request = valid();
        request.put("storeCard", true);

        ValidatedPayment payment = validator.validate(body(request));

        assertThat(payment.storeCard()).isTrue();
        assertThat(payment.storedCredentialType()).isEqualTo("UNSCHEDULED");
        assertThat(payment.merchantInitiated()).isFalse();
    }

    @Test
    void chargesAStoredCredentialWithoutCardOrReturnUrl() {
        Map<String, Object> request = valid();
        request.remove("card");
        request.remove("shopperResultUrl");
        request.remove("paymentBrand");
        request.put("storedCredentialId", "8ac7a4a18f0b2a3c8ac7a4a18f0b2a3c");

        ValidatedPayment payment = validator.validate(body(request));

        assertThat(payment.merchantInitiated()).isTrue();
        assertThat(payment.card()).isNull();
        assertThat(payment.shopperResultUrl()).isNull();
    }

    @Test
    void refusesCardDataOrAReturnUrlWithAStoredCredential() {
        Map<String, Object> request = valid();
        request.put("storedCredentialId", "8ac7a4a18f0b2a3c8ac7a4a18f0b2a3c");

        InvalidRequestException e =
                catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(body(request)));

        assertThat(e.errors()).extracting(FieldError::field).contains("card", "shopperResultUrl");
        assertThat(e.errors().toString()).doesNotContain(PAN);
    }

    /** The stored-card ids of the tokens API (saved card) and of the orders API (CTOKEN), as the sandbox makes them. */
    @ParameterizedTest
    @ValueSource(strings = {"pm_0123456789abcdef01234567", "ctok_0123456789abcdef0123456789abcdef"})
    void acceptsAStoredCredentialIdOfAnotherGatewayFamily(String id) {
        Map<String, Object> request = valid();
        request.remove("card");
        request.remove("shopperResultUrl");
        request.put("storedCredentialId", id);

        ValidatedPayment payment = validator.validate(body(request));

        assertThat(payment.merchantInitiated()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8AC7A4A18F0B2A3C8AC7A4A18F0B2A3C",
                "short",
                "8ac7a4a18f0b2a3c8ac7a4a18f0b2a3c00",
                "pm_",
                "PM_0123456789abcdef01234567",
                "pm_01234567/../x"
            })
    void refusesAMalformedStoredCredentialId(String id) {
        Map<String, Object> request = valid();
        request.remove("card");
        request.remove("shopperResultUrl");
        request.put("storedCredentialId", id);

        assertSingleError(request, "storedCredentialId", "");
    }

    @Test
    void acceptsAPreAuthorizationWithDescriptorAndShopperResultUrl() {
        Map<String, Object> request = valid();
        request.put("paymentType", "PA");
        request.put("descriptor", "Shop 4711 order 10001");
        request.put("shopperResultUrl", "https://shop.example/return?order=10001");

        ValidatedPayment payment = validator.validate(body(request));

        assertThat(payment.paymentType()).isEqualTo(PaymentType.PA);
        assertThat(payment.descriptor()).isEqualTo("Shop 4711 order 10001");
        assertThat(payment.shopperResultUrl()).isEqualTo("https://shop.example/return?order=10001");
    }

    @ParameterizedTest
    @CsvSource({"500,JPY,500", "1.250,KWD,1250", "0.01,EUR,1", "92.00,EUR,9200", "999999999.99,USD,99999999999"})
    void parsesAmountsWithTheCurrencysExponent(String amount, String currency, long minorUnits) {
        Map<String, Object> request = valid();
        request.put("amount", amount);
        request.put("currency", currency);

        assertThat(validator.validate(body(request)).amountMinor()).isEqualTo(minorUnits);
    }

    @Test
    void rejectsAnAmountWithTooFewFractionDigits() {
        assertSingleError(with("amount", "92.5"), "amount", "exactly 2 digits after the decimal point for EUR");
    }

    @Test
    void rejectsAnAmountWithFractionDigitsForJapaneseYen() {
        Map<String, Object> request = valid();
        request.put("amount", "500.00");
        request.put("currency", "JPY");

        assertSingleError(request, "amount", "exactly 0 digits after the decimal point for JPY");
    }

    @Test
    void rejectsAnAmountInExponentNotation() {
        assertSingleError(with("amount", "1e3"), "amount", "plain decimal number");
    }

    @Test
    void rejectsANegativeAmount() {
        assertSingleError(with("amount", "-92.00"), "amount", "greater than zero, not negative");
    }

    @Test
    void rejectsAZeroAmount() {
        assertSingleError(with("amount", "0.00"), "amount", "greater than zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"92,00", " 92.00", "92.00 ", "+92.00", "1,000.00", "92.", ".50", "0x10", "NaN", "Infinity"})
    void rejectsAmountsThatAreNotPlainDecimals(String amount) {
        assertSingleError(with("amount", amount), "amount", "");
    }

    @Test
    void rejectsAnAmountSentAsAJsonNumber() {
        assertSingleError(with("amount", 92.00), "amount", "must be a JSON string");
    }

    @Test
    void rejectsAnUnknownCurrency() {
        assertSingleError(with("currency", "XYZ"), "currency", "'XYZ' is not an ISO 4217 currency");
    }

    @Test
    void rejectsALowerCaseCurrency() {
        assertSingleError(with("currency", "eur"), "currency", "three upper-case letters");
    }

    @Test
    void rejectsACurrencyWithoutMinorUnits() {
        assertSingleError(with("currency", "XAU"), "currency", "not a currency payments can be made in");
    }

    @Test
    void rejectsAnExpiredCard() {
        Map<String, Object> request = valid();
        card(request).put("expiryMonth", "02");
        card(request).put("expiryYear", "2026");

        assertSingleError(request, "card.expiryYear", "expired at the end of 02/2026");
    }

    @Test
    void acceptsACardExpiringThisMonth() {
        Map<String, Object> request = valid();
        card(request).put("expiryMonth", "03");
        card(request).put("expiryYear", "2026");

        assertThat(validator.validate(body(request)).card().expiryMonth()).isEqualTo(3);
    }

    @Test
    void rejectsAnExpiryTooFarAhead() {
        Map<String, Object> request = valid();
        card(request).put("expiryYear", "2099");

        assertSingleError(request, "card.expiryYear", "at most 20 years ahead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "13", "00", "1a", "012"})
    void rejectsAnInvalidExpiryMonth(String month) {
        Map<String, Object> request = valid();
        card(request).put("expiryMonth", month);

        assertSingleError(request, "card.expiryMonth", "two digits from \"01\" to \"12\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"34", "2O34", "20344"})
    void rejectsAnInvalidExpiryYear(String year) {
        Map<String, Object> request = valid();
        card(request).put("expiryYear", year);

        assertSingleError(request, "card.expiryYear", "four digits");
    }

    @Test
    void rejectsACardNumberFailingTheLuhnCheckShowingItMasked() {
        Map<String, Object> request = valid();
        card(request).put("number", "4200000000000001");

        FieldError error = assertSingleError(request, "card.number", "Luhn check failed");
        assertThat(error.message()).contains("420000******0001").doesNotContain("4200000000000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4200 0000 0000 0000", "4200-0000-0000-0000", "42000000000", "42000000000000000000", "abc"})
    void rejectsACardNumberThatIsNotTwelveToNineteenDigits(String number) {
        Map<String, Object> request = valid();
        card(request).put("number", number);

        FieldError error = assertSingleError(request, "card.number", "12 to 19 digits");
        assertThat(error.message()).doesNotContain(number);
    }

    @Test
    void rejectsABrandThatDoesNotMatchTheCardNumber() {
        Map<String, Object> request = valid();
        request.put("paymentBrand", "MASTER");

        FieldError error = assertSingleError(request, "paymentBrand", "is a VISA card");
        assertThat(error.message()).contains("420000******0000").doesNotContain(PAN);
    }

    @Test
    void rejectsAnUnsupportedBrand() {
        assertSingleError(
                with("paymentBrand", "PAYPAL"), "paymentBrand", "bank transfers [GIROPAY, SOFORTUEBERWEISUNG]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "1234", "12a", ""})
    void rejectsACvvThatIsNotThreeDigits(String cvv) {
        Map<String, Object> request = valid();
        card(request).put("cvv", cvv);

        FieldError error = assertSingleError(request, "card.cvv", "");
        assertThat(error.message()).doesNotContain(cvv.isEmpty() ? "\u0000" : cvv);
    }

    @Test
    void requiresFourDigitCvvForAmex() {
        Map<String, Object> request = valid();
        request.put("paymentBrand", "AMEX");
        card(request).put("number", "378282246310005");
        card(request).put("cvv", "123");

        assertSingleError(request, "card.cvv", "must be 4 digits for AMEX cards");
    }

    @Test
    void acceptsAFourDigitCvvForAmex() {
        Map<String, Object> request = valid();
        request.put("paymentBrand", "AMEX");
        card(request).put("number", "378282246310005");
        card(request).put("cvv", "1234");

        assertThat(validator.validate(body(request)).card().cvv()).isEqualTo("1234");
    }

    @Test
    void rejectsAnUnknownPaymentType() {
        assertSingleError(with("paymentType", "CP"), "paymentType", "DB (debit) or PA (pre-authorization)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"paymentType", "amount", "currency", "paymentBrand", "card", "merchantTransactionId"})
    void requiresEveryMandatoryField(String field) {
        Map<String, Object> request = valid();
        request.remove(field);

        assertSingleError(request, field, "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"number", "holder", "expiryMonth", "expiryYear", "cvv"})
    void requiresEveryCardField(String field) {
        Map<String, Object> request = valid();
        card(request).remove(field);

        assertSingleError(request, "card." + field, "is required");
    }

    @Test
    void treatsNullAsMissing() {
        assertSingleError(with("currency", null), "currency", "is required");
    }

    @Test
    void rejectsAMerchantTransactionIdWithSpaces() {
        assertSingleError(with("merchantTransactionId", "order 1"), "merchantTransactionId", "no spaces");
    }

    @Test
    void rejectsAMerchantTransactionIdLongerThan255Characters() {
        assertSingleError(with("merchantTransactionId", "x".repeat(256)), "merchantTransactionId", "1 to 255");
    }

    @Test
    void acceptsAMerchantTransactionIdOf255Characters() {
        assertThat(validator
                        .validate(body(with("merchantTransactionId", "x".repeat(255))))
                        .merchantTransactionId())
                .hasSize(255);
    }

    @Test
    void rejectsAShopperResultUrlThatIsNotHttp() {
        assertSingleError(
                with("shopperResultUrl", "javascript:alert(1)"), "shopperResultUrl", "absolute http or https");
    }

    @Test
    void rejectsADescriptorLongerThan127Characters() {
        assertSingleError(with("descriptor", "d".repeat(128)), "descriptor", "1 to 127 characters");
    }

    @Test
    void rejectsAHolderWithControlCharacters() {
        Map<String, Object> request = valid();
        card(request).put("holder", "Jane\nJones");

        assertSingleError(request, "card.holder", "no control characters");
    }

    @Test
    void rejectsUnknownFieldsAtEveryLevel() {
        Map<String, Object> request = valid();
        request.put("ammount", "92.00");
        card(request).put("pin", "1234");

        InvalidRequestException e = reject(request);

        assertThat(e.errors())
                .containsExactly(
                        new FieldError("ammount", "unknown field"), new FieldError("card.pin", "unknown field"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        Map<String, Object> request = valid();
        request.put("amount", "92.5");
        request.put("currency", "EUR");
        card(request).put("number", "4200000000000001");
        card(request).put("cvv", "1");

        assertThat(reject(request).errors())
                .extracting(FieldError::field)
                .containsExactly("amount", "card.number", "card.cvv");
    }

    @Test
    void rejectsMalformedJsonWithoutQuotingIt() {
        byte[] body = "{\"card\":{\"number\":4200000000000000x}}".getBytes(StandardCharsets.UTF_8);

        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(body));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message())
                    .contains("not valid JSON")
                    .contains("line 1")
                    .doesNotContain("420000");
        });
    }

    @Test
    void rejectsADuplicatedField() {
        byte[] body = "{\"amount\":\"1.00\",\"amount\":\"900.00\"}".getBytes(StandardCharsets.UTF_8);

        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(body));

        assertThat(e.errors())
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("same field twice");
    }

    @Test
    void rejectsAnEmptyBody() {
        InvalidRequestException e =
                catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(new byte[0]));

        assertThat(e.errors()).containsExactly(new FieldError("body", "the request body is required: a JSON object"));
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        InvalidRequestException e = catchThrowableOfType(
                InvalidRequestException.class, () -> validator.validate("[1,2]".getBytes(StandardCharsets.UTF_8)));

        assertThat(e.errors())
                .singleElement()
                .extracting(FieldError::message)
                .asString()
                .contains("JSON object");
    }

    @Test
    void neverEchoesTheCardNumberHolderOrCvvInAnyMessage() {
        Map<String, Object> request = valid();
        request.put("amount", PAN);
        request.put("paymentType", PAN);
        request.put("paymentBrand", PAN);
        request.put("merchantTransactionId", PAN + " ");
        card(request).put("cvv", "98x");
        card(request).put("expiryYear", PAN);

        InvalidRequestException e = reject(request);

        assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(e.errors()).allSatisfy(error -> assertThat(error.message()).doesNotContain(PAN, "98x", "Jane"));
    }

    private FieldError assertSingleError(Map<String, Object> request, String field, String messagePart) {
        InvalidRequestException e = reject(request);
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains(messagePart);
        });
        return e.errors().getFirst();
    }

    private InvalidRequestException reject(Map<String, Object> request) {
        InvalidRequestException e =
                catchThrowableOfType(InvalidRequestException.class, () -> validator.validate(body(request)));
        assertThat(e).as("the request should have been rejected").isNotNull();
        return e;
    }

    static Map<String, Object> valid() {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", PAN);
        card.put("holder", "Jane Jones");
        card.put("expiryMonth", "05");
        card.put("expiryYear", "2034");
        card.put("cvv", "123");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("paymentType", "DB");
        request.put("amount", "92.00");
        request.put("currency", "EUR");
        request.put("paymentBrand", "VISA");
        request.put("card", card);
        request.put("merchantTransactionId", "order-10001");
        request.put("shopperResultUrl", "https://shop.example/return");
        return request;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> request = valid();
        request.put(field, value);
        return request;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> card(Map<String, Object> request) {
        return (Map<String, Object>) request.get("card");
    }

    private static byte[] body(Map<String, Object> request) {
        return JSON.writeValueAsBytes(request);
    }
}

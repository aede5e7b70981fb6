package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.schema.CardSummary;
import io.s2spay.schema.PaymentType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentCommandValidatorTest {

    private static final String SHOP = "https://shop.example/return";

    private final PaymentCommandValidator validator =
            new PaymentCommandValidator(merchantId -> merchantId.equals("merchant-demo"));

    private static PaymentInstruction debit(long amountMinor, String currency) {
        return new PaymentInstruction(
                "msg-1",
                "pay-1",
                "merchant-demo",
                "corr-1",
                PaymentType.DB,
                amountMinor,
                currency,
                "VISA",
                "order-1",
                "card_1",
                new CardSummary("420000", "0000", "VISA", 12, 2030),
                null,
                false,
                null,
                null,
                null);
    }

    private static PaymentInstruction with(
            PaymentInstruction c,
            String brand,
            String merchantTransactionId,
            String vaultId,
            CardSummary card,
            String registrationId,
            String merchantId) {
        return new PaymentInstruction(
                c.messageId(),
                c.paymentId(),
                merchantId,
                c.correlationId(),
                c.paymentType(),
                c.amountMinor(),
                c.currency(),
                brand,
                merchantTransactionId,
                vaultId,
                card,
                registrationId,
                c.createRegistration(),
                c.standingInstruction(),
                c.shopperResultUrl(),
                c.descriptor());
    }

    private Optional<PaymentRejectionReason> reasonFor(PaymentInstruction command) {
        return validator.validate(command).map(CommandRejection::reasonCode);
    }

    @Test
    void acceptsAValidCardDebit() {
        assertThat(validator.validate(debit(9200, "EUR"))).isEmpty();
    }

    @Test
    void acceptsAValidRegistrationDebit() {
        PaymentInstruction c = debit(500, "JPY");
        assertThat(validator.validate(with(c, "VISA", "order-1", null, null, "8ac7a4a1registration", "merchant-demo")))
                .isEmpty();
    }

    @Test
    void rejectsZeroAndNegativeAmounts() {
        assertThat(reasonFor(debit(0, "EUR"))).contains(PaymentRejectionReason.INVALID_AMOUNT);
        assertThat(reasonFor(debit(-100, "EUR"))).contains(PaymentRejectionReason.INVALID_AMOUNT);
        assertThat(validator.validate(debit(-100, "EUR")).orElseThrow().reason())
                .contains("-100");
    }

    @Test
    void rejectsAmountsAboveTheMaximum() {
        assertThat(reasonFor(debit(1_000_000_000_000L, "EUR"))).contains(PaymentRejectionReason.INVALID_AMOUNT);
    }

    @Test
    void rejectsUnknownAndMalformedCurrencies() {
        assertThat(reasonFor(debit(100, "EUX"))).contains(PaymentRejectionReason.INVALID_CURRENCY);
        assertThat(reasonFor(debit(100, "eur"))).contains(PaymentRejectionReason.INVALID_CURRENCY);
        assertThat(reasonFor(debit(100, "XAU"))).contains(PaymentRejectionReason.INVALID_CURRENCY);
        assertThat(reasonFor(debit(100, null))).contains(PaymentRejectionReason.INVALID_CURRENCY);
    }

    @Test
    void rejectsAMissingOrMalformedBrand() {
        PaymentInstruction c = debit(100, "EUR");
        assertThat(reasonFor(with(c, null, "order-1", "card_1", c.card(), null, "merchant-demo")))
                .contains(PaymentRejectionReason.INVALID_PAYMENT_BRAND);
        assertThat(reasonFor(with(c, "visa card", "order-1", "card_1", c.card(), null, "merchant-demo")))
                .contains(PaymentRejectionReason.INVALID_PAYMENT_BRAND);
    }

    @Test
    void rejectsBlankOverlongOrControlCharacterMerchantTransactionIds() {
        PaymentInstruction c = debit(100, "EUR");
        for (String bad : new String[] {null, "", "  ", " order", "a".repeat(256), "order\n1"}) {
            assertThat(reasonFor(with(c, "VISA", bad, "card_1", c.card(), null, "merchant-demo")))
                    .as("merchantTransactionId %s", bad)
                    .contains(PaymentRejectionReason.INVALID_MERCHANT_TRANSACTION_ID);
        }
        assertThat(reasonFor(with(c, "VISA", "a".repeat(255), "card_1", c.card(), null, "merchant-demo")))
                .isEmpty();
    }

    @Test
    void rejectsACommandWithoutCardOrRegistration() {
        PaymentInstruction c = debit(100, "EUR");
        assertThat(reasonFor(with(c, "VISA", "order-1", null, null, null, "merchant-demo")))
                .contains(PaymentRejectionReason.MISSING_PAYMENT_INSTRUMENT);
        assertThat(reasonFor(with(c, "VISA", "order-1", null, null, " ", "merchant-demo")))
                .contains(PaymentRejectionReason.MISSING_PAYMENT_INSTRUMENT);
    }

    @Test
    void rejectsACommandWithBothCardAndRegistration() {
        PaymentInstruction c = debit(100, "EUR");
        assertThat(reasonFor(with(c, "VISA", "order-1", "card_1", c.card(), "reg-1", "merchant-demo")))
                .contains(PaymentRejectionReason.AMBIGUOUS_PAYMENT_INSTRUMENT);
    }

    @Test
    void rejectsAnIncompleteCardReference() {
        PaymentInstruction c = debit(100, "EUR");
        assertThat(reasonFor(with(c, "VISA", "order-1", " ", c.card(), null, "merchant-demo")))
                .contains(PaymentRejectionReason.INVALID_CARD_REFERENCE);
        assertThat(reasonFor(with(c, "VISA", "order-1", "card_1", null, null, "merchant-demo")))
                .contains(PaymentRejectionReason.INVALID_CARD_REFERENCE);
        assertThat(reasonFor(with(
                        c,
                        "VISA",
                        "order-1",
                        "card_1",
                        new CardSummary("420000", "0000", "VISA", 13, 2030),
                        null,
                        "merchant-demo")))
                .contains(PaymentRejectionReason.INVALID_CARD_REFERENCE);
        assertThat(reasonFor(with(
                        c,
                        "VISA",
                        "order-1",
                        "card_1",
                        new CardSummary("4200000000000000", "0000", "VISA", 12, 2030),
                        null,
                        "merchant-demo")))
                .contains(PaymentRejectionReason.INVALID_CARD_REFERENCE);
    }

    private static PaymentInstruction bankTransfer(PaymentType type, String brand, String shopperResultUrl) {
        return new PaymentInstruction(
                "msg-1",
                "pay-1",
                "merchant-demo",
                "corr-1",
                type,
                1000,
                "EUR",
                brand,
                "order-1",
                null,
                null,
                null,
                false,
                null,
                shopperResultUrl,
                null);
    }

    @Test
    void acceptsBankTransfersWithoutInstrumentForThePaymentTypesTheirBrandAllows() {
        assertThat(validator.validate(bankTransfer(PaymentType.PA, "SOFORTUEBERWEISUNG", SHOP)))
                .isEmpty();
        assertThat(validator.validate(bankTransfer(PaymentType.DB, "SOFORTUEBERWEISUNG", SHOP)))
                .isEmpty();
        assertThat(validator.validate(bankTransfer(PaymentType.DB, "GIROPAY", SHOP)))
                .isEmpty();
    }

    @Test
    void rejectsAPaymentTypeTheBrandDoesNotAllow() {
        Optional<CommandRejection> rejection = validator.validate(bankTransfer(PaymentType.PA, "GIROPAY", SHOP));
        assertThat(rejection.map(CommandRejection::reasonCode))
                .contains(PaymentRejectionReason.PAYMENT_TYPE_NOT_ALLOWED_FOR_BRAND);
        assertThat(rejection.orElseThrow().reason()).contains("GIROPAY").contains("DB");
    }

    @Test
    void rejectsABankTransferWithCardRegistrationOrStorage() {
        PaymentInstruction b = bankTransfer(PaymentType.DB, "GIROPAY", SHOP);
        CardSummary card = new CardSummary("420000", "0000", "VISA", 12, 2030);
        assertThat(reasonFor(with(b, "GIROPAY", "order-1", "card_1", card, null, "merchant-demo")))
                .contains(PaymentRejectionReason.INSTRUMENT_NOT_ALLOWED_FOR_BRAND);
        assertThat(reasonFor(with(b, "SOFORTUEBERWEISUNG", "order-1", null, null, "reg-1", "merchant-demo")))
                .contains(PaymentRejectionReason.INSTRUMENT_NOT_ALLOWED_FOR_BRAND);
        PaymentInstruction storing = new PaymentInstruction(
                "msg-1",
                "pay-1",
                "merchant-demo",
                "corr-1",
                PaymentType.DB,
                1000,
                "EUR",
                "GIROPAY",
                "order-1",
                null,
                null,
                null,
                true,
                null,
                SHOP,
                null);
        assertThat(reasonFor(storing)).contains(PaymentRejectionReason.INSTRUMENT_NOT_ALLOWED_FOR_BRAND);
    }

    @Test
    void rejectsABankTransferWithoutShopperResultUrl() {
        assertThat(reasonFor(bankTransfer(PaymentType.DB, "GIROPAY", null)))
                .contains(PaymentRejectionReason.MISSING_SHOPPER_RESULT_URL);
        assertThat(reasonFor(bankTransfer(PaymentType.PA, "SOFORTUEBERWEISUNG", " ")))
                .contains(PaymentRejectionReason.MISSING_SHOPPER_RESULT_URL);
    }

    @Test
    void rejectsAShopperResultUrlThatIsNotAnAbsoluteHttpUrl() {
        for (String bad : new String[] {
            "shop.example/return",
            "javascript:alert(1)",
            "ftp://shop.example/r",
            "https://shop.example/" + "a".repeat(2048),
            "https://shop example/"
        }) {
            assertThat(reasonFor(bankTransfer(PaymentType.DB, "GIROPAY", bad)))
                    .as(bad)
                    .contains(PaymentRejectionReason.INVALID_SHOPPER_RESULT_URL);
        }
        assertThat(reasonFor(bankTransfer(PaymentType.DB, "GIROPAY", "http://127.0.0.1:8080/return?order=1")))
                .isEmpty();
    }

    @Test
    void rejectsABrandOutsideTheBrandTable() {
        PaymentInstruction c = debit(100, "EUR");
        Optional<CommandRejection> rejection =
                validator.validate(with(c, "PAYPAL", "order-1", "card_1", c.card(), null, "merchant-demo"));
        assertThat(rejection.map(CommandRejection::reasonCode)).contains(PaymentRejectionReason.INVALID_PAYMENT_BRAND);
        assertThat(rejection.orElseThrow().reason())
                .contains("PAYPAL")
                .contains("GIROPAY")
                .contains("VISA");
    }

    @Test
    void rejectsAMerchantWithoutGatewayAccount() {
        PaymentInstruction c = debit(100, "EUR");
        Optional<CommandRejection> rejection =
                validator.validate(with(c, "VISA", "order-1", "card_1", c.card(), null, "merchant-unknown"));
        assertThat(rejection.map(CommandRejection::reasonCode))
                .contains(PaymentRejectionReason.UNKNOWN_MERCHANT_ACCOUNT);
        assertThat(rejection.orElseThrow().reason()).contains("merchant-unknown");
    }
}

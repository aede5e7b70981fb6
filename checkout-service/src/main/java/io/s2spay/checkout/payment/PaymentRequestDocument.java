package io.s2spay.checkout.payment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The request body of {@code POST /v1/payments} as the OpenAPI document describes it; requests are read and
 * checked by {@link PaymentRequestValidator}, which this type only documents.
 */
@Schema(name = "PaymentRequest")
record PaymentRequestDocument(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"DB", "PA"})
        String paymentType,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "92.00",
                description = "Decimal string with exactly the currency's ISO 4217 exponent digits")
        String amount,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR")
        String currency,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "VISA",
                allowableValues = {"AMEX", "DINERS", "DISCOVER", "JCB", "MAESTRO", "MASTER", "VISA"})
        String paymentBrand,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Card card,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                maxLength = 255,
                example = "order-10001",
                pattern = "[A-Za-z0-9._:/#+@\\-]{1,255}")
        String merchantTransactionId,

        @Schema(maxLength = 127) String descriptor,

        @Schema(maxLength = 2048, example = "https://shop.example/return")
        String shopperResultUrl) {

    /** The card as the shopper entered it. */
    @Schema(name = "PaymentRequestCard")
    record Card(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "12 to 19 digits")
            String number,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Jane Jones")
            String holder,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "05")
            String expiryMonth,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2034")
            String expiryYear,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "123")
            String cvv) {

        @Override
        public String toString() {
            return "Card[masked]";
        }
    }
}

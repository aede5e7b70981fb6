package io.s2spay.checkout.payment;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of an operation on a payment, for the OpenAPI document (the validator reads the raw JSON). */
@Schema(
        name = "OperationRequest",
        description = "Every field is optional except amount for a rebill; no other field " + "is accepted.")
record OperationRequestDocument(
        @Schema(
                description = "In the payment's currency with its ISO 4217 decimals, e.g. 10.00; omitted: the whole "
                        + "amount the operation may move. A reversal takes none, a rebill needs one.",
                example = "10.00")
        String amount,

        @Schema(description = "Must be the payment's currency if sent", example = "EUR")
        String currency,

        @Schema(description = "The merchant's own reference, shown with the operation", example = "refund-4711")
        String reference) {}

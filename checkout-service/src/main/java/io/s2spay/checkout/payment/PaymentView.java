package io.s2spay.checkout.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/** A payment as the API shows it (the body of {@code POST} and {@code GET /v1/payments}); never the card itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentView(
        String id,
        String paymentType,
        String status,
        String amount,
        String currency,
        String paymentBrand,
        String merchantTransactionId,
        String descriptor,
        Card card,
        Result result,
        String gatewayTransactionId,
        Redirect redirect,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    /** The card as card rules allow it to be shown. */
    record Card(String bin, String last4Digits, String brand, String expiryMonth, String expiryYear) {}

    /** The gateway's own result code and description. */
    record Result(String code, String description) {}

    /** Where to send the shopper to complete the payment ({@code requires_action}). */
    record Redirect(String url, String method, Map<String, String> parameters) {}
}

package io.s2spay.checkout.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An operation on a payment as the API shows it.
 *
 * @param status {@code pending} (sent, no outcome yet), {@code succeeded}, {@code failed} (the gateway refused it
 *     or could not be reached; nothing was done), {@code rejected} (a balance rule refused it; nothing was sent)
 * @param origin {@code api} (this API), {@code kafka} (another system's command), {@code gateway} (the bank)
 * @param rejection why it was rejected or failed, with s2spay's code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OperationView(
        String id,
        String paymentId,
        String type,
        String status,
        String amount,
        String currency,
        String reference,
        String origin,
        PaymentView.Result result,
        String gatewayTransactionId,
        Rejection rejection,
        Instant createdAt,
        Instant updatedAt) {

    /** The reason code ({@code amount_exceeds_refundable}) and its explanation. */
    record Rejection(String code, String reason) {}
}

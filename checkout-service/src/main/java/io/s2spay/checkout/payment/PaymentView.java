package io.s2spay.checkout.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A payment as the API shows it (the body of {@code POST} and {@code GET /v1/payments}, and of webhooks); never
 * the card itself.
 *
 * @param status the lifecycle status ({@link LifecycleStatus}), e.g. {@code partially_refunded}
 * @param amounts what was authorized, captured, refunded and charged back, once the payment succeeded (or awaits
 *     its receipt)
 * @param operations every operation on the payment, oldest first; left out of lists
 * @param gateway the gateway account that processed the payment, once an event named one
 */
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
        Gateway gateway,
        Redirect redirect,
        String failureReason,
        Amounts amounts,
        StoredCredential storedCredential,
        List<OperationView> operations,
        Instant createdAt,
        Instant updatedAt) {

    /** The card as card rules allow it to be shown. */
    record Card(String bin, String last4Digits, String brand, String expiryMonth, String expiryYear) {}

    /** The gateway's own result code and description. */
    record Result(String code, String description) {}

    /** A gateway account: the family ({@code opp}, {@code tokens}, {@code orders}) and s2spay's key of the account. */
    record Gateway(String gateway, String account) {}

    /** Where to send the shopper to complete the payment ({@code requires_action}). */
    record Redirect(String url, String method, Map<String, String> parameters) {}

    /**
     * The payment's money in the currency's major units: authorized (reserved or taken at once), captured (taken:
     * captures, debit, receipt, rebills), refunded, charged back (open chargebacks), and the net the merchant keeps.
     */
    record Amounts(String authorized, String captured, String refunded, String chargedBack, String net) {}

    /** The stored card this payment created or charged. */
    record StoredCredential(String id, String type) {}
}

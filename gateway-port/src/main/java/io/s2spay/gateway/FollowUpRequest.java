package io.s2spay.gateway;

import io.s2spay.domain.lifecycle.TransactionType;

/**
 * An operation on an existing payment: CP, RV, RF, RB, CB, CR or RC.
 *
 * @param gatewayPaymentId      the gateway's id of the payment operated on
 * @param amountMinor           amount in minor units; null only for a reversal (RV) or a receipt (RC) of the whole
 *                              payment
 * @param currency              ISO 4217 code, required with an amount
 * @param merchantTransactionId this operation's own unique reference (not the payment's): it is how an UNKNOWN
 *                              outcome of the operation is resolved
 */
public record FollowUpRequest(
        TransactionType type,
        String gatewayPaymentId,
        Long amountMinor,
        String currency,
        String merchantTransactionId) {

    public FollowUpRequest {
        if (type == null || type.isInitial()) {
            throw new IllegalArgumentException(
                    "an operation on a payment is CP, RV, RF, RB, CB, CR or RC, not " + type);
        }
        if (gatewayPaymentId == null || gatewayPaymentId.isBlank()) {
            throw new IllegalArgumentException("the gateway's id of the payment is required");
        }
        if (amountMinor == null && type != TransactionType.RV && type != TransactionType.RC) {
            throw new IllegalArgumentException(type + " needs an amount");
        }
        if (amountMinor != null && amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be greater than zero");
        }
        if (amountMinor != null && (currency == null || !currency.matches("[A-Z]{3}"))) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        GatewayReferences.requireMerchantTransactionId(merchantTransactionId);
    }
}

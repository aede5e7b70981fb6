package io.s2spay.backoffice.operation;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.routing.GatewayAccount;
import java.time.Instant;

/**
 * One back-office operation on a payment, as recorded in {@code backoffice_operation}.
 *
 * @param amountMinor the amount sent to the gateway (resolved from the balance when the command gave none)
 * @param merchantTransactionId the operation's own gateway reference, derived from (payment, operation)
 * @param gatewayAccount the gateway account it was sent to (or, refused before sending, would have gone to); null
 *     when none was known, and for operations recorded before back-office kept it (they go to the payment's account)
 */
record Operation(
        String paymentId,
        String operationId,
        String commandMessageId,
        String commandType,
        TransactionType operationType,
        String merchantId,
        Long amountMinor,
        String currency,
        String merchantTransactionId,
        String correlationId,
        OperationState state,
        String gatewayTransactionId,
        int checksMade,
        Instant createdAt,
        GatewayAccount gatewayAccount) {

    /** This operation as sent to {@code account} (for one recorded before back-office kept its account). */
    Operation withGatewayAccount(GatewayAccount account) {
        return new Operation(
                paymentId,
                operationId,
                commandMessageId,
                commandType,
                operationType,
                merchantId,
                amountMinor,
                currency,
                merchantTransactionId,
                correlationId,
                state,
                gatewayTransactionId,
                checksMade,
                createdAt,
                account);
    }
}

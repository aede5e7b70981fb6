package io.s2spay.backoffice.operation;

import io.s2spay.domain.lifecycle.TransactionType;
import java.time.Instant;

/**
 * One back-office operation on a payment, as recorded in {@code backoffice_operation}.
 *
 * @param amountMinor the amount sent to the gateway (resolved from the balance when the command gave none)
 * @param merchantTransactionId the operation's own gateway reference, derived from (payment, operation)
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
        Instant createdAt) {}

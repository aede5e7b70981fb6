package io.s2spay.checkout.payment;

import io.s2spay.domain.money.MoneyAmounts;
import java.time.Instant;
import java.util.Locale;

/**
 * One operation on a payment in the read model.
 *
 * @param amountMinor null while an operation asked without an amount has no outcome yet (the whole amount)
 */
record OperationRow(
        String paymentId,
        String operationId,
        String merchantId,
        OperationType type,
        Status status,
        Long amountMinor,
        String currency,
        String reference,
        String origin,
        String commandMessageId,
        String resultCode,
        String resultDescription,
        String gatewayTransactionId,
        String rejectionCode,
        String rejectionReason,
        Instant createdAt,
        Instant updatedAt) {

    static final String ORIGIN_API = "api";
    static final String ORIGIN_KAFKA = "kafka";
    static final String ORIGIN_GATEWAY = "gateway";

    /** Where an operation stands; every status but pending is final. */
    enum Status {
        PENDING,
        SUCCEEDED,
        FAILED,
        REJECTED;

        String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean isFinal() {
            return this != PENDING;
        }
    }

    /** The origin of an operation first heard of through its event: the bank's ids are reserved. */
    static String originOf(String operationId) {
        return operationId.startsWith("gateway:") ? ORIGIN_GATEWAY : ORIGIN_KAFKA;
    }

    OperationRow succeeded(
            long amountMinor, String resultCode, String resultDescription, String gatewayTransactionId, Instant now) {
        return new OperationRow(
                paymentId,
                operationId,
                merchantId,
                type,
                Status.SUCCEEDED,
                amountMinor,
                currency,
                reference,
                origin,
                commandMessageId,
                resultCode,
                resultDescription,
                gatewayTransactionId,
                null,
                null,
                createdAt,
                now);
    }

    OperationRow refused(
            Status status,
            String code,
            String reason,
            String resultCode,
            String resultDescription,
            String gatewayTransactionId,
            Instant now) {
        return new OperationRow(
                paymentId,
                operationId,
                merchantId,
                type,
                status,
                amountMinor,
                currency,
                reference,
                origin,
                commandMessageId,
                resultCode,
                resultDescription,
                gatewayTransactionId,
                code,
                reason,
                createdAt,
                now);
    }

    OperationView toView() {
        return new OperationView(
                operationId,
                paymentId,
                type.apiName(),
                status.apiName(),
                amountMinor == null ? null : MoneyAmounts.format(amountMinor, currency),
                currency,
                reference,
                origin,
                resultCode == null || resultCode.isEmpty()
                        ? null
                        : new PaymentView.Result(resultCode, resultDescription),
                gatewayTransactionId,
                rejectionCode == null
                        ? null
                        : new OperationView.Rejection(rejectionCode.toLowerCase(Locale.ROOT), rejectionReason),
                createdAt,
                updatedAt);
    }
}

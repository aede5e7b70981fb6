package io.s2spay.backoffice.operation;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.schema.Money;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.command.CapturePayment;
import io.s2spay.schema.command.ConfirmReceipt;
import io.s2spay.schema.command.RebillPayment;
import io.s2spay.schema.command.RecordChargeback;
import io.s2spay.schema.command.RefundPayment;
import io.s2spay.schema.command.ReverseChargeback;
import io.s2spay.schema.command.ReversePayment;
import java.time.Instant;

/**
 * A back-office command as the service works with it: which operation, on which payment, for how much.
 *
 * @param amount the requested amount, or null when the command leaves it to the balance (whole authorization,
 *     what remains refundable...)
 */
record BackofficeCommand(
        String messageId,
        String paymentId,
        String merchantId,
        String correlationId,
        Instant occurredAt,
        String commandType,
        TransactionType operationType,
        String operationId,
        Money amount) {

    /** The command carried by {@code envelope}; its payload must be one of the seven back-office commands. */
    static BackofficeCommand of(BackofficeCommandEnvelope envelope) {
        Object payload = envelope.getPayload();
        record Parts(TransactionType type, String operationId, Money amount) {}
        Parts parts = switch (payload) {
            case CapturePayment c -> new Parts(TransactionType.CP, c.getOperationId(), c.getAmount());
            case ReversePayment c -> new Parts(TransactionType.RV, c.getOperationId(), c.getAmount());
            case RefundPayment c -> new Parts(TransactionType.RF, c.getOperationId(), c.getAmount());
            case RebillPayment c -> new Parts(TransactionType.RB, c.getOperationId(), c.getAmount());
            case RecordChargeback c -> new Parts(TransactionType.CB, c.getOperationId(), c.getAmount());
            case ReverseChargeback c -> new Parts(TransactionType.CR, c.getOperationId(), c.getAmount());
            case ConfirmReceipt c -> new Parts(TransactionType.RC, c.getOperationId(), c.getAmount());
            default ->
                throw new IllegalArgumentException("not a back-office command: "
                        + (payload == null ? "no payload" : payload.getClass().getSimpleName()));
        };
        return new BackofficeCommand(
                envelope.getMessageId(),
                envelope.getPaymentId(),
                envelope.getMerchantId(),
                envelope.getCorrelationId(),
                envelope.getOccurredAt(),
                payload.getClass().getSimpleName(),
                parts.type(),
                parts.operationId(),
                parts.amount());
    }
}

package io.s2spay.backoffice.operation;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.event.GatewayOutcomeEvents;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.schema.Money;
import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.PaymentEventEnvelope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds the events of back-office operations, each caused by its command and sharing its correlation id. An event
 * of an operation that was sent names the gateway account it was sent to ({@code PaymentEventEnvelope.gateway});
 * a command refused before anything was sent names none, as the contract says of a step no gateway took part in
 * (the account it would have gone to is in the rejection's reason when that is the reason, and in
 * {@code backoffice_operation.gateway_account}).
 */
final class OperationEvents {

    private OperationEvents() {}

    /** The operation succeeded at the gateway ({@code PaymentCaptured}, {@code PaymentRefunded}...). */
    static PaymentEventEnvelope succeeded(Operation op, GatewayTransaction answer, Instant now) {
        Money amount = new Money(op.amountMinor(), op.currency());
        return envelope(
                op.paymentId(),
                op.merchantId(),
                op.correlationId(),
                op.commandMessageId(),
                op.gatewayAccount(),
                now,
                GatewayOutcomeEvents.backOfficeSucceeded(op.operationType(), op.operationId(), amount, answer));
    }

    /**
     * An operation the gateway carried out and reported itself ({@code answer}: a bank's chargeback, its reversal, a
     * receipt), published for the payment it belongs to, naming the payment's gateway account; correlated by its own
     * operation id, as a flow of its own.
     */
    static PaymentEventEnvelope reported(
            String paymentId,
            String merchantId,
            String operationId,
            TransactionType type,
            Money amount,
            GatewayTransaction answer,
            GatewayAccount account,
            String causationId,
            Instant now) {
        return envelope(
                paymentId,
                merchantId,
                operationId,
                causationId,
                account,
                now,
                GatewayOutcomeEvents.backOfficeSucceeded(type, operationId, amount, answer));
    }

    /**
     * The operation was refused by the gateway (or could not reach it); its result goes with the rejection, and the
     * account it was sent to with the envelope.
     */
    static PaymentEventEnvelope refusedByGateway(
            Operation op, OperationRejectionReason code, String reason, GatewayTransaction answer, Instant now) {
        return envelope(
                op.paymentId(),
                op.merchantId(),
                op.correlationId(),
                op.commandMessageId(),
                op.gatewayAccount(),
                now,
                BackofficeCommandRejected.newBuilder()
                        .setCommandMessageId(op.commandMessageId())
                        .setCommandType(op.commandType())
                        .setOperationId(op.operationId())
                        .setReasonCode(code.name())
                        .setReason(reason)
                        .setGatewayResult(
                                answer == null || answer.resultCode() == null
                                        ? null
                                        : GatewayOutcomeEvents.gatewayResult(answer))
                        .build());
    }

    /** The command was refused before anything was sent to the gateway. */
    static PaymentEventEnvelope rejected(
            BackofficeCommand command, OperationRejectionReason code, String reason, Instant now) {
        return envelope(
                command.paymentId(),
                command.merchantId(),
                command.correlationId(),
                command.messageId(),
                null,
                now,
                BackofficeCommandRejected.newBuilder()
                        .setCommandMessageId(command.messageId())
                        .setCommandType(command.commandType())
                        .setOperationId(command.operationId())
                        .setReasonCode(code.name())
                        .setReason(reason)
                        .setGatewayResult(null)
                        .build());
    }

    private static PaymentEventEnvelope envelope(
            String paymentId,
            String merchantId,
            String correlationId,
            String causationId,
            GatewayAccount account,
            Instant now,
            SpecificRecord payload) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId(merchantId)
                .setOccurredAt(now.truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(correlationId == null ? paymentId : correlationId)
                .setCausationId(causationId)
                .setGateway(account == null ? null : account.toRef())
                .setPayload(payload)
                .build();
    }
}

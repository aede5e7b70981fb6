package io.s2spay.executor.payment;

import io.s2spay.gateway.event.GatewayOutcomeEvents;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.platform.messaging.MessageIds;
import io.s2spay.schema.GatewayAccountRef;
import io.s2spay.schema.Money;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds the events the executor publishes: one per recorded attempt outcome (its payload from the platform's one
 * gateway-answer mapping, checked against the state the transition table chose) and one per refused command. Each
 * is caused by the command (causationId = the command's messageId), shares its correlationId, names the gateway
 * account that gave the outcome (none for a refused command), and carries only the masked card summary.
 */
final class PaymentOutcomeEvents {

    private PaymentOutcomeEvents() {}

    /** The event type that announces an attempt recorded in {@code state}. */
    static Class<? extends SpecificRecord> eventTypeOf(AttemptState state) {
        return switch (state) {
            case AUTHORIZED -> PaymentAuthorized.class;
            case DEBITED -> PaymentDebited.class;
            case REDIRECT_PENDING -> PaymentRedirectRequired.class;
            case AWAITING_RECEIPT -> PaymentAwaitingReceipt.class;
            case DECLINED -> PaymentDeclined.class;
            case FAILED -> PaymentFailed.class;
            case UNKNOWN, GATEWAY_PENDING -> PaymentOutcomeUnknown.class;
            case SUBMITTING -> throw new IllegalArgumentException("SUBMITTING is not an outcome");
        };
    }

    /** The event saying that {@code attempt} reached {@code state} with the gateway's {@code answer}. */
    static PaymentEventEnvelope outcome(PaymentInstruction attempt, AttemptState state, GatewayAnswer answer) {
        Class<? extends SpecificRecord> expected = eventTypeOf(state);
        SpecificRecord payload = GatewayOutcomeEvents.initialPaymentOutcome(
                new GatewayOutcomeEvents.InitialPayment(
                        attempt.paymentType(),
                        new Money(attempt.amountMinor(), attempt.currency()),
                        attempt.merchantTransactionId(),
                        attempt.paymentBrand(),
                        attempt.card(),
                        attempt.registrationId()),
                answer.transaction());
        if (!expected.isInstance(payload)) {
            throw new IllegalStateException("attempt state " + state + " is announced by " + expected.getSimpleName()
                    + ", but the gateway answer " + answer.summary() + " maps to "
                    + payload.getClass().getSimpleName());
        }
        return envelope(attempt, payload, answer.account());
    }

    /** The event saying the executor refused {@code command} and why. */
    static PaymentEventEnvelope rejected(PaymentInstruction command, CommandRejection rejection) {
        return envelope(
                command,
                PaymentCommandRejected.newBuilder()
                        .setCommandMessageId(command.messageId())
                        .setCommandType(command.commandType())
                        .setReasonCode(rejection.reasonCode().name())
                        .setReason(rejection.reason())
                        .build(),
                null);
    }

    private static PaymentEventEnvelope envelope(PaymentInstruction command, Object payload, GatewayAccount account) {
        return PaymentEventEnvelope.newBuilder()
                .setGateway(account == null ? null : new GatewayAccountRef(account.gateway(), account.account()))
                .setMessageId(MessageIds.newId())
                .setPaymentId(command.paymentId())
                .setMerchantId(command.merchantId())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(command.correlationId())
                .setCausationId(command.messageId())
                .setPayload(payload)
                .build();
    }
}

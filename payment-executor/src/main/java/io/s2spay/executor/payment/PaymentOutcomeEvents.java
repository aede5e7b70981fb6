package io.s2spay.executor.payment;

import io.s2spay.platform.messaging.MessageIds;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Builds the events the executor publishes: one per recorded attempt outcome and one per refused command. Each is
 * caused by the command (causationId = the command's messageId), shares its correlationId, and carries only the
 * masked card summary.
 */
final class PaymentOutcomeEvents {

    private PaymentOutcomeEvents() {}

    /** The event saying that {@code attempt} reached {@code state} with the gateway's {@code answer}. */
    static PaymentEventEnvelope outcome(PaymentInstruction attempt, AttemptState state, GatewayAnswer answer) {
        Object payload = switch (state) {
            case AUTHORIZED -> PaymentAuthorized.newBuilder()
                    .setPaymentType(attempt.paymentType())
                    .setAmount(money(attempt))
                    .setMerchantTransactionId(attempt.merchantTransactionId())
                    .setGatewayResult(gatewayResult(answer))
                    .setCard(cardSummary(attempt, answer))
                    .setRegistrationId(registrationId(attempt, answer))
                    .build();
            case DEBITED -> PaymentDebited.newBuilder()
                    .setPaymentType(attempt.paymentType())
                    .setAmount(money(attempt))
                    .setMerchantTransactionId(attempt.merchantTransactionId())
                    .setGatewayResult(gatewayResult(answer))
                    .setCard(cardSummary(attempt, answer))
                    .setRegistrationId(registrationId(attempt, answer))
                    .build();
            case REDIRECT_PENDING -> PaymentRedirectRequired.newBuilder()
                    .setPaymentType(attempt.paymentType())
                    .setAmount(money(attempt))
                    .setMerchantTransactionId(attempt.merchantTransactionId())
                    .setGatewayResult(gatewayResult(answer))
                    .setRedirect(redirect(answer.redirect()))
                    .build();
            case DECLINED -> PaymentDeclined.newBuilder()
                    .setPaymentType(attempt.paymentType())
                    .setAmount(money(attempt))
                    .setMerchantTransactionId(attempt.merchantTransactionId())
                    .setGatewayResult(gatewayResult(answer))
                    .setCategory(answer.category() == null ? "UNCLASSIFIED" : answer.category())
                    .build();
            case FAILED -> PaymentFailed.newBuilder()
                    .setPaymentType(attempt.paymentType())
                    .setAmount(money(attempt))
                    .setMerchantTransactionId(attempt.merchantTransactionId())
                    .setGatewayResult(answer.hasResultCode() ? gatewayResult(answer) : null)
                    .setReason(failureReason(answer))
                    .build();
            case UNKNOWN, GATEWAY_PENDING -> PaymentOutcomeUnknown.newBuilder()
                    .setPaymentType(attempt.paymentType())
                    .setAmount(money(attempt))
                    .setMerchantTransactionId(attempt.merchantTransactionId())
                    .setReason(unknownReason(state, answer))
                    .build();
            case SUBMITTING -> throw new IllegalArgumentException("SUBMITTING is not an outcome");
        };
        return envelope(attempt, payload);
    }

    /** The event saying the executor refused {@code command} and why. */
    static PaymentEventEnvelope rejected(PaymentInstruction command, CommandRejection rejection) {
        return envelope(command, PaymentCommandRejected.newBuilder()
                .setCommandMessageId(command.messageId())
                .setCommandType(command.commandType())
                .setReasonCode(rejection.reasonCode().name())
                .setReason(rejection.reason())
                .build());
    }

    private static PaymentEventEnvelope envelope(PaymentInstruction command, Object payload) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(MessageIds.newId())
                .setPaymentId(command.paymentId())
                .setMerchantId(command.merchantId())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(command.correlationId())
                .setCausationId(command.messageId())
                .setPayload(payload)
                .build();
    }

    private static Money money(PaymentInstruction attempt) {
        return new Money(attempt.amountMinor(), attempt.currency());
    }

    private static GatewayResult gatewayResult(GatewayAnswer answer) {
        return GatewayResult.newBuilder()
                .setGatewayTransactionId(answer.gatewayTransactionId())
                .setCode(answer.hasResultCode() ? answer.resultCode() : "")
                .setDescription(answer.resultDescription() == null ? "" : answer.resultDescription())
                .setTimestamp(answer.timestamp() == null ? null : answer.timestamp().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    private static CardSummary cardSummary(PaymentInstruction attempt, GatewayAnswer answer) {
        if (attempt.card() != null) {
            return attempt.card();
        }
        GatewayAnswer.CardOnFile card = answer.card();
        if (card == null || card.bin() == null || card.last4Digits() == null
                || card.expiryMonth() == null || card.expiryYear() == null) {
            return null;
        }
        return new CardSummary(card.bin(), card.last4Digits(), attempt.paymentBrand(), card.expiryMonth(),
                card.expiryYear());
    }

    private static String registrationId(PaymentInstruction attempt, GatewayAnswer answer) {
        return answer.registrationId() != null ? answer.registrationId() : attempt.registrationId();
    }

    private static Redirect redirect(GatewayAnswer.RedirectInstruction redirect) {
        return Redirect.newBuilder()
                .setUrl(redirect.url())
                .setMethod(redirect.method() == null ? "POST" : redirect.method())
                .setParameters(redirect.parameters() == null ? Map.of() : Map.copyOf(redirect.parameters()))
                .build();
    }

    private static String failureReason(GatewayAnswer answer) {
        if (answer.outcome() == GatewayOutcome.NOT_RECEIVED) {
            return "the payment never reached the gateway"
                    + (answer.reason() == null ? "" : " (" + answer.reason() + ")") + "; nothing was charged";
        }
        return answer.summary();
    }

    private static String unknownReason(AttemptState state, GatewayAnswer answer) {
        if (state == AttemptState.GATEWAY_PENDING) {
            return "pending at the gateway: " + answer.summary();
        }
        return "outcome not known yet: " + answer.summary();
    }
}

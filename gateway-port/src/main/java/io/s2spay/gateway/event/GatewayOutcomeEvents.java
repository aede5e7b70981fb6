package io.s2spay.gateway.event;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayRedirect;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.event.ChargebackReversed;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentChargedBack;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRebilled;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.PaymentReversed;
import io.s2spay.schema.event.ReceiptConfirmed;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one mapping from a gateway's answer ({@link GatewayTransaction}, whatever the gateway) to the event payloads
 * of the s2spay contract, shared by every service that calls a gateway (executor, status-poller, back-office) so
 * that the same answer always becomes the same event.
 */
public final class GatewayOutcomeEvents {

    private GatewayOutcomeEvents() {}

    /**
     * What is known of an initial payment (PA or DB) before the gateway answers.
     *
     * @param card           the masked card the payment was made with, if known; otherwise the gateway's echo is used
     * @param paymentBrand   the brand (VISA, MASTER...) for a card summary built from the gateway's echo
     * @param registrationId a stored card the payment used, if any
     */
    public record InitialPayment(
            PaymentType paymentType,
            Money amount,
            String merchantTransactionId,
            String paymentBrand,
            CardSummary card,
            String registrationId) {

        public InitialPayment {
            Objects.requireNonNull(paymentType, "paymentType");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(merchantTransactionId, "merchantTransactionId");
            if (paymentType != PaymentType.PA && paymentType != PaymentType.DB) {
                throw new IllegalArgumentException("an initial payment is PA or DB, not " + paymentType);
            }
        }
    }

    /**
     * The event payload an answer to an initial payment means: {@code PaymentAuthorized}/{@code PaymentDebited}
     * when it succeeded, {@code PaymentRedirectRequired} when the shopper must follow a redirect,
     * {@code PaymentAwaitingReceipt} when a non-instant bank transfer waits for the bank's receipt (long-term pending),
     * {@code PaymentDeclined}, {@code PaymentFailed}, or {@code PaymentOutcomeUnknown} when the outcome is not
     * known (no answer, or pending at the gateway without a redirect).
     */
    public static SpecificRecord initialPaymentOutcome(InitialPayment payment, GatewayTransaction answer) {
        return switch (answer.outcome()) {
            case SUCCEEDED ->
                payment.paymentType() == PaymentType.PA
                        ? PaymentAuthorized.newBuilder()
                                .setPaymentType(payment.paymentType())
                                .setAmount(payment.amount())
                                .setMerchantTransactionId(payment.merchantTransactionId())
                                .setGatewayResult(gatewayResult(answer))
                                .setCard(cardSummary(payment, answer))
                                .setRegistrationId(registrationId(payment, answer))
                                .setInitialTransactionId(answer.initialTransactionId())
                                .build()
                        : PaymentDebited.newBuilder()
                                .setPaymentType(payment.paymentType())
                                .setAmount(payment.amount())
                                .setMerchantTransactionId(payment.merchantTransactionId())
                                .setGatewayResult(gatewayResult(answer))
                                .setCard(cardSummary(payment, answer))
                                .setRegistrationId(registrationId(payment, answer))
                                .setInitialTransactionId(answer.initialTransactionId())
                                .build();
            case PENDING ->
                answer.redirect() != null
                        ? PaymentRedirectRequired.newBuilder()
                                .setPaymentType(payment.paymentType())
                                .setAmount(payment.amount())
                                .setMerchantTransactionId(payment.merchantTransactionId())
                                .setGatewayResult(gatewayResult(answer))
                                .setRedirect(redirect(answer.redirect()))
                                .build()
                        : answer.awaitingReceipt()
                                // the shopper approved a non-instant transfer: the money comes with the bank's receipt
                                ? PaymentAwaitingReceipt.newBuilder()
                                        .setPaymentType(payment.paymentType())
                                        .setAmount(payment.amount())
                                        .setMerchantTransactionId(payment.merchantTransactionId())
                                        .setGatewayResult(gatewayResult(answer))
                                        .build()
                                : unknown(payment, "pending at the gateway: " + answer.summary());
            case DECLINED ->
                PaymentDeclined.newBuilder()
                        .setPaymentType(payment.paymentType())
                        .setAmount(payment.amount())
                        .setMerchantTransactionId(payment.merchantTransactionId())
                        .setGatewayResult(gatewayResult(answer))
                        .setCategory(answer.category())
                        .build();
            case FAILED ->
                PaymentFailed.newBuilder()
                        .setPaymentType(payment.paymentType())
                        .setAmount(payment.amount())
                        .setMerchantTransactionId(payment.merchantTransactionId())
                        .setGatewayResult(answer.hasResultCode() ? gatewayResult(answer) : null)
                        .setReason(failureReason(answer))
                        .build();
            case UNKNOWN -> unknown(payment, "outcome not known yet: " + answer.summary());
        };
    }

    /**
     * The event payload of a back-office operation the gateway carried out ({@code PaymentCaptured},
     * {@code PaymentReversed}, {@code PaymentRefunded}, {@code PaymentRebilled}, {@code PaymentChargedBack},
     * {@code ChargebackReversed}, {@code ReceiptConfirmed}). Only for a succeeded answer: a refused operation is
     * a {@code BackofficeCommandRejected} carrying {@link #gatewayResult(GatewayTransaction)}.
     */
    public static SpecificRecord backOfficeSucceeded(
            TransactionType type, String operationId, Money amount, GatewayTransaction answer) {
        if (answer.outcome() != GatewayOutcome.SUCCEEDED) {
            throw new IllegalArgumentException("not a succeeded answer: " + answer.outcome());
        }
        GatewayResult result = gatewayResult(answer);
        return switch (type) {
            case CP -> new PaymentCaptured(operationId, amount, result);
            case RV -> new PaymentReversed(operationId, amount, result);
            case RF -> new PaymentRefunded(operationId, amount, result);
            case RB -> new PaymentRebilled(operationId, amount, result);
            case CB -> new PaymentChargedBack(operationId, amount, result);
            case CR -> new ChargebackReversed(operationId, amount, result);
            case RC -> new ReceiptConfirmed(operationId, amount, result);
            case PA, DB -> throw new IllegalArgumentException(type + " is not a back-office operation");
        };
    }

    /** The gateway's own result (id, code, description, time) as the events carry it. */
    public static GatewayResult gatewayResult(GatewayTransaction answer) {
        return GatewayResult.newBuilder()
                .setGatewayTransactionId(answer.gatewayTransactionId())
                .setCode(answer.hasResultCode() ? answer.resultCode() : "")
                .setDescription(
                        answer.resultDescription() != null
                                ? answer.resultDescription()
                                : answer.failureReason() != null ? answer.failureReason() : "")
                .setTimestamp(
                        answer.timestamp() == null ? null : answer.timestamp().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    private static PaymentOutcomeUnknown unknown(InitialPayment payment, String reason) {
        return PaymentOutcomeUnknown.newBuilder()
                .setPaymentType(payment.paymentType())
                .setAmount(payment.amount())
                .setMerchantTransactionId(payment.merchantTransactionId())
                .setReason(reason)
                .build();
    }

    private static String failureReason(GatewayTransaction answer) {
        if (answer.evidence().neverReachedGateway()) {
            return "the payment never reached the gateway (" + answer.summary() + "); nothing was charged";
        }
        return answer.category() + ": " + answer.summary();
    }

    private static CardSummary cardSummary(InitialPayment payment, GatewayTransaction answer) {
        if (payment.card() != null) {
            return payment.card();
        }
        var card = answer.card();
        if (card == null
                || card.bin() == null
                || card.last4Digits() == null
                || card.expiryMonth() == null
                || card.expiryYear() == null) {
            return null;
        }
        String brand = card.brand() != null ? card.brand() : payment.paymentBrand();
        return new CardSummary(
                card.bin(), card.last4Digits(), brand == null ? "" : brand, card.expiryMonth(), card.expiryYear());
    }

    private static String registrationId(InitialPayment payment, GatewayTransaction answer) {
        return answer.storedCardId() != null ? answer.storedCardId() : payment.registrationId();
    }

    private static Redirect redirect(GatewayRedirect redirect) {
        Map<String, String> parameters = new LinkedHashMap<>();
        redirect.parameters().forEach(p -> parameters.put(p.name(), p.value() == null ? "" : p.value()));
        return Redirect.newBuilder()
                .setUrl(redirect.url())
                .setMethod(redirect.method())
                .setParameters(Map.copyOf(parameters))
                .build();
    }
}

package io.s2spay.connector.tokens;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.CardEcho;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayRedirect;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.ResultClassification;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The tokens API's answers in s2spay's words: a payment or refund object, a failed payment (HTTP 400 naming it), a
 * refusal that made nothing, or no usable answer, each with its outcome, its {@link Evidence} and a category. The
 * result code is the API's own word: the status ({@code succeeded}, {@code requires_action}), else the decline or
 * failure code.
 */
final class TokensAnswers {

    /** Failure codes of a payment made and refused by the card's side: the shopper's bank or 3-D Secure. */
    private static final Set<String> DECLINES = Set.of(
            "card_declined",
            "authentication_failed",
            "authentication_canceled",
            "authentication_expired",
            "invalid_number",
            "incorrect_number",
            "card_brand_not_supported",
            "invalid_expiry_month",
            "invalid_expiry_year",
            "expired_card",
            "invalid_cvc",
            "incorrect_cvc");

    /** Refusals of the request itself (nothing made): s2spay's request, its configuration, or the API's system. */
    private static final Set<String> FAILURES = Set.of(
            "processing_error",
            "issuer_not_available",
            "parameter_missing",
            "parameter_conflict",
            "invalid_amount",
            "invalid_currency",
            "invalid_string",
            "string_too_long",
            "invalid_boolean",
            "url_invalid",
            "body_missing",
            "body_invalid",
            "resource_missing",
            "token_already_used",
            "token_expired",
            "return_url_required",
            "payment_method_detached",
            "customer_mismatch",
            "amount_too_large",
            "payment_not_refundable",
            "reference_already_used",
            "missing_api_key",
            "invalid_api_key",
            "invalid_authorization",
            "secret_key_required");

    private TokensAnswers() {}

    /** What a result code of the tokens API means. */
    static ResultClassification classify(String code) {
        if (code == null || code.isBlank()) {
            return new ResultClassification(GatewayOutcome.UNKNOWN, "NO_RESULT", false);
        }
        return switch (code) {
            case "succeeded" -> new ResultClassification(GatewayOutcome.SUCCEEDED, "SUCCEEDED", false);
            case "requires_action" -> new ResultClassification(GatewayOutcome.PENDING, "REQUIRES_ACTION", false);
            case "authentication_failed", "authentication_canceled", "authentication_expired" ->
                new ResultClassification(GatewayOutcome.DECLINED, "REJECTED_BY_3DS", false);
            case "processing_error", "issuer_not_available" ->
                new ResultClassification(GatewayOutcome.FAILED, "SYSTEM_ERROR", false);
            default -> {
                if (DECLINES.contains(code)) {
                    yield new ResultClassification(GatewayOutcome.DECLINED, "REJECTED_CARD", false);
                }
                if (FAILURES.contains(code)) {
                    yield new ResultClassification(GatewayOutcome.FAILED, "INVALID_REQUEST", false);
                }
                // a decline_code (insufficient_funds, stolen_card, ...) or a code this adapter does not know: the
                // payment did not succeed, and success is never guessed
                yield new ResultClassification(GatewayOutcome.DECLINED, "REJECTED_BY_BANK", false);
            }
        };
    }

    /** A payment object the API returned ({@code GET}, a 200 answer or a webhook's {@code data.object}). */
    static GatewayTransaction payment(JsonNode payment) {
        String status = payment.path("status").asString("");
        String code = switch (status) {
            case "succeeded", "requires_action" -> status;
            default -> firstOf(payment.path("decline_code"), payment.path("failure_code"), status);
        };
        ResultClassification classification = classify(code);
        GatewayOutcome outcome = "failed".equals(status) && classification.outcome() == GatewayOutcome.SUCCEEDED
                ? GatewayOutcome.DECLINED
                : classification.outcome();
        GatewayTransaction.Builder builder = GatewayTransaction.builder(
                        outcome, Evidence.ANSWER, classification.category())
                .gatewayTransactionId(payment.path("id").asString(null))
                .type(TransactionType.DB)
                .result(code, payment.path("failure_message").asString(null))
                .amount(amount(payment), currency(payment))
                .merchantTransactionId(payment.path("reference").asString(null))
                .card(card(payment.path("card")))
                .paymentBrand(brand(payment.path("card").path("brand").asString(null)))
                .storedCardId(payment.path("payment_method_id").asString(null))
                .sessionExpired("authentication_expired"
                        .equals(payment.path("failure_code").asString(null)))
                .timestamp(created(payment));
        String redirect = payment.path("redirect_url").asString(null);
        if ("requires_action".equals(status) && redirect != null) {
            builder.redirect(new GatewayRedirect(redirect, "GET", null));
        }
        return builder.build();
    }

    /** A refund object. */
    static GatewayTransaction refund(JsonNode refund) {
        String status = refund.path("status").asString("");
        ResultClassification classification = classify(status);
        return GatewayTransaction.builder(
                        "succeeded".equals(status) ? GatewayOutcome.SUCCEEDED : GatewayOutcome.DECLINED,
                        Evidence.ANSWER,
                        classification.category())
                .gatewayTransactionId(refund.path("id").asString(null))
                .type(TransactionType.RF)
                .result(status, null)
                .amount(amount(refund), currency(refund))
                .merchantTransactionId(refund.path("reference").asString(null))
                .referencedId(refund.path("payment_id").asString(null))
                .timestamp(created(refund))
                .build();
    }

    /**
     * A 4xx answer: a payment made and failed (HTTP 400 naming its {@code payment_id}) or a refusal that made
     * nothing. Both are final answers; neither charged anything.
     */
    static GatewayTransaction refused(TokensExchange exchange, TransactionType type, String merchantTransactionId) {
        JsonNode error = exchange.error();
        String code = firstOf(error.path("decline_code"), error.path("code"), "http_" + exchange.status());
        ResultClassification classification = classify(code);
        // a failed payment or a refusal is final either way: declined by the card's side, else failed
        GatewayOutcome outcome =
                classification.outcome() == GatewayOutcome.DECLINED ? GatewayOutcome.DECLINED : GatewayOutcome.FAILED;
        String category =
                exchange.status() == 401 || exchange.status() == 403 ? "AUTHENTICATION" : classification.category();
        return GatewayTransaction.builder(outcome, Evidence.ANSWER, category)
                .gatewayTransactionId(error.path("payment_id").asString(null))
                .type(type)
                .result(code, error.path("message").asString(null))
                .merchantTransactionId(merchantTransactionId)
                .sessionExpired(
                        "authentication_expired".equals(error.path("code").asString(null)))
                .timestamp(Instant.now())
                .build();
    }

    /** No usable answer (timeout, reset, lost response, 5xx, unreadable): the request may have been processed. */
    static GatewayTransaction noAnswer(TokensExchange exchange, TransactionType type, String merchantTransactionId) {
        String category = exchange.kind() == TokensExchange.Kind.ANSWERED
                ? (exchange.status() >= 500 ? "HTTP_" + exchange.status() : "UNREADABLE")
                : "NO_RESPONSE";
        String reason = exchange.kind() == TokensExchange.Kind.ANSWERED ? exchange.describe() : exchange.reason();
        return GatewayTransaction.builder(GatewayOutcome.UNKNOWN, Evidence.NO_ANSWER, category)
                .type(type)
                .merchantTransactionId(merchantTransactionId)
                .failureReason(reason)
                .timestamp(Instant.now())
                .build();
    }

    /** The request was not sent (circuit open, connection refused): nothing was charged. */
    static GatewayTransaction notSent(String reason, TransactionType type, String merchantTransactionId) {
        return GatewayTransaction.builder(GatewayOutcome.FAILED, Evidence.NOT_SENT, "NOT_SENT")
                .type(type)
                .merchantTransactionId(merchantTransactionId)
                .failureReason(reason)
                .timestamp(Instant.now())
                .build();
    }

    /** The API holds nothing under the reference or id: it never received (or never made) the request. */
    static GatewayTransaction notReceived(String reason, TransactionType type, String merchantTransactionId) {
        return GatewayTransaction.builder(GatewayOutcome.FAILED, Evidence.NOT_RECEIVED, "NOT_RECEIVED")
                .type(type)
                .merchantTransactionId(merchantTransactionId)
                .failureReason(reason)
                .timestamp(Instant.now())
                .build();
    }

    /** The port's brand name of the API's ({@code visa} → VISA, {@code mastercard} → MASTER ...). */
    static String brand(String apiBrand) {
        if (apiBrand == null) {
            return null;
        }
        return switch (apiBrand) {
            case "mastercard" -> "MASTER";
            default -> apiBrand.toUpperCase(Locale.ROOT);
        };
    }

    private static CardEcho card(JsonNode card) {
        if (card.isMissingNode() || card.isNull()) {
            return null;
        }
        return new CardEcho(
                null,
                card.path("last4").asString(null),
                null,
                card.path("exp_month").isIntegralNumber()
                        ? card.path("exp_month").intValue()
                        : null,
                card.path("exp_year").isIntegralNumber() ? card.path("exp_year").intValue() : null,
                brand(card.path("brand").asString(null)));
    }

    private static Long amount(JsonNode object) {
        return object.path("amount").isIntegralNumber() ? object.path("amount").longValue() : null;
    }

    private static String currency(JsonNode object) {
        String currency = object.path("currency").asString(null);
        return currency == null ? null : currency.toUpperCase(Locale.ROOT);
    }

    private static Instant created(JsonNode object) {
        return object.path("created").isIntegralNumber()
                ? Instant.ofEpochSecond(object.path("created").longValue())
                : Instant.now();
    }

    private static String firstOf(JsonNode first, JsonNode second, String fallback) {
        if (first.isString() && !first.asString().isBlank()) {
            return first.asString();
        }
        if (second.isString() && !second.asString().isBlank()) {
            return second.asString();
        }
        return fallback;
    }
}

package io.s2spay.connector.orders;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.CardEcho;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayRedirect;
import io.s2spay.gateway.GatewayTransaction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The orders API's answers in s2spay's words: a payment answer or an order's status as the DB it is, a refund as
 * an RF (its id {@code orderId/refundId}), a refused request, and the answers that are no answer at all.
 */
final class OrdersAnswers {

    private OrdersAnswers() {}

    /** The answer to {@code POST /payments}. */
    static GatewayTransaction payment(JsonNode answer, String merchantTransactionId) {
        return payment(
                answer.path("orderId").asString(null),
                answer.path("status").asString(null),
                answer,
                answer.path("redirectUrl").asString(null),
                merchantTransactionId);
    }

    /** An order's status ({@code GET .../status}, an element of the look-up by reference, a webhook). */
    static GatewayTransaction orderStatus(JsonNode status, String merchantTransactionId) {
        String paymentStatus = switch (status.path("status").asString("")) {
            case "PAYMENT_COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED" -> "COMPLETED";
            case "PAYMENT_PENDING" -> "PENDING_3DS";
            case "PAYMENT_FAILED" -> "FAILED";
            case "PAYMENT_CANCELLED" -> "CANCELLED";
            case "CREATED" -> "CREATED";
            default -> status.path("status").asString(null);
        };
        return payment(
                status.path("orderId").asString(null),
                paymentStatus,
                status,
                status.path("redirectUrl").asString(null),
                merchantTransactionId != null
                        ? merchantTransactionId
                        : status.path("merchantReference").asString(null));
    }

    private static GatewayTransaction payment(
            String orderId, String paymentStatus, JsonNode json, String redirectUrl, String merchantTransactionId) {
        String failureCode = json.path("failureCode").asString(null);
        OrdersCategory category;
        String code;
        if ("FAILED".equals(paymentStatus) || "CANCELLED".equals(paymentStatus)) {
            code = failureCode != null ? failureCode : paymentStatus;
            category = OrdersResultCodes.category(code);
            if (category == OrdersCategory.UNKNOWN_CODE
                    || category == OrdersCategory.SUCCESSFUL
                    || category == OrdersCategory.PENDING) {
                // the payment is final and failed, whatever a new code says
                category = OrdersCategory.DECLINED;
            }
        } else {
            code = paymentStatus;
            category = OrdersResultCodes.category(code == null ? "" : code);
        }
        GatewayTransaction.Builder builder = GatewayTransaction.builder(
                        OrdersResultCodes.outcome(category), Evidence.ANSWER, category.name())
                .sessionExpired(category == OrdersCategory.SESSION_EXPIRED)
                .gatewayTransactionId(orderId)
                .type(TransactionType.DB)
                .result(code, json.path("failureMessage").asString(null))
                .amount(amount(json), currency(json))
                .merchantTransactionId(merchantTransactionId)
                .timestamp(timestamp(json))
                .storedCardId(json.path("tokenId").asString(null));
        JsonNode card = json.path("card");
        if (card.isObject()) {
            builder.card(new CardEcho(
                            card.path("bin").asString(null),
                            card.path("last4").asString(null),
                            card.path("holderName").asString(null),
                            card.has("expiryMonth") ? card.path("expiryMonth").asInt() : null,
                            card.has("expiryYear") ? card.path("expiryYear").asInt() : null,
                            card.path("brand").asString(null)))
                    .paymentBrand(card.path("brand").asString(null));
        }
        if (category == OrdersCategory.PENDING && redirectUrl != null) {
            builder.redirect(new GatewayRedirect(redirectUrl, "GET", List.of()));
        }
        return builder.build();
    }

    /** A refund (as answered, listed in an order's status or found by reference) of the order {@code orderId}. */
    static GatewayTransaction refund(JsonNode refund, String orderId, String numericCurrency) {
        String status = refund.path("status").asString("");
        OrdersCategory category = "COMPLETED".equals(status)
                ? OrdersCategory.SUCCESSFUL
                : "FAILED".equals(status) ? OrdersCategory.DECLINED : OrdersCategory.UNKNOWN_CODE;
        return GatewayTransaction.builder(OrdersResultCodes.outcome(category), Evidence.ANSWER, category.name())
                .gatewayTransactionId(
                        OrdersIds.refundId(orderId, refund.path("refundId").asString()))
                .referencedId(orderId)
                .type(TransactionType.RF)
                .result(status, null)
                .amount(
                        refund.has("amount") ? refund.path("amount").asLong() : null,
                        numericCurrency == null
                                ? null
                                : OrdersCurrencies.alpha(numericCurrency).orElse(null))
                .merchantTransactionId(refund.path("merchantReference").asString(null))
                .timestamp(timestamp(refund))
                .build();
    }

    /** A request the API refused with an error (HTTP 4xx): nothing was done. */
    static GatewayTransaction refused(OrdersExchange exchange, TransactionType type, String merchantTransactionId) {
        String code = exchange.errorCode() != null ? exchange.errorCode() : "HTTP_" + exchange.status();
        OrdersCategory category = OrdersResultCodes.category(code);
        if (OrdersResultCodes.outcome(category) != GatewayOutcome.DECLINED) {
            category = OrdersCategory.REQUEST_REFUSED;
        }
        return GatewayTransaction.builder(OrdersResultCodes.outcome(category), Evidence.ANSWER, category.name())
                .type(type)
                .result(code, exchange.errorMessage())
                .merchantTransactionId(merchantTransactionId)
                .timestamp(Instant.now())
                .build();
    }

    /** No usable answer: the API may have processed the request. */
    static GatewayTransaction uncertain(OrdersExchange exchange, TransactionType type, String merchantTransactionId) {
        OrdersCategory category;
        String reason;
        if (exchange.failure() != null) {
            category = OrdersCategory.NO_RESPONSE;
            reason = exchange.reason();
        } else if (exchange.status() >= 500) {
            category = OrdersCategory.GATEWAY_HTTP_ERROR;
            reason = "HTTP " + exchange.status() + " from the orders API";
        } else {
            category = OrdersCategory.UNREADABLE_RESPONSE;
            reason = "HTTP " + exchange.status() + " without a readable answer";
        }
        return unknown(category, type, merchantTransactionId, reason);
    }

    static GatewayTransaction unknown(
            OrdersCategory category, TransactionType type, String merchantTransactionId, String reason) {
        return GatewayTransaction.builder(GatewayOutcome.UNKNOWN, Evidence.NO_ANSWER, category.name())
                .type(type)
                .merchantTransactionId(merchantTransactionId)
                .timestamp(Instant.now())
                .failureReason(reason)
                .build();
    }

    /** The connector did not send the request: nothing reached the API. */
    static GatewayTransaction notSent(TransactionType type, String merchantTransactionId, String reason) {
        return GatewayTransaction.builder(GatewayOutcome.FAILED, Evidence.NOT_SENT, OrdersCategory.NOT_SENT.name())
                .type(type)
                .merchantTransactionId(merchantTransactionId)
                .timestamp(Instant.now())
                .failureReason(reason)
                .build();
    }

    /** The API holds nothing under the reference (or id): it never received the request. */
    static GatewayTransaction notReceived(TransactionType type, String merchantTransactionId, String reason) {
        return GatewayTransaction.builder(
                        GatewayOutcome.FAILED, Evidence.NOT_RECEIVED, OrdersCategory.NOT_RECEIVED.name())
                .type(type)
                .merchantTransactionId(merchantTransactionId)
                .timestamp(Instant.now())
                .failureReason(reason)
                .build();
    }

    private static Long amount(JsonNode json) {
        JsonNode amount = json.has("amount") ? json.get("amount") : json.get("totalAmount");
        return amount != null && amount.canConvertToLong() ? amount.longValue() : null;
    }

    private static String currency(JsonNode json) {
        return OrdersCurrencies.alpha(json.path("currency").asString(null)).orElse(null);
    }

    private static Instant timestamp(JsonNode json) {
        String value = json.path("updatedAt").asString(json.path("createdAt").asString(null));
        if (value == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}

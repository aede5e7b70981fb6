package io.s2spay.connector.orders;

import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.ResultClassification;
import java.util.Set;

/**
 * The orders API's result vocabulary — payment and order statuses, the {@code failureCode}s of failed and
 * cancelled payments, the error codes of refused requests — and what each means for s2spay. A code outside it is
 * UNKNOWN: success is never guessed.
 */
final class OrdersResultCodes {

    static final String SESSION_EXPIRED = "SESSION_EXPIRED";

    private static final Set<String> SUCCEEDED =
            Set.of("COMPLETED", "PAYMENT_COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED");
    private static final Set<String> PENDING = Set.of("PENDING_3DS", "PAYMENT_PENDING", "CREATED");
    /** The issuer, the risk check or 3-D Secure refused the payment. */
    private static final Set<String> DECLINES = Set.of(
            "INVALID_CARD",
            "DECLINED_BY_ISSUER",
            "INVALID_CVC",
            "INSUFFICIENT_FUNDS",
            "WRONG_EXPIRY_DATE",
            "STOLEN_CARD",
            "LIMIT_EXCEEDED",
            "LOST_CARD",
            "RISK_REJECTED",
            "CARD_BLACKLISTED",
            "AUTHENTICATION_FAILED");
    /** The card or token data was refused before any authorization (HTTP 400), like OPP's card validation. */
    private static final Set<String> CARD_REFUSALS = Set.of(
            "INVALID_CARD_NUMBER",
            "UNSUPPORTED_CARD_BRAND",
            "INVALID_EXPIRY_DATE",
            "CARD_EXPIRED",
            "UNKNOWN_TOKEN",
            "TOKEN_DELETED");
    /** The acquirer or the gateway could not process the payment; nothing was charged. */
    private static final Set<String> TECHNICAL =
            Set.of("ACQUIRER_TIMEOUT", "ACQUIRER_UNAVAILABLE", "PROCESSING_ERROR", "SYSTEM_UNAVAILABLE");
    /** The request itself was refused (format, configuration, references, rules). */
    private static final Set<String> REQUEST_REFUSALS = Set.of(
            "INVALID_JSON",
            "INVALID_REQUEST",
            "INVALID_CURRENCY",
            "MIXED_CURRENCIES",
            "INVALID_AMOUNT",
            "AMOUNT_MISMATCH",
            "UNKNOWN_TERMINAL",
            "UNSUPPORTED_PAYMENT_METHOD",
            "PAYMENT_METHOD_NOT_ALLOWED",
            "REFUND_EXCEEDS_AVAILABLE",
            "ORDER_NOT_REFUNDABLE",
            "ORDER_NOT_CANCELLABLE",
            "ORDER_NOT_FOUND",
            "UNAUTHORIZED",
            "FORBIDDEN",
            "UNSUPPORTED_MEDIA_TYPE");

    private OrdersResultCodes() {}

    static ResultClassification classify(String code) {
        if (code == null || code.isBlank()) {
            return new ResultClassification(GatewayOutcome.UNKNOWN, OrdersCategory.UNKNOWN_CODE.name(), false);
        }
        OrdersCategory category = category(code);
        return new ResultClassification(outcome(category), category.name(), false);
    }

    static OrdersCategory category(String code) {
        if (SUCCEEDED.contains(code)) {
            return OrdersCategory.SUCCESSFUL;
        }
        if (PENDING.contains(code)) {
            return OrdersCategory.PENDING;
        }
        if (DECLINES.contains(code) || "CANCELLED_BY_CUSTOMER".equals(code)) {
            return OrdersCategory.DECLINED;
        }
        if (SESSION_EXPIRED.equals(code)) {
            return OrdersCategory.SESSION_EXPIRED;
        }
        if (CARD_REFUSALS.contains(code)) {
            return OrdersCategory.CARD_REFUSED;
        }
        if (TECHNICAL.contains(code)) {
            return OrdersCategory.TECHNICAL_FAILURE;
        }
        if (REQUEST_REFUSALS.contains(code) || "CANCELLED_BY_MERCHANT".equals(code)) {
            return OrdersCategory.REQUEST_REFUSED;
        }
        return OrdersCategory.UNKNOWN_CODE;
    }

    static GatewayOutcome outcome(OrdersCategory category) {
        return switch (category) {
            case SUCCESSFUL -> GatewayOutcome.SUCCEEDED;
            case PENDING -> GatewayOutcome.PENDING;
            case DECLINED, SESSION_EXPIRED, CARD_REFUSED -> GatewayOutcome.DECLINED;
            case TECHNICAL_FAILURE, REQUEST_REFUSED, NOT_SENT, NOT_RECEIVED -> GatewayOutcome.FAILED;
            case NO_RESPONSE, GATEWAY_HTTP_ERROR, UNREADABLE_RESPONSE, UNKNOWN_CODE -> GatewayOutcome.UNKNOWN;
        };
    }
}

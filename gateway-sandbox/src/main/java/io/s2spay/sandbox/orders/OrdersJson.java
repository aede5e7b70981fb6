package io.s2spay.sandbox.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The orders API's JSON answers and webhook events, built as maps; absent values are left out. */
final class OrdersJson {

    private OrdersJson() {}

    /** The answer to creating an order (201). */
    static Map<String, Object> created(Order order, String paymentPageUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderId", order.orderId());
        json.put("status", order.status().name());
        json.put("terminal$id", order.terminalId());
        json.put("totalAmount", order.totalAmount());
        json.put("currency", order.currency());
        put(json, "merchantReference", order.merchantReference());
        put(json, "paymentPageUrl", paymentPageUrl);
        return json;
    }

    /** The answer to {@code POST /payments}. */
    static Map<String, Object> payment(Order order, String redirectUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("paymentId", order.paymentId());
        json.put("orderId", order.orderId());
        json.put("status", order.paymentStatus());
        json.put("paymentMethod", order.paymentMethod());
        json.put("amount", order.totalAmount());
        json.put("currency", order.currency());
        put(json, "failureCode", order.failureCode());
        put(json, "failureMessage", order.failureMessage());
        put(json, "redirectUrl", redirectUrl);
        put(json, "tokenId", order.tokenId());
        if (order.card() != null) {
            json.put("card", card(order.card()));
        }
        return json;
    }

    /** {@code GET .../orders/{o}/status}; {@code challengeUrl} is the open challenge's page, or null. */
    static Map<String, Object> status(Order order, String challengeUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderId", order.orderId());
        json.put("status", order.status().name());
        json.put("terminal$id", order.terminalId());
        put(json, "merchantReference", order.merchantReference());
        json.put("amount", order.totalAmount());
        json.put("currency", order.currency());
        put(json, "paymentId", order.paymentId());
        put(json, "paymentMethod", order.paymentMethod());
        put(json, "paymentStatus", order.paymentStatus());
        put(json, "failureCode", order.failureCode());
        put(json, "failureMessage", order.failureMessage());
        put(json, "redirectUrl", "PENDING_3DS".equals(order.paymentStatus()) ? challengeUrl : null);
        if (order.card() != null) {
            json.put("card", card(order.card()));
        }
        put(json, "tokenId", order.tokenId());
        json.put("refundedAmount", order.refunded());
        json.put("refunds", order.refunds().stream().map(OrdersJson::refund).toList());
        json.put("createdAt", order.createdAt().toString());
        json.put("updatedAt", order.updatedAt().toString());
        return json;
    }

    static Map<String, Object> refund(Order.Refund refund) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("refundId", refund.refundId());
        json.put("merchantReference", refund.merchantReference());
        json.put("status", refund.status());
        json.put("amount", refund.amount());
        json.put("createdAt", refund.createdAt().toString());
        return json;
    }

    static Map<String, Object> tokens(List<Token> tokens) {
        return Map.of(
                "tokens",
                tokens.stream()
                        .map(t -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("tokenId", t.tokenId());
                            json.put("card", card(t.card()));
                            json.put("createdAt", t.createdAt().toString());
                            return json;
                        })
                        .toList());
    }

    static Map<String, Object> card(Order.CardSummary card) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("maskedPan", card.maskedPan());
        json.put("bin", card.bin());
        json.put("last4", card.last4());
        json.put("brand", card.brand());
        json.put("expiryMonth", card.expiryMonth());
        json.put("expiryYear", card.expiryYear());
        put(json, "holderName", card.holderName());
        return json;
    }

    /** A webhook event: the order's status after the change. */
    static Map<String, Object> event(Order order, String type) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", OrdersWebhooks.newEventId());
        json.put("type", type);
        json.put("merchantId", order.merchantId());
        json.put("orderId", order.orderId());
        put(json, "merchantReference", order.merchantReference());
        json.put("status", order.status().name());
        put(json, "paymentId", order.paymentId());
        put(json, "paymentStatus", order.paymentStatus());
        json.put("amount", order.totalAmount());
        json.put("currency", order.currency());
        put(json, "failureCode", order.failureCode());
        put(json, "tokenId", order.tokenId());
        json.put("refundedAmount", order.refunded());
        json.put("createdAt", order.updatedAt().toString());
        return json;
    }

    static Map<String, Object> error(OrdersApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        put(error, "field", e.field());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error);
        json.putAll(e.extra());
        return json;
    }

    private static void put(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}

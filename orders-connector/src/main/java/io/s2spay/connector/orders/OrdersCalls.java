package io.s2spay.connector.orders;

import io.s2spay.gateway.CardData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The orders API's requests, one method each: the JSON and the path; the exchange is {@link OrdersTransport}'s. */
final class OrdersCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrdersTransport transport;

    OrdersCalls(OrdersTransport transport) {
        this.transport = transport;
    }

    /** What an order is created with (the API's names). */
    record NewOrder(
            String terminalId,
            long amountMinor,
            String numericCurrency,
            String lineName,
            boolean enforceTokenization,
            String paymentMethod,
            String merchantReference,
            String returnUrl,
            String notificationUrl) {}

    OrdersExchange createOrder(OrdersProperties.Account account, NewOrder order) {
        ObjectNode body = JSON.createObjectNode();
        body.put("terminal$id", order.terminalId());
        ObjectNode line = body.putArray("orderLines").addObject();
        line.put("id", "1");
        line.put("name", order.lineName());
        line.put("quantity", 1);
        ObjectNode amount = line.putObject("amount");
        amount.put("total", order.amountMinor());
        amount.put("currency", order.numericCurrency());
        ObjectNode controls = body.putObject("controlFunctions");
        controls.put("enforceTokenization", order.enforceTokenization());
        ObjectNode options = controls.putObject("initiatePaymentsOptions");
        options.put("paymentMethod", order.paymentMethod());
        options.put("amount", order.amountMinor());
        body.put("merchantReference", order.merchantReference());
        if (order.returnUrl() != null) {
            body.put("returnUrl", order.returnUrl());
        }
        if (order.notificationUrl() != null) {
            body.put("notificationUrl", order.notificationUrl());
        }
        return transport.post(
                account,
                merchant(account) + "/orders",
                JSON.writeValueAsString(body),
                "order " + order.merchantReference());
    }

    OrdersExchange findOrder(OrdersProperties.Account account, String merchantReference) {
        return transport.get(
                account,
                merchant(account) + "/orders?merchantReference=" + query(merchantReference),
                "order by reference " + merchantReference);
    }

    OrdersExchange status(OrdersProperties.Account account, String orderId) {
        return transport.get(
                account,
                merchant(account) + "/orders/" + OrdersIds.checked(orderId, "order id") + "/status",
                "status of order " + orderId);
    }

    OrdersExchange tokens(OrdersProperties.Account account, String orderId) {
        return transport.get(
                account,
                merchant(account) + "/orders/" + OrdersIds.checked(orderId, "order id") + "/tokens",
                "tokens of order " + orderId);
    }

    /** {@code POST /payments} with the card; the card goes into the body only, never into a log line. */
    OrdersExchange payByCard(OrdersProperties.Account account, String orderId, CardData card) {
        ObjectNode body = JSON.createObjectNode();
        body.put("orderId", orderId);
        body.put("paymentMethod", "CARD");
        ObjectNode json = body.putObject("card");
        json.put("number", card.number());
        json.put("expiryMonth", card.expiryMonth());
        json.put("expiryYear", card.expiryYear());
        if (card.cvv() != null) {
            json.put("cvc", card.cvv());
        }
        if (card.holder() != null) {
            json.put("holderName", card.holder());
        }
        return transport.post(
                account, "payments", JSON.writeValueAsString(body), "payment of order " + orderId + " card " + card);
    }

    OrdersExchange payByToken(OrdersProperties.Account account, String orderId, String tokenId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("orderId", orderId);
        body.put("paymentMethod", "CTOKEN");
        body.put("tokenId", tokenId);
        return transport.post(
                account, "payments", JSON.writeValueAsString(body), "payment of order " + orderId + " token");
    }

    OrdersExchange refund(OrdersProperties.Account account, String orderId, long amountMinor, String reference) {
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", amountMinor);
        body.put("merchantReference", reference);
        return transport.post(
                account,
                merchant(account) + "/orders/" + OrdersIds.checked(orderId, "order id") + "/refunds",
                JSON.writeValueAsString(body),
                "refund " + reference + " of order " + orderId);
    }

    OrdersExchange findRefunds(OrdersProperties.Account account, String merchantReference) {
        return transport.get(
                account,
                merchant(account) + "/refunds?merchantReference=" + query(merchantReference),
                "refunds by reference " + merchantReference);
    }

    OrdersExchange deleteToken(OrdersProperties.Account account, String tokenId) {
        return transport.delete(
                account, merchant(account) + "/tokens/" + OrdersIds.checked(tokenId, "token id"), "token " + tokenId);
    }

    private static String merchant(OrdersProperties.Account account) {
        return "merchants/"
                + URLEncoder.encode(account.merchantId(), StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

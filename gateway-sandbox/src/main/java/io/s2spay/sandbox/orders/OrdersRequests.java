package io.s2spay.sandbox.orders;

import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the orders API's JSON request bodies into records, refusing bad input with a specific error naming the
 * field ({@link OrdersApiException}, HTTP 400).
 */
final class OrdersRequests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OrdersRequests() {}

    /** {@code POST /merchants/{m}/orders}. */
    record CreateOrder(
            String terminalId,
            List<Order.Line> lines,
            long total,
            String currency,
            boolean enforceTokenization,
            String initiatePaymentMethod,
            Long initiateAmount,
            String merchantReference,
            String returnUrl,
            String notificationUrl) {}

    /** {@code POST /payments}: a card (CARD) or a token (CTOKEN). */
    record Payment(String orderId, String method, CardInput card, String tokenId) {}

    /** The card of a CARD payment, as sent (never kept). */
    record CardInput(String number, int expiryMonth, int expiryYear, String cvc, String holderName) {

        @Override
        public String toString() {
            return "CardInput[***]";
        }
    }

    /** {@code POST /merchants/{m}/orders/{o}/refunds}. */
    record RefundRequest(long amount, String merchantReference) {}

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw OrdersApiException.badRequest("INVALID_JSON", null, "the request body must be a JSON object");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw OrdersApiException.badRequest("INVALID_JSON", null, "the request body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw OrdersApiException.badRequest("INVALID_JSON", null, "the request body is not valid JSON");
        }
    }

    /** The lines' total of an order body, or null when it cannot be read (for the fault filter). */
    static Long linesTotal(byte[] body) {
        try {
            JsonNode lines = MAPPER.readTree(body).path("orderLines");
            long total = 0;
            for (JsonNode line : lines) {
                total += line.path("amount").path("total").asLong(0);
            }
            return total;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A field of a small body, or null when it cannot be read (for the fault filter). */
    static JsonNode field(byte[] body, String name) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? null : node.get(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static CreateOrder createOrder(JsonNode body) {
        String terminalId = requiredString(body, "terminal$id");
        JsonNode lines = body.get("orderLines");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw OrdersApiException.invalid("orderLines", "orderLines must be a non-empty array");
        }
        List<Order.Line> parsed = new ArrayList<>();
        String currency = null;
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String prefix = "orderLines[" + i + "]";
            String id = requiredString(line, "id", prefix + ".id");
            String name = requiredString(line, "name", prefix + ".name");
            long quantity = requiredLong(line.get("quantity"), prefix + ".quantity");
            if (quantity < 1) {
                throw OrdersApiException.invalid(prefix + ".quantity", prefix + ".quantity must be at least 1");
            }
            JsonNode amount = line.get("amount");
            if (amount == null || !amount.isObject()) {
                throw OrdersApiException.invalid(prefix + ".amount", prefix + ".amount must be an object");
            }
            long lineTotal = requiredLong(amount.get("total"), prefix + ".amount.total");
            if (lineTotal < 0) {
                throw OrdersApiException.invalid(
                        prefix + ".amount.total", prefix + ".amount.total must not be negative");
            }
            String lineCurrency = requiredString(amount, "currency", prefix + ".amount.currency");
            if (currency(lineCurrency).isEmpty()) {
                throw OrdersApiException.badRequest(
                        "INVALID_CURRENCY",
                        prefix + ".amount.currency",
                        "currency must be an ISO 4217 numeric code such as \"752\", was \"" + lineCurrency + "\"");
            }
            if (currency != null && !currency.equals(lineCurrency)) {
                throw OrdersApiException.badRequest(
                        "MIXED_CURRENCIES", prefix + ".amount.currency", "every order line must have one currency");
            }
            currency = lineCurrency;
            total = Math.addExact(total, lineTotal);
            parsed.add(new Order.Line(id, name, quantity, lineTotal));
        }
        if (total <= 0) {
            throw OrdersApiException.badRequest(
                    "INVALID_AMOUNT", "orderLines", "the order's total must be greater than zero");
        }
        boolean tokenize = false;
        String initiateMethod = null;
        Long initiateAmount = null;
        JsonNode controls = body.get("controlFunctions");
        if (controls != null && !controls.isNull()) {
            if (!controls.isObject()) {
                throw OrdersApiException.invalid("controlFunctions", "controlFunctions must be an object");
            }
            JsonNode enforce = controls.get("enforceTokenization");
            if (enforce != null && !enforce.isNull()) {
                if (!enforce.isBoolean()) {
                    throw OrdersApiException.invalid(
                            "controlFunctions.enforceTokenization", "enforceTokenization must be true or false");
                }
                tokenize = enforce.booleanValue();
            }
            JsonNode options = controls.get("initiatePaymentsOptions");
            if (options != null && !options.isNull()) {
                initiateMethod = optionalString(options, "paymentMethod");
                if (initiateMethod != null && !initiateMethod.equals("CARD") && !initiateMethod.equals("CTOKEN")) {
                    throw OrdersApiException.invalid(
                            "controlFunctions.initiatePaymentsOptions.paymentMethod",
                            "paymentMethod must be CARD or CTOKEN");
                }
                if (options.has("amount") && !options.get("amount").isNull()) {
                    initiateAmount =
                            requiredLong(options.get("amount"), "controlFunctions.initiatePaymentsOptions.amount");
                    if (initiateAmount != total) {
                        throw OrdersApiException.badRequest(
                                "AMOUNT_MISMATCH",
                                "controlFunctions.initiatePaymentsOptions.amount",
                                "initiatePaymentsOptions.amount must equal the order lines' total " + total);
                    }
                }
            }
        }
        String reference = optionalString(body, "merchantReference");
        if (reference != null && (reference.isBlank() || reference.length() > 255)) {
            throw OrdersApiException.invalid("merchantReference", "merchantReference must be 1..255 characters");
        }
        return new CreateOrder(
                terminalId,
                parsed,
                total,
                currency,
                tokenize,
                initiateMethod,
                initiateAmount,
                reference,
                url(body, "returnUrl"),
                url(body, "notificationUrl"));
    }

    static Payment payment(JsonNode body) {
        String orderId = requiredString(body, "orderId");
        String method = requiredString(body, "paymentMethod");
        switch (method) {
            case "CARD" -> {
                JsonNode card = body.get("card");
                if (card == null || !card.isObject()) {
                    throw OrdersApiException.invalid("card", "a CARD payment needs a card object");
                }
                return new Payment(orderId, method, card(card), null);
            }
            case "CTOKEN" -> {
                return new Payment(orderId, method, null, requiredString(body, "tokenId"));
            }
            default ->
                throw OrdersApiException.badRequest(
                        "UNSUPPORTED_PAYMENT_METHOD", "paymentMethod", "paymentMethod must be CARD or CTOKEN");
        }
    }

    static CardInput card(JsonNode card) {
        String number = requiredString(card, "number", "card.number").replace(" ", "");
        int month = (int) requiredLong(card.get("expiryMonth"), "card.expiryMonth");
        int year = (int) requiredLong(card.get("expiryYear"), "card.expiryYear");
        String cvc = optionalString(card, "cvc");
        String holder = optionalString(card, "holderName");
        return new CardInput(number, month, year, cvc, holder);
    }

    static RefundRequest refund(JsonNode body) {
        long amount = requiredLong(body.get("amount"), "amount");
        if (amount <= 0) {
            throw OrdersApiException.badRequest("INVALID_AMOUNT", "amount", "amount must be greater than zero");
        }
        String reference = requiredString(body, "merchantReference");
        if (reference.length() > 255) {
            throw OrdersApiException.invalid("merchantReference", "merchantReference must be 1..255 characters");
        }
        return new RefundRequest(amount, reference);
    }

    /** The JDK's currency with this ISO 4217 numeric code ("752" SEK), if any. */
    static Optional<Currency> currency(String numeric) {
        if (numeric == null || !numeric.matches("[0-9]{3}")) {
            return Optional.empty();
        }
        return Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getNumericCodeAsString().equals(numeric))
                // X.. codes are funds, metals and "no currency" (999), not money a card pays in
                .filter(c -> !c.getCurrencyCode().startsWith("X"))
                .findFirst();
    }

    private static String url(JsonNode body, String field) {
        String value = optionalString(body, field);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw OrdersApiException.invalid(field, field + " must be an absolute http(s) URL");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw OrdersApiException.invalid(field, field + " must be an absolute http(s) URL");
        }
    }

    private static String requiredString(JsonNode node, String name) {
        return requiredString(node, name, name);
    }

    private static String requiredString(JsonNode node, String name, String field) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            throw OrdersApiException.invalid(field, field + " is required");
        }
        if (!value.isString() || value.asString().isBlank()) {
            throw OrdersApiException.invalid(field, field + " must be a non-empty string");
        }
        return value.asString();
    }

    private static String optionalString(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw OrdersApiException.invalid(name, name + " must be a string");
        }
        return value.asString();
    }

    private static long requiredLong(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            throw OrdersApiException.invalid(field, field + " is required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw OrdersApiException.invalid(field, field + " must be an integer (minor units)");
        }
        return value.longValue();
    }
}

package io.s2spay.sandbox.tokens;

import java.net.URI;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the tokens API's JSON bodies field by field, so each wrong value is refused with its own code and the
 * {@code param} it concerns (a card's fields are named {@code card[number]} and so on).
 */
final class TokensRequests {

    /** The currencies the simulated acquirer settles (lowercase ISO 4217 alpha codes). */
    static final Set<String> CURRENCIES =
            Set.of("eur", "usd", "gbp", "sek", "nok", "dkk", "chf", "pln", "czk", "huf", "jpy", "aud", "cad");

    static final long MAX_AMOUNT = 99_999_999L;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TokensRequests() {}

    static JsonNode body(String body) {
        if (body == null || body.isBlank()) {
            throw TokensApiException.invalid("body_missing", null, "The request needs a JSON object body.");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw TokensApiException.invalid("body_invalid", null, "The body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw TokensApiException.invalid("body_invalid", null, "The body is not valid JSON.");
        }
    }

    /** A required positive amount in minor units. */
    static long amount(JsonNode body, String param) {
        JsonNode value = body.get(param);
        if (value == null || value.isNull()) {
            throw TokensApiException.missing(param);
        }
        return positiveAmount(value, param);
    }

    /** An optional positive amount in minor units; null when absent. */
    static Long optionalAmount(JsonNode body, String param) {
        JsonNode value = body.get(param);
        return value == null || value.isNull() ? null : positiveAmount(value, param);
    }

    private static long positiveAmount(JsonNode value, String param) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw TokensApiException.invalid(
                    "invalid_amount", param, "Amounts are integers in the currency's minor unit.");
        }
        long amount = value.longValue();
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw TokensApiException.invalid(
                    "invalid_amount", param, "Amount must be between 1 and " + MAX_AMOUNT + " minor units.");
        }
        return amount;
    }

    static String currency(JsonNode body) {
        String currency = requiredString(body, "currency");
        if (!CURRENCIES.contains(currency)) {
            throw TokensApiException.invalid(
                    "invalid_currency",
                    "currency",
                    "Invalid currency: " + currency + ". Use a supported lowercase ISO code such as eur or sek.");
        }
        return currency;
    }

    static String requiredString(JsonNode body, String param) {
        String value = string(body, param, 255);
        if (value == null) {
            throw TokensApiException.missing(param);
        }
        return value;
    }

    /** An optional string of at most {@code maxLength} characters; null when absent or empty. */
    static String string(JsonNode body, String param, int maxLength) {
        JsonNode value = body.get(param);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw TokensApiException.invalid("invalid_string", param, param + " must be a string.");
        }
        String text = value.asString();
        if (text.isBlank()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw TokensApiException.invalid(
                    "string_too_long", param, param + " must be at most " + maxLength + " characters.");
        }
        return text;
    }

    static boolean bool(JsonNode body, String param) {
        JsonNode value = body.get(param);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw TokensApiException.invalid("invalid_boolean", param, param + " must be true or false.");
        }
        return value.booleanValue();
    }

    /** An optional absolute http(s) URL. */
    static String url(JsonNode body, String param) {
        String value = string(body, param, 2048);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw TokensApiException.invalid("url_invalid", param, param + " must be an absolute http(s) URL.");
    }

    static int integer(JsonNode card, String param, String code) {
        JsonNode value = card.get(param.substring("card[".length(), param.length() - 1));
        if (value == null || value.isNull()) {
            throw TokensApiException.missing(param);
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isString() && value.asString().matches("\\d{1,4}")) {
            return Integer.parseInt(value.asString());
        }
        throw TokensApiException.invalid(code, param, param + " must be a number.");
    }
}

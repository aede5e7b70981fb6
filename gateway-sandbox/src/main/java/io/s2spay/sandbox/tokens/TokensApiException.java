package io.s2spay.sandbox.tokens;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of the tokens API, rendered as {@code {"error":{type, code, message, param, ...}}} with its HTTP status by
 * {@link TokensErrorHandler}.
 */
final class TokensApiException extends RuntimeException {

    private final int status;
    private final Map<String, Object> error;

    private TokensApiException(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("code", code);
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
    }

    static TokensApiException invalid(String code, String param, String message) {
        return new TokensApiException(400, "invalid_request_error", code, message, param);
    }

    static TokensApiException missing(String param) {
        return invalid("parameter_missing", param, "Missing required param: " + param + ".");
    }

    static TokensApiException notFound(String param, String id) {
        return new TokensApiException(404, "invalid_request_error", "resource_missing", "No such object: " + id, param);
    }

    static TokensApiException unauthenticated(String code, String message) {
        return new TokensApiException(401, "authentication_error", code, message, null);
    }

    static TokensApiException forbidden(String message) {
        return new TokensApiException(403, "permission_error", "secret_key_required", message, null);
    }

    static TokensApiException conflict(String code, String message, String idName, String existingId) {
        TokensApiException e = new TokensApiException(409, "idempotency_error", code, message, "reference");
        e.error.put(idName, existingId);
        return e;
    }

    /** A payment that was made and failed: HTTP 400 with the payment's id and why it failed. */
    static TokensApiException paymentFailed(TokensPayment payment) {
        TokensApiException e = new TokensApiException(
                400,
                "card_declined".equals(payment.failureCode()) ? "card_error" : "api_error",
                payment.failureCode(),
                payment.failureMessage(),
                null);
        if (payment.declineCode() != null) {
            e.error.put("decline_code", payment.declineCode());
        }
        e.error.put("payment_id", payment.id());
        return e;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return Map.of("error", error);
    }
}

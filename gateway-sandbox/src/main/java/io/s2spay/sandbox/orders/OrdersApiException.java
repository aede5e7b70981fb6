package io.s2spay.sandbox.orders;

import java.util.Map;

/**
 * A request the orders API refuses: its HTTP status and the error body's {@code code}, {@code message} and the
 * {@code field} at fault (nullable); {@code extra} adds members beside {@code error} (the existing order of a
 * duplicate).
 */
final class OrdersApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final Map<String, Object> extra;

    OrdersApiException(int status, String code, String message, String field, Map<String, Object> extra) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    static OrdersApiException invalid(String field, String message) {
        return new OrdersApiException(400, "INVALID_REQUEST", message, field, null);
    }

    static OrdersApiException badRequest(String code, String field, String message) {
        return new OrdersApiException(400, code, message, field, null);
    }

    static OrdersApiException notFound(String code, String message) {
        return new OrdersApiException(404, code, message, null, null);
    }

    static OrdersApiException conflict(String code, String message, Map<String, Object> extra) {
        return new OrdersApiException(409, code, message, null, extra);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    Map<String, Object> extra() {
        return extra;
    }
}

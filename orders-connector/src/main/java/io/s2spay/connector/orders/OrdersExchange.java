package io.s2spay.connector.orders;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one HTTP exchange with the orders API produced: an answer (status and JSON body), or why there is none —
 * not sent at all (connection refused, circuit open: nothing reached the API) or no answer (timeout, reset, lost).
 */
record OrdersExchange(int status, JsonNode body, Failure failure, String reason) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Why there is no answer. */
    enum Failure {
        NOT_SENT,
        NO_ANSWER
    }

    static OrdersExchange answered(int status, String body) {
        JsonNode json = null;
        if (body != null && !body.isBlank()) {
            try {
                json = JSON.readTree(body);
            } catch (JacksonException e) {
                json = null;
            }
        }
        return new OrdersExchange(status, json, null, null);
    }

    static OrdersExchange notSent(String reason) {
        return new OrdersExchange(0, null, Failure.NOT_SENT, reason);
    }

    static OrdersExchange noAnswer(String reason) {
        return new OrdersExchange(0, null, Failure.NO_ANSWER, reason);
    }

    boolean notSent() {
        return failure == Failure.NOT_SENT;
    }

    /** True for an answer the API gave about the request itself (not a transport failure, not a 5xx page). */
    boolean answeredByApi() {
        return failure == null && status < 500 && body != null && body.isObject();
    }

    /** Neither a readable answer nor provably unsent: the API may have processed it. */
    boolean uncertain() {
        return !notSent() && !answeredByApi();
    }

    String errorCode() {
        return body == null ? null : body.path("error").path("code").asString(null);
    }

    String errorMessage() {
        return body == null ? null : body.path("error").path("message").asString(null);
    }

    /** For logs and failure reasons. */
    String describe() {
        if (failure != null) {
            return reason;
        }
        return "HTTP " + status + (errorCode() == null ? "" : " " + errorCode());
    }
}

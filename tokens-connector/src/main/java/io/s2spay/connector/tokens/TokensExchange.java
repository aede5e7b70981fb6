package io.s2spay.connector.tokens;

import tools.jackson.databind.JsonNode;

/**
 * One HTTP exchange with the tokens API as the transport saw it: answered (status and JSON body, null when the body
 * is not JSON), not sent (nothing reached the API), or no answer (it may have been processed).
 */
record TokensExchange(Kind kind, int status, JsonNode body, String reason) {

    /** What is known of the exchange. */
    enum Kind {
        ANSWERED,
        NOT_SENT,
        NO_ANSWER
    }

    static TokensExchange answered(int status, JsonNode body) {
        return new TokensExchange(Kind.ANSWERED, status, body, null);
    }

    static TokensExchange notSent(String reason) {
        return new TokensExchange(Kind.NOT_SENT, 0, null, reason);
    }

    static TokensExchange noAnswer(String reason) {
        return new TokensExchange(Kind.NO_ANSWER, 0, null, reason);
    }

    /** An answer the API gave about the request (not a 5xx, and readable JSON). */
    boolean usable() {
        return kind == Kind.ANSWERED && status < 500 && body != null;
    }

    JsonNode error() {
        return body == null ? null : body.path("error");
    }

    String errorCode() {
        return body == null ? null : body.path("error").path("code").asString(null);
    }

    String describe() {
        return switch (kind) {
            case ANSWERED -> "HTTP " + status;
            case NOT_SENT -> "not sent: " + reason;
            case NO_ANSWER -> "no answer: " + reason;
        };
    }
}

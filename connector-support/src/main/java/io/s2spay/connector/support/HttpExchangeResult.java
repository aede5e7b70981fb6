package io.s2spay.connector.support;

/**
 * What one HTTP exchange with a gateway produced, as the transport saw it: an answer (status and raw body), a request
 * never sent (nothing reached the gateway: safe to send again), or no answer (the gateway may have processed it).
 *
 * @param status HTTP status of an answer, 0 otherwise
 * @param body   the answer's body as text, null without an answer
 * @param reason why there is no answer, null with one
 * @param millis how long the exchange took, for the connector's log line
 */
public record HttpExchangeResult(Kind kind, int status, String body, String reason, long millis) {

    /** What is known of the exchange. */
    public enum Kind {
        ANSWERED,
        NOT_SENT,
        NO_ANSWER
    }

    static HttpExchangeResult answered(int status, String body, long millis) {
        return new HttpExchangeResult(Kind.ANSWERED, status, body, null, millis);
    }

    static HttpExchangeResult notSent(String reason, long millis) {
        return new HttpExchangeResult(Kind.NOT_SENT, 0, null, reason, millis);
    }

    static HttpExchangeResult noAnswer(String reason, long millis) {
        return new HttpExchangeResult(Kind.NO_ANSWER, 0, null, reason, millis);
    }

    public boolean answered() {
        return kind == Kind.ANSWERED;
    }

    public boolean notSent() {
        return kind == Kind.NOT_SENT;
    }
}

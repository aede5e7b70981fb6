package io.s2spay.executor.payment;

import java.time.Instant;
import java.util.Map;

/**
 * The gateway's final word on one attempt as the executor records it: the outcome, the gateway's own result, and
 * what came with it (card summary, redirect, new registration). For UNKNOWN and NOT_RECEIVED there may be no
 * result code; {@code reason} then says what happened (timeout, HTTP 503, not found by query...).
 * {@code submissions} counts how often the request was sent to obtain this answer (0 for a query alone).
 */
record GatewayAnswer(
        GatewayOutcome outcome,
        String category,
        String gatewayTransactionId,
        String resultCode,
        String resultDescription,
        Instant timestamp,
        CardOnFile card,
        RedirectInstruction redirect,
        String registrationId,
        String reason,
        int submissions) {

    /** The masked card the gateway reports (for payments on a stored registration). */
    record CardOnFile(String bin, String last4Digits, Integer expiryMonth, Integer expiryYear) {}

    /** Where the gateway wants the shopper sent. */
    record RedirectInstruction(String url, String method, Map<String, String> parameters) {}

    boolean hasResultCode() {
        return resultCode != null && !resultCode.isBlank();
    }

    /** A short text for logs and events: the result code and description, or the reason. */
    String summary() {
        if (hasResultCode()) {
            return resultCode + " " + (resultDescription == null ? "" : resultDescription);
        }
        return reason == null ? outcome.name() : reason;
    }
}

package io.s2spay.sandbox.notification;

import java.time.Instant;

/**
 * One webhook notification and its delivery so far.
 *
 * @param payload the plaintext JSON {@code {"type":"PAYMENT","payload":{...}}}, encrypted at each attempt
 */
public record Notification(
        String id,
        String paymentId,
        String entityId,
        String merchant,
        String url,
        String payload,
        int attempts,
        boolean delivered,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt) {

    Notification attempted(Integer status, String error, Instant now, Instant next) {
        boolean ok = status != null && status >= 200 && status < 300;
        return new Notification(
                id,
                paymentId,
                entityId,
                merchant,
                url,
                payload,
                attempts + 1,
                ok,
                status,
                error,
                createdAt,
                ok ? null : next,
                ok ? now : null);
    }
}

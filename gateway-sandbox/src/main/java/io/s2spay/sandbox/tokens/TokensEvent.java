package io.s2spay.sandbox.tokens;

import io.s2spay.sandbox.webhook.WebhookDelivery;
import java.time.Instant;

/** A webhook event and its delivery state (journal kind {@code tokens.event}, so undelivered ones survive a restart). */
record TokensEvent(
        String id,
        String account,
        String type,
        String objectId,
        String paymentId,
        String url,
        String payload,
        int attempts,
        boolean delivered,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt)
        implements WebhookDelivery.Webhook<TokensEvent> {

    @Override
    public String webhookId() {
        return id;
    }

    @Override
    public TokensEvent attempted(Integer status, String error, Instant attemptedAt, Instant nextAttemptAt) {
        boolean ok = status != null && status >= 200 && status < 300;
        return new TokensEvent(
                id,
                account,
                type,
                objectId,
                paymentId,
                url,
                payload,
                attempts + 1,
                ok,
                status,
                error,
                createdAt,
                nextAttemptAt);
    }
}

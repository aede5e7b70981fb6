package io.s2spay.checkout.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The webhook resources as the API shows them. */
final class WebhookViews {

    private WebhookViews() {}

    /** An endpoint; {@code secret} only in the answer that created it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EndpointView(
            String id, String url, String description, String secret, String status, String source, Instant createdAt) {

        static EndpointView of(WebhookRepository.Endpoint e, String secret) {
            return new EndpointView(
                    e.id(),
                    e.url(),
                    e.description(),
                    secret,
                    e.status(),
                    e.source().equals("config") ? "property" : "api",
                    e.createdAt());
        }
    }

    /** A list page. */
    record Page<T>(List<T> data, boolean hasMore) {}

    /** A delivery; {@code attempts} and {@code event} only when one delivery is read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(
            String id,
            String endpointId,
            String eventId,
            String eventType,
            String paymentId,
            long sequence,
            String status,
            int attemptCount,
            Instant nextAttemptAt,
            Instant giveUpAt,
            Instant createdAt,
            Instant deliveredAt,
            Object event,
            List<AttemptView> attempts) {

        static DeliveryView of(WebhookRepository.Delivery d, Object event, List<AttemptView> attempts) {
            return new DeliveryView(
                    d.id(),
                    d.endpointId(),
                    d.eventId(),
                    d.eventType(),
                    d.paymentId(),
                    d.sequence(),
                    d.status(),
                    d.attemptCount(),
                    d.status().equals("pending") ? d.nextAttemptAt() : null,
                    d.giveUpAt(),
                    d.createdAt(),
                    d.deliveredAt(),
                    event,
                    attempts);
        }
    }

    /** One attempt: when, the HTTP status or the error, how long it took. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptView(int attempt, Instant attemptedAt, Integer httpStatus, String error, long durationMillis) {

        static AttemptView of(WebhookRepository.Attempt a) {
            return new AttemptView(a.attempt(), a.attemptedAt(), a.httpStatus(), a.error(), a.durationMillis());
        }
    }
}

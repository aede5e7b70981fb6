package io.s2spay.checkout.webhook;

import io.s2spay.schema.event.PaymentEventEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records, in the read model's transaction, one delivery of a payment event per enabled endpoint of its merchant,
 * with the JSON body fixed now; the {@link WebhookDispatcher} sends it later, never on the payment path.
 */
@Service
public class MerchantWebhooks {

    private final WebhookRepository repository;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookProperties properties;

    MerchantWebhooks(WebhookRepository repository, JsonMapper json, Clock clock, WebhookProperties properties) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** Records {@code event} (already applied to the payment, whose API view is {@code paymentView}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(PaymentEventEnvelope event, Object paymentView) {
        var endpoints = repository.enabledEndpoints(event.getMerchantId());
        if (endpoints.isEmpty()) {
            return;
        }
        byte[] body = body(event, paymentView);
        String type = WebhookEventTypes.of(event.getPayload());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (WebhookRepository.Endpoint endpoint : endpoints) {
            long sequence = repository.nextSequence(endpoint.id(), event.getPaymentId());
            repository.insertDelivery(
                    newDeliveryId(),
                    endpoint.id(),
                    event.getMerchantId(),
                    event.getPaymentId(),
                    event.getMessageId(),
                    type,
                    sequence,
                    body,
                    now,
                    now.plus(properties.retryFor()));
        }
    }

    byte[] body(PaymentEventEnvelope event, Object paymentView) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.getMessageId());
        body.put("type", WebhookEventTypes.of(event.getPayload()));
        body.put("created", event.getOccurredAt().truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("payment", paymentView);
        return json.writeValueAsBytes(body);
    }

    static String newDeliveryId() {
        return "wd_" + UUID.randomUUID().toString().replace("-", "");
    }
}

package io.s2spay.sandbox.orders;

import io.s2spay.sandbox.journal.Journal;
import io.s2spay.sandbox.webhook.WebhookDelivery;
import io.s2spay.sandbox.webhook.WebhookSignature;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders API's webhooks: every status change of an order is POSTed as JSON to the order's notificationUrl (else
 * the merchant's webhook-url), signed with {@code X-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
 * body)>} and {@code X-Timestamp} (seconds, the attempt's own time), and retried with exponential backoff until a
 * 2xx answer, by the sandbox's one {@link WebhookDelivery}. Deliveries are journaled ({@code orders.webhook}), so
 * undelivered ones survive a restart.
 */
@Component
class OrdersWebhooks {

    static final String KIND = "orders.webhook";

    /** One webhook and its delivery so far. */
    record Delivery(
            String eventId,
            String merchantId,
            String orderId,
            String type,
            String url,
            String payload,
            int attempts,
            boolean delivered,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt)
            implements WebhookDelivery.Webhook<Delivery> {

        @Override
        public String webhookId() {
            return eventId;
        }

        @Override
        public Delivery attempted(Integer status, String error, Instant attemptedAt, Instant next) {
            boolean ok = status != null && status >= 200 && status < 300;
            return new Delivery(
                    eventId, merchantId, orderId, type, url, payload, attempts + 1, ok, status, error, createdAt, next);
        }
    }

    private final OrdersProperties properties;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final WebhookDelivery<Delivery> delivery;

    OrdersWebhooks(OrdersProperties properties, Journal journal, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.delivery = new WebhookDelivery<>(
                "orders", KIND, Delivery.class, properties.webhooks(), journal, clock, this::signed);
    }

    @PostConstruct
    void start() {
        delivery.start();
    }

    @PreDestroy
    void stop() {
        delivery.close();
    }

    /** Sends {@code event} (eventId, type, merchantId, orderId... are the caller's) about {@code order}. */
    void publish(Order order, String type, Map<String, Object> event) {
        OrdersProperties.Merchant merchant = properties.merchants().get(order.merchantId());
        String url = order.notificationUrl();
        if (url == null && merchant != null && merchant.webhookUrl() != null) {
            url = merchant.webhookUrl().toString();
        }
        if (url == null || merchant == null) {
            return;
        }
        Instant now = clock.instant();
        String eventId = String.valueOf(event.get("eventId"));
        Delivery webhook = new Delivery(
                eventId,
                order.merchantId(),
                order.orderId(),
                type,
                url,
                mapper.writeValueAsString(event),
                0,
                false,
                null,
                null,
                now,
                now);
        delivery.send(webhook);
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The webhooks about an order (or all), oldest first. */
    List<Delivery> deliveries(String orderId) {
        return delivery.deliveries(d -> orderId == null || d.orderId().equals(orderId));
    }

    /** {@code sha256=<hex>} of HMAC-SHA256 over {@code timestamp + "." + body} with the secret's UTF-8 bytes. */
    static String signature(String secret, long timestamp, String body) {
        return "sha256=" + WebhookSignature.hmacSha256Hex(secret, timestamp, body);
    }

    /** The webhook's JSON body, signed at the attempt's own time. */
    private HttpRequest.Builder signed(HttpRequest.Builder request, Delivery webhook, Instant now) {
        OrdersProperties.Merchant merchant = properties.merchants().get(webhook.merchantId());
        long timestamp = now.getEpochSecond();
        return request.header("Content-Type", "application/json")
                .header("X-Event-Id", webhook.eventId())
                .header("X-Timestamp", String.valueOf(timestamp))
                .header("X-Signature", signature(merchant.webhookSecret(), timestamp, webhook.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(webhook.payload(), StandardCharsets.UTF_8));
    }
}

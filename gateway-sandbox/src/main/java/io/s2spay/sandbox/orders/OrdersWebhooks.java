package io.s2spay.sandbox.orders;

import io.s2spay.sandbox.journal.Journal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders API's webhooks: every status change of an order is POSTed as JSON to the order's notificationUrl (else
 * the merchant's webhook-url), signed with {@code X-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
 * body)>} and {@code X-Timestamp} (seconds, the attempt's own time), and retried with exponential backoff until a
 * 2xx answer. Deliveries are journaled ({@code orders.webhook}), so undelivered ones survive a restart.
 */
@Component
class OrdersWebhooks {

    static final String KIND = "orders.webhook";
    private static final Logger log = LoggerFactory.getLogger(OrdersWebhooks.class);

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
            Instant nextAttemptAt) {

        Delivery attempted(Integer status, String error, Instant next) {
            boolean ok = status != null && status >= 200 && status < 300;
            return new Delivery(
                    eventId, merchantId, orderId, type, url, payload, attempts + 1, ok, status, error, createdAt, next);
        }
    }

    private final OrdersProperties properties;
    private final Journal journal;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sandbox-orders-webhooks").daemon(true).factory());
    private final HttpClient http;

    OrdersWebhooks(OrdersProperties properties, Journal journal, Clock clock) {
        this.properties = properties;
        this.journal = journal;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhooks().connectTimeout())
                .executor(senders)
                .build();
        journal.restored(KIND, Delivery.class).forEach(d -> deliveries.put(d.eventId(), d));
    }

    @PostConstruct
    void start() {
        Instant now = clock.instant();
        deliveries.values().stream().filter(d -> !d.delivered()).forEach(d -> schedule(d, now));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        senders.shutdownNow();
        http.shutdownNow();
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
        Delivery delivery = new Delivery(
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
        record(delivery);
        schedule(delivery, now);
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The webhooks about an order (or all), oldest first. */
    List<Delivery> deliveries(String orderId) {
        List<Delivery> list = new ArrayList<>(deliveries.values().stream()
                .filter(d -> orderId == null || d.orderId().equals(orderId))
                .toList());
        list.sort(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::eventId));
        return list;
    }

    /** {@code sha256=<hex>} of HMAC-SHA256 over {@code timestamp + "." + body} with the secret's UTF-8 bytes. */
    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private void schedule(Delivery delivery, Instant now) {
        long delay = Math.max(0, Duration.between(now, delivery.nextAttemptAt()).toMillis());
        try {
            timer.schedule(() -> senders.execute(() -> deliver(delivery.eventId())), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Orders webhook {} not scheduled: shutting down", delivery.eventId());
        }
    }

    private void deliver(String eventId) {
        Delivery delivery = deliveries.get(eventId);
        if (delivery == null || delivery.delivered()) {
            return;
        }
        OrdersProperties.Merchant merchant = properties.merchants().get(delivery.merchantId());
        Integer status = null;
        String error = null;
        try {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.webhooks().requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-Event-Id", delivery.eventId())
                    .header("X-Timestamp", String.valueOf(timestamp))
                    .header("X-Signature", signature(merchant.webhookSecret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
        }
        Instant now = clock.instant();
        Delivery attempted = delivery.attempted(status, error, now.plus(backoff(delivery.attempts())));
        record(attempted);
        if (!attempted.delivered()) {
            int max = properties.webhooks().maxAttempts();
            if (max > 0 && attempted.attempts() >= max) {
                log.warn("Orders webhook {} abandoned after {} attempts", eventId, attempted.attempts());
                return;
            }
            schedule(attempted, now);
        }
    }

    private Duration backoff(int attemptsBefore) {
        Duration next = properties.webhooks().initialBackoff().multipliedBy(1L << Math.min(attemptsBefore, 20));
        return next.compareTo(properties.webhooks().maxBackoff()) > 0
                ? properties.webhooks().maxBackoff()
                : next;
    }

    private void record(Delivery delivery) {
        deliveries.put(delivery.eventId(), delivery);
        journal.append(KIND, delivery.eventId(), delivery);
    }
}

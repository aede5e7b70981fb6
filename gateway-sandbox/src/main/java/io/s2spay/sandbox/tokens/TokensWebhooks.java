package io.s2spay.sandbox.tokens;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Sends the tokens API's webhook events ({@code payment.succeeded}, {@code refund.succeeded}, ...) to the account's
 * webhook URL as JSON, signed in the header {@code Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + body)>}, retried with exponential backoff until a 2xx answer. Events are journaled, so undelivered ones
 * are sent again after a restart.
 */
@Component
class TokensWebhooks {

    static final String KIND = "tokens.event";
    private static final Logger log = LoggerFactory.getLogger(TokensWebhooks.class);

    private final TokensSandboxProperties properties;
    private final Journal journal;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Map<String, TokensEvent> events = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sandbox-tokens-webhooks").daemon(true).factory());
    private final HttpClient http;

    TokensWebhooks(TokensSandboxProperties properties, Journal journal, Clock clock) {
        this.properties = properties;
        this.journal = journal;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhooks().connectTimeout())
                .executor(senders)
                .build();
        journal.restored(KIND, TokensEvent.class).forEach(e -> events.put(e.id(), e));
    }

    @PostConstruct
    void start() {
        Instant now = clock.instant();
        events.values().stream().filter(e -> !e.delivered()).forEach(e -> schedule(e, now));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        senders.shutdownNow();
        http.shutdownNow();
    }

    /** The payment's event ({@code payment.succeeded}, {@code payment.failed}, {@code payment.requires_action}). */
    void paymentChanged(TokensPayment payment) {
        send(
                payment.account(),
                "payment." + payment.status().apiName,
                payment.id(),
                payment.id(),
                TokensJson.payment(payment));
    }

    void refunded(TokensRefund refund) {
        send(refund.account(), "refund." + refund.status(), refund.id(), refund.paymentId(), TokensJson.refund(refund));
    }

    void paymentMethodChanged(PaymentMethod method, String change) {
        send(method.account(), "payment_method." + change, method.id(), null, TokensJson.paymentMethod(method));
    }

    /** The events about a payment (its refunds' too), or all of them, oldest first. */
    List<TokensEvent> events(String paymentId) {
        List<TokensEvent> list = new ArrayList<>();
        events.values().stream()
                .filter(e -> paymentId == null || paymentId.equals(e.paymentId()))
                .forEach(list::add);
        list.sort(Comparator.comparing(TokensEvent::createdAt).thenComparing(TokensEvent::id));
        return list;
    }

    /** The {@code Signature} header's value for {@code body} at {@code timestamp} (unix seconds). */
    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private void send(String account, String type, String objectId, String paymentId, Map<String, Object> object) {
        TokensSandboxProperties.Account settings = properties.accounts().get(account);
        if (settings == null || settings.webhookUrl() == null) {
            return;
        }
        Instant now = clock.instant();
        String id = TokensIds.next("evt");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("object", "event");
        body.put("type", type);
        body.put("created", now.getEpochSecond());
        body.put("data", Map.of("object", object));
        TokensEvent event = new TokensEvent(
                id,
                account,
                type,
                objectId,
                paymentId,
                settings.webhookUrl().toString(),
                mapper.writeValueAsString(body),
                0,
                false,
                null,
                null,
                now,
                now);
        record(event);
        schedule(event, now);
    }

    private void schedule(TokensEvent event, Instant now) {
        long delay = Math.max(0, Duration.between(now, event.nextAttemptAt()).toMillis());
        try {
            timer.schedule(() -> senders.execute(() -> deliver(event.id())), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Tokens event {} not scheduled: shutting down", event.id());
        }
    }

    private void deliver(String id) {
        TokensEvent event = events.get(id);
        if (event == null || event.delivered()) {
            return;
        }
        TokensSandboxProperties.Account account = properties.accounts().get(event.account());
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(event.url()))
                    .timeout(properties.webhooks().requestTimeout())
                    .header("Content-Type", "application/json")
                    .header(
                            "Signature",
                            signature(account.webhookSecret(), clock.instant().getEpochSecond(), event.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
        }
        Instant now = clock.instant();
        TokensEvent attempted = event.attempted(status, error, now.plus(backoff(event.attempts())));
        record(attempted);
        if (!attempted.delivered()) {
            int maxAttempts = properties.webhooks().maxAttempts();
            if (maxAttempts > 0 && attempted.attempts() >= maxAttempts) {
                log.warn("Tokens event {} abandoned after {} attempts", id, attempted.attempts());
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

    private void record(TokensEvent event) {
        events.put(event.id(), event);
        journal.append(KIND, event.id(), event);
    }
}

package io.s2spay.sandbox.tokens;

import io.s2spay.sandbox.journal.Journal;
import io.s2spay.sandbox.webhook.WebhookDelivery;
import io.s2spay.sandbox.webhook.WebhookSignature;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the tokens API's webhook events ({@code payment.succeeded}, {@code refund.succeeded}, ...) to the account's
 * webhook URL as JSON, signed in the header {@code Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + body)>}, retried with exponential backoff until a 2xx answer by the sandbox's one
 * {@link WebhookDelivery}. Events are journaled, so undelivered ones are sent again after a restart.
 */
@Component
class TokensWebhooks {

    static final String KIND = "tokens.event";

    private final TokensSandboxProperties properties;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final WebhookDelivery<TokensEvent> delivery;

    TokensWebhooks(TokensSandboxProperties properties, Journal journal, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.delivery = new WebhookDelivery<>(
                "tokens", KIND, TokensEvent.class, properties.webhooks(), journal, clock, this::signed);
    }

    @PostConstruct
    void start() {
        delivery.start();
    }

    @PreDestroy
    void stop() {
        delivery.close();
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
        return delivery.deliveries(e -> paymentId == null || paymentId.equals(e.paymentId()));
    }

    /** The {@code Signature} header's value for {@code body} at {@code timestamp} (unix seconds). */
    static String signature(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + WebhookSignature.hmacSha256Hex(secret, timestamp, body);
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
        delivery.send(event);
    }

    /** The event's JSON body, signed at the attempt's own time. */
    private HttpRequest.Builder signed(HttpRequest.Builder request, TokensEvent event, Instant now) {
        TokensSandboxProperties.Account account = properties.accounts().get(event.account());
        return request.header("Content-Type", "application/json")
                .header("Signature", signature(account.webhookSecret(), now.getEpochSecond(), event.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8));
    }
}

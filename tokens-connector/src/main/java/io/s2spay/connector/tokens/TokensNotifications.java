package io.s2spay.connector.tokens;

import io.s2spay.connector.support.WebhookSignatures;
import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.InvalidNotificationException;
import io.s2spay.gateway.InvalidNotificationException.Reason;
import io.s2spay.gateway.NotificationMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates and reads the tokens API's webhooks: {@code Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(webhook
 * secret, t + "." + raw body)>}, compared in constant time, with {@code t} within the configured tolerance of now
 * (a replayed old delivery is refused), then the event's {@code data.object} read as a payment, a refund or a saved
 * card.
 */
final class TokensNotifications {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Duration tolerance;
    private final Clock clock;

    TokensNotifications(TokensProperties properties) {
        this(properties.webhookTolerance(), Clock.systemUTC());
    }

    TokensNotifications(Duration tolerance, Clock clock) {
        this.tolerance = tolerance;
        this.clock = clock;
    }

    GatewayNotification decode(TokensProperties.Account account, NotificationMessage message) {
        String header = message.header("Signature");
        if (header == null || header.isBlank()) {
            throw new InvalidNotificationException(Reason.MALFORMED, "no Signature header");
        }
        if (message.body() == null || message.body().isEmpty()) {
            throw new InvalidNotificationException(Reason.MALFORMED, "empty body");
        }
        Long timestamp = null;
        byte[] signature = null;
        for (String part : header.split(",")) {
            String item = part.strip();
            try {
                if (item.startsWith("t=")) {
                    timestamp = Long.parseLong(item.substring(2));
                } else if (item.startsWith("v1=")) {
                    signature = HexFormat.of().parseHex(item.substring(3));
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidNotificationException(Reason.MALFORMED, "unreadable Signature header part " + item);
            }
        }
        if (timestamp == null || signature == null) {
            throw new InvalidNotificationException(Reason.MALFORMED, "the Signature header needs t= and v1=");
        }
        byte[] expected = WebhookSignatures.hmacSha256(account.webhookSecret(), timestamp.toString(), message.body());
        if (!WebhookSignatures.same(expected, signature)) {
            throw new InvalidNotificationException(
                    Reason.AUTHENTICATION_FAILED, "the signature does not match the body (wrong secret or altered)");
        }
        if (!WebhookSignatures.withinTolerance(timestamp, clock, tolerance)) {
            throw new InvalidNotificationException(
                    Reason.AUTHENTICATION_FAILED,
                    "the signature's timestamp is "
                            + WebhookSignatures.age(timestamp, clock).toSeconds()
                            + " s from now, beyond the tolerance of " + tolerance.toSeconds() + " s");
        }
        JsonNode event;
        try {
            event = MAPPER.readTree(message.body());
        } catch (RuntimeException e) {
            throw new InvalidNotificationException(Reason.UNREADABLE_PAYLOAD, "the body is not JSON", e);
        }
        String type = event.path("type").asString("");
        JsonNode object = event.path("data").path("object");
        if (!object.isObject()) {
            throw new InvalidNotificationException(Reason.UNREADABLE_PAYLOAD, "the event has no data.object");
        }
        if (type.startsWith("payment_method.")) {
            String action = switch (type) {
                case "payment_method.detached" -> "DELETED";
                case "payment_method.attached" -> "CREATED";
                default -> "UPDATED";
            };
            return new GatewayNotification(GatewayNotification.Subject.STORED_CARD, null, action);
        }
        if (type.startsWith("payment.")) {
            return new GatewayNotification(GatewayNotification.Subject.PAYMENT, TokensAnswers.payment(object), null);
        }
        if (type.startsWith("refund.")) {
            return new GatewayNotification(GatewayNotification.Subject.PAYMENT, TokensAnswers.refund(object), null);
        }
        return new GatewayNotification(GatewayNotification.Subject.OTHER, null, null);
    }
}

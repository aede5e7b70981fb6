package io.s2spay.connector.orders;

import io.s2spay.connector.support.WebhookSignatures;
import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.InvalidNotificationException;
import io.s2spay.gateway.InvalidNotificationException.Reason;
import io.s2spay.gateway.NotificationMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates and reads the orders API's webhooks: {@code X-Signature: sha256=<hex>} must be the HMAC-SHA256 of
 * {@code X-Timestamp + "." + raw body} with the account's webhook secret (compared in constant time), the timestamp
 * within the tolerance of now (a replayed old webhook is refused), and the payload about the account's merchant.
 */
final class OrdersNotifications {

    private static final Pattern SIGNATURE = Pattern.compile("sha256=[0-9a-f]{64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Duration tolerance;
    private final Clock clock;

    OrdersNotifications(Duration tolerance, Clock clock) {
        this.tolerance = tolerance;
        this.clock = clock;
    }

    GatewayNotification decode(OrdersProperties.Account account, NotificationMessage message) {
        String signature = message.header("X-Signature");
        String timestamp = message.header("X-Timestamp");
        String body = message.body();
        if (signature == null || timestamp == null || body == null) {
            throw new InvalidNotificationException(
                    Reason.MALFORMED, "an orders webhook needs X-Signature, X-Timestamp and a body");
        }
        if (!SIGNATURE.matcher(signature.strip()).matches()) {
            throw new InvalidNotificationException(
                    Reason.MALFORMED, "X-Signature must be sha256= and 64 lowercase hex characters");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new InvalidNotificationException(Reason.MALFORMED, "X-Timestamp must be Unix seconds", e);
        }
        byte[] expected = sign(account.webhookSecret(), timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        if (!WebhookSignatures.same(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidNotificationException(
                    Reason.AUTHENTICATION_FAILED,
                    "the signature does not match: not sent by the orders API with this account's secret, or altered");
        }
        if (!WebhookSignatures.withinTolerance(seconds, clock, tolerance)) {
            throw new InvalidNotificationException(
                    Reason.AUTHENTICATION_FAILED,
                    "the webhook's timestamp is "
                            + WebhookSignatures.age(seconds, clock).toSeconds()
                            + " s from now, beyond the tolerance of " + tolerance.toSeconds() + " s (a replay?)");
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidNotificationException(Reason.UNREADABLE_PAYLOAD, "the webhook's body is not JSON", e);
        }
        if (event == null || !event.isObject() || !event.path("type").isString()) {
            throw new InvalidNotificationException(Reason.UNREADABLE_PAYLOAD, "the webhook has no type");
        }
        if (!account.merchantId().equals(event.path("merchantId").asString(null))) {
            throw new InvalidNotificationException(
                    Reason.AUTHENTICATION_FAILED, "the webhook is about another merchant than this account's");
        }
        String orderId = event.path("orderId").asString(null);
        if (orderId == null) {
            throw new InvalidNotificationException(Reason.UNREADABLE_PAYLOAD, "the webhook names no order");
        }
        return switch (event.path("type").asString()) {
            case "ORDER_STATUS_CHANGED" ->
                new GatewayNotification(
                        GatewayNotification.Subject.PAYMENT, OrdersAnswers.orderStatus(event, null), null);
            case "REFUND_COMPLETED" -> {
                JsonNode refund = event.path("refund");
                if (!refund.isObject()) {
                    throw new InvalidNotificationException(
                            Reason.UNREADABLE_PAYLOAD, "a REFUND_COMPLETED webhook without its refund");
                }
                yield new GatewayNotification(
                        GatewayNotification.Subject.PAYMENT,
                        OrdersAnswers.refund(
                                refund, orderId, event.path("currency").asString(null)),
                        null);
            }
            default -> new GatewayNotification(GatewayNotification.Subject.OTHER, null, null);
        };
    }

    /** {@code sha256=<hex>} of HMAC-SHA256(secret, timestamp + "." + body), as the API signs. */
    static String sign(String secret, String timestamp, String body) {
        return "sha256=" + HexFormat.of().formatHex(WebhookSignatures.hmacSha256(secret, timestamp, body));
    }
}

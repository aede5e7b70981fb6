package io.s2spay.connector.orders;

import static io.s2spay.connector.orders.OrdersSandbox.ACCOUNT;
import static io.s2spay.connector.orders.OrdersSandbox.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.gateway.InvalidNotificationException;
import io.s2spay.gateway.NotificationMessage;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's real webhooks, received over HTTP and decoded by the connector: authentic ones read as the payment
 * or refund they report; tampered, wrongly keyed, stale, malformed or unreadable ones refused with their reason.
 */
class OrdersNotificationsIT {

    private static OrdersSandbox sandbox;
    private static OrdersGateway gateway;
    private static HttpServer receiver;
    private static final List<NotificationMessage> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sandbox = OrdersSandbox.shared();
        gateway = sandbox.gateway();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                received.add(new NotificationMessage(new String(in.readAllBytes(), StandardCharsets.UTF_8), headers));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        gateway.close();
    }

    private static String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook";
    }

    /** A payment notifying the test's receiver; the webhooks about its order once {@code count} arrived. */
    private static List<NotificationMessage> webhooksOf(GatewayTransaction paid, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> received.stream()
                                .filter(m -> m.body().contains(paid.gatewayTransactionId()))
                                .count()
                        >= count);
        return received.stream()
                .filter(m -> m.body().contains(paid.gatewayTransactionId()))
                .toList();
    }

    private static NotificationMessage ofType(List<NotificationMessage> webhooks, String type) {
        return webhooks.stream()
                .filter(m -> m.body().contains("\"type\":\"" + type + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " webhook"));
    }

    private static GatewayTransaction payNotifying(String reference) {
        return gateway.submitInitial(
                ACCOUNT,
                new InitialPaymentRequest(
                        TransactionType.DB,
                        6000,
                        "SEK",
                        "VISA",
                        reference,
                        OrdersSandbox.card("4200000000000000"),
                        null,
                        false,
                        null,
                        OrdersSandbox.SHOP,
                        url(),
                        null));
    }

    @Test
    void decodesThePaymentAndTheRefundItReports() {
        String reference = reference();
        GatewayTransaction paid = payNotifying(reference);
        gateway.submitFollowUp(
                ACCOUNT,
                new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 2500L, "SEK", "rf-" + reference));

        List<NotificationMessage> webhooks = webhooksOf(paid, 2);
        // deliveries run concurrently: they may arrive in either order
        GatewayNotification payment = gateway.decodeNotification(ACCOUNT, ofType(webhooks, "ORDER_STATUS_CHANGED"));
        assertThat(payment.isPayment()).isTrue();
        assertThat(payment.transaction().outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(payment.transaction().type()).isEqualTo(TransactionType.DB);
        assertThat(payment.transaction().gatewayTransactionId()).isEqualTo(paid.gatewayTransactionId());
        assertThat(payment.transaction().merchantTransactionId()).isEqualTo(reference);
        assertThat(payment.transaction().amountMinor()).isEqualTo(6000);
        assertThat(payment.transaction().currency()).isEqualTo("SEK");

        GatewayNotification refund = gateway.decodeNotification(ACCOUNT, ofType(webhooks, "REFUND_COMPLETED"));
        assertThat(refund.transaction().type()).isEqualTo(TransactionType.RF);
        assertThat(refund.transaction().outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(refund.transaction().amountMinor()).isEqualTo(2500);
        assertThat(refund.transaction().referencedId()).isEqualTo(paid.gatewayTransactionId());
        assertThat(refund.transaction().merchantTransactionId()).isEqualTo("rf-" + reference);
    }

    @Test
    void refusesATamperedWronglyKeyedStaleOrMalformedWebhook() {
        NotificationMessage authentic = webhooksOf(payNotifying(reference()), 1).get(0);

        NotificationMessage tampered = new NotificationMessage(
                authentic.body().replace("\"amount\":6000", "\"amount\":1"), authentic.headers());
        assertRefused(gateway, tampered, InvalidNotificationException.Reason.AUTHENTICATION_FAILED);

        // merchant B's account: its own secret does not match merchant A's signature
        assertRefused(
                gateway,
                OrdersSandbox.OTHER_ACCOUNT,
                authentic,
                InvalidNotificationException.Reason.AUTHENTICATION_FAILED);

        OrdersProperties properties = sandbox.properties();
        try (OrdersGateway later = new OrdersGateway(
                properties,
                OrdersGateway.defaultCircuitBreaker(properties),
                builder -> {},
                Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC))) {
            assertRefused(later, authentic, InvalidNotificationException.Reason.AUTHENTICATION_FAILED);
        }

        Map<String, String> headers = new java.util.HashMap<>(authentic.headers());
        // NotificationMessage keeps header names in lower case
        headers.put("x-signature", "sha256=not-hex");
        assertRefused(
                gateway,
                new NotificationMessage(authentic.body(), headers),
                InvalidNotificationException.Reason.MALFORMED);
        headers.remove("x-signature");
        assertRefused(
                gateway,
                new NotificationMessage(authentic.body(), headers),
                InvalidNotificationException.Reason.MALFORMED);

        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String garbage = "not json";
        NotificationMessage unreadable = new NotificationMessage(
                garbage,
                Map.of(
                        "X-Timestamp",
                        timestamp,
                        "X-Signature",
                        OrdersNotifications.sign("orders-test-webhook-secret-merchant-a", timestamp, garbage)));
        assertRefused(gateway, unreadable, InvalidNotificationException.Reason.UNREADABLE_PAYLOAD);
    }

    private static void assertRefused(
            OrdersGateway on, NotificationMessage message, InvalidNotificationException.Reason reason) {
        assertRefused(on, ACCOUNT, message, reason);
    }

    private static void assertRefused(
            OrdersGateway on, String account, NotificationMessage message, InvalidNotificationException.Reason reason) {
        assertThatThrownBy(() -> on.decodeNotification(account, message))
                .isInstanceOfSatisfying(
                        InvalidNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

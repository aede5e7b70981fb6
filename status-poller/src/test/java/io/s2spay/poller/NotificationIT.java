package io.s2spay.poller;

import static io.s2spay.poller.PaymentEvents.envelope;
import static io.s2spay.poller.PaymentEvents.newPaymentId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.connector.opp.OppPaymentRequest;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.poller.tracking.TrackedPayment;
import io.s2spay.poller.tracking.TrackingStatus;
import io.s2spay.schema.GatewayAccountRef;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's webhooks reach the poller and make the payment they concern due at once: the outcome is known when
 * the shopper completes the redirect, not at the next scheduled check. Tampered webhooks are refused.
 */
class NotificationIT {

    private static final String MERCHANT = PaymentEvents.MERCHANT;
    private static final CardData THREE_DS = new CardData("4711100000000000", "Jane Doe", 12, 2030, "123");

    private static int port;
    private static PollerHarness harness;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("s2spay.poller.janitor-interval", "200ms");
        // scheduled checks far away: only a webhook can make these payments due
        properties.put("s2spay.poller.redirect-first-check", "1h");
        properties.put("s2spay.poller.redirect-interval", "1h");
        harness = new PollerHarness(
                Map.of(
                        "sandbox.merchants.merchant-a.webhook-url",
                        "http://127.0.0.1:" + port + "/v1/notifications/opp/" + MERCHANT,
                        "sandbox.async.session-timeout",
                        "1h"),
                properties);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void theWebhookOfACompletedChallengeResolvesThePaymentAtOnce() {
        String paymentId = newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();
        OppTransaction pending = harness.gateway.submitPayment(
                MERCHANT,
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        4200,
                        "EUR",
                        "VISA",
                        mtid,
                        THREE_DS,
                        false,
                        null,
                        "https://shop.example/return",
                        null,
                        null));
        // the executor names the account that processed it; the check and the webhook go to that account
        PaymentEventEnvelope redirect = PaymentEventEnvelope.newBuilder(envelope(
                        paymentId,
                        PaymentEvents.redirectRequired(PaymentType.DB, 4200, mtid, pending.gatewayTransactionId())))
                .setGateway(new GatewayAccountRef("opp", MERCHANT))
                .build();
        harness.kafka.send(Topics.PAYMENT_EVENTS, paymentId, redirect).join();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> harness.tracked
                                .find(paymentId)
                                .filter(p -> p.status() == TrackingStatus.REDIRECT_PENDING),
                        Optional::isPresent);

        assertThat(harness.sandbox.completeChallenge(pending.redirect().parameter("threeDSSessionData"), "approve"))
                .isEqualTo(302);

        List<PaymentDebited> debited = await().atMost(Duration.ofSeconds(30))
                .until(() -> harness.events.of(paymentId, PaymentDebited.class), list -> !list.isEmpty());
        assertThat(debited.getFirst().getGatewayResult().getGatewayTransactionId())
                .isEqualTo(pending.gatewayTransactionId());
        TrackedPayment closed = harness.tracked.find(paymentId).orElseThrow();
        assertThat(closed.status()).isEqualTo(TrackingStatus.CLOSED);
        assertThat(closed.gatewayAccount()).isEqualTo(new GatewayAccount("opp", MERCHANT));
    }

    @Test
    void aNotificationForAGatewayOrAccountNotConfiguredHereIsNotFound() throws Exception {
        for (String path : List.of("tokens/" + MERCHANT, "opp/merchant-nobody", "OPP/" + MERCHANT)) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/notifications/" + path))
                                    .header("Content-Type", "text/plain")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("unknown-merchant");
        }
    }

    @Test
    void refusesATamperedNotification() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/v1/notifications/opp/" + MERCHANT))
                                .header("Content-Type", "text/plain")
                                .header("X-Initialization-Vector", "000102030405060708090a0b")
                                .header("X-Authentication-Tag", "000102030405060708090a0b0c0d0e0f")
                                .POST(HttpRequest.BodyPublishers.ofString("7b2274797065223a225041594d454e54227d"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("AUTHENTICATION_FAILED");
    }
}

package io.s2spay.connector.opp;

import static io.s2spay.connector.opp.SandboxGateway.MERCHANT;
import static io.s2spay.connector.opp.SandboxGateway.OTHER_MERCHANT;
import static io.s2spay.connector.opp.SandboxGateway.newMerchantTransactionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.s2spay.gateway.CardData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhooks the sandbox really sends (AES-256-GCM, hex, IV and tag headers), received over HTTP and decoded. */
class NotificationsIT {

    static SandboxGateway gateway;
    static OppGatewayClient client;
    static OppNotificationDecoders decoders;
    static HttpServer receiver;
    static final ConcurrentLinkedQueue<Webhook> received = new ConcurrentLinkedQueue<>();

    /** One webhook as it arrived: hex body and the two headers. */
    record Webhook(String body, String iv, String tag) {}

    @BeforeAll
    static void start() throws IOException {
        gateway = SandboxGateway.shared();
        OppProperties properties = gateway.properties(Duration.ofSeconds(5));
        client = gateway.client(properties);
        decoders = new OppNotificationDecoders(properties);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/opp", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Webhook(
                    body,
                    exchange.getRequestHeaders().getFirst("X-Initialization-Vector"),
                    exchange.getRequestHeaders().getFirst("X-Authentication-Tag")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        client.close();
    }

    @Test
    void decryptsTheWebhookOfASynchronousPayment() {
        OppTransaction paid =
                client.submitPayment(MERCHANT, payment(newMerchantTransactionId("webhook"), PaymentFlowsIT.VISA, null));

        OppNotification notification = awaitNotification(
                MERCHANT,
                n -> paid.gatewayTransactionId().equals(n.transaction().gatewayTransactionId()));

        assertThat(notification.type()).isEqualTo("PAYMENT");
        assertThat(notification.transaction().outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(notification.transaction().merchantTransactionId()).isEqualTo(paid.merchantTransactionId());
        assertThat(notification.transaction().amountMinor()).isEqualTo(1234L);
        assertThat(notification.transaction().card().last4Digits()).isEqualTo("0000");
    }

    @Test
    void rejectsATamperedWebhookAndOneEncryptedForAnotherMerchant() {
        OppTransaction paid =
                client.submitPayment(MERCHANT, payment(newMerchantTransactionId("webhook"), PaymentFlowsIT.VISA, null));
        awaitNotification(
                MERCHANT,
                n -> paid.gatewayTransactionId().equals(n.transaction().gatewayTransactionId()));
        Webhook genuine = received.stream()
                .filter(w -> decodes(MERCHANT, w)
                        .filter(n -> paid.gatewayTransactionId()
                                .equals(n.transaction().gatewayTransactionId()))
                        .isPresent())
                .findFirst()
                .orElseThrow();
        char[] body = genuine.body().toCharArray();
        body[body.length / 2] = body[body.length / 2] == '0' ? '1' : '0';

        assertThatThrownBy(() -> decoders.forMerchant(MERCHANT).decode(new String(body), genuine.iv(), genuine.tag()))
                .isInstanceOfSatisfying(
                        InvalidOppNotificationException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(InvalidOppNotificationException.Reason.AUTHENTICATION_FAILED));
        assertThatThrownBy(
                        () -> decoders.forMerchant(OTHER_MERCHANT).decode(genuine.body(), genuine.iv(), genuine.tag()))
                .isInstanceOfSatisfying(
                        InvalidOppNotificationException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(InvalidOppNotificationException.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void decryptsAnotherMerchantsWebhookWithItsOwnSecret() {
        OppTransaction paid = client.submitPayment(
                OTHER_MERCHANT, payment(newMerchantTransactionId("webhook-b"), PaymentFlowsIT.MASTER, null));

        OppNotification notification = awaitNotification(
                OTHER_MERCHANT,
                n -> paid.gatewayTransactionId().equals(n.transaction().gatewayTransactionId()));

        assertThat(notification.transaction().paymentBrand()).isEqualTo("MASTER");
    }

    @Test
    void learnsTheOutcomeOfAThreeDSecureChallengeFromItsWebhook() {
        OppTransaction pending = client.submitPayment(
                MERCHANT,
                payment(newMerchantTransactionId("webhook-3ds"), PaymentFlowsIT.VISA_3DS, PaymentFlowsIT.SHOP));
        ShopperBrowser browser = new ShopperBrowser();
        browser.press(browser.open(pending.redirect()), "approve");

        OppNotification notification = awaitNotification(
                MERCHANT,
                n -> pending.gatewayTransactionId().equals(n.transaction().gatewayTransactionId())
                        && n.transaction().outcome() != OppOutcome.PENDING);

        assertThat(notification.transaction().outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(notification.transaction().category()).isEqualTo(ResultCategory.SUCCESSFUL);
    }

    @Test
    void learnsOfABankChargebackFromItsWebhook() {
        OppTransaction paid = client.submitPayment(
                MERCHANT, payment(newMerchantTransactionId("webhook-cb"), PaymentFlowsIT.VISA, null));
        gateway.operator("payments/" + paid.gatewayTransactionId() + "/chargeback?reasonCode=000.100.230");

        OppNotification notification = awaitNotification(
                MERCHANT,
                n -> paid.gatewayTransactionId().equals(n.transaction().referencedId())
                        && n.transaction().type() == OppPaymentType.CB);

        assertThat(notification.transaction().resultCode()).isEqualTo("000.100.230");
        assertThat(notification.transaction().category()).isEqualTo(ResultCategory.CHARGEBACK);
        assertThat(notification.transaction().outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(notification.transaction().amountMinor()).isEqualTo(1234L);
    }

    private static OppPaymentRequest payment(String mtid, CardData card, String shopperResultUrl) {
        return new OppPaymentRequest(
                OppPaymentType.DB,
                1234,
                "EUR",
                card.number().startsWith("5") ? "MASTER" : "VISA",
                mtid,
                card,
                false,
                null,
                shopperResultUrl,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/opp",
                null);
    }

    private static OppNotification awaitNotification(String merchantId, Predicate<OppNotification> wanted) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> List.copyOf(received).stream()
                                .map(w -> decodes(merchantId, w))
                                .flatMap(Optional::stream)
                                .filter(wanted)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<OppNotification> decodes(String merchantId, Webhook webhook) {
        try {
            return Optional.of(decoders.forMerchant(merchantId).decode(webhook.body(), webhook.iv(), webhook.tag()));
        } catch (InvalidOppNotificationException e) {
            return Optional.empty();
        }
    }
}

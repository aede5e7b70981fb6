package io.s2spay.sandbox;

import static io.s2spay.sandbox.OppClient.visaDebit;
import static io.s2spay.sandbox.OppClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.s2spay.sandbox.OppClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhook notifications as a merchant receives them: decrypted with the documented algorithm (AES-256-GCM, hex
 * body, IV and tag in headers), on every status change, retried until acknowledged.
 */
class NotificationIT {

    private static GatewaySandbox sandbox;
    private static OppClient opp;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.shared();
        opp = new OppClient(sandbox);
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    /** The documented decryption, written independently of the sandbox's own code. */
    static JsonNode decrypt(String secretHex, WebhookReceiver.Delivery delivery) throws Exception {
        byte[] key = HexFormat.of().parseHex(secretHex);
        byte[] iv = HexFormat.of().parseHex(delivery.header("X-Initialization-Vector"));
        byte[] tag = HexFormat.of().parseHex(delivery.header("X-Authentication-Tag"));
        byte[] body = HexFormat.of().parseHex(delivery.body());
        byte[] input = new byte[body.length + tag.length];
        System.arraycopy(body, 0, input, 0, body.length);
        System.arraycopy(tag, 0, input, body.length, tag.length);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        return OppClient.JSON.readTree(new String(cipher.doFinal(input), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<JsonNode> payloadsFor(String paymentId) throws Exception {
        List<JsonNode> payloads = new ArrayList<>();
        for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
            JsonNode notification = decrypt(sandbox.merchant().notificationSecret(), delivery);
            JsonNode payload = notification.path("payload");
            if (payload.path("id").asString().equals(paymentId)
                    || payload.path("referencedId").asString().equals(paymentId)) {
                payloads.add(notification);
            }
        }
        return payloads;
    }

    @Test
    void sendsAnEncryptedPaymentNotificationThatDecryptsWithTheDocumentedAlgorithm() throws Exception {
        Reply reply = opp.pay(with(visaDebit(), "notificationUrl", receiver.url()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> payloadsFor(reply.id()).size() == 1);
        WebhookReceiver.Delivery delivery = receiver.deliveries().stream()
                .filter(d -> {
                    try {
                        return decrypt(sandbox.merchant().notificationSecret(), d)
                                .path("payload")
                                .path("id")
                                .asString()
                                .equals(reply.id());
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(delivery.body()).matches("[0-9A-F]+");
        assertThat(delivery.header("X-Initialization-Vector")).matches("[0-9A-F]{24}");
        assertThat(delivery.header("X-Authentication-Tag")).matches("[0-9A-F]{32}");
        assertThat(delivery.contentType()).startsWith("text/plain");
        JsonNode notification = payloadsFor(reply.id()).get(0);
        assertThat(notification.path("type").asString()).isEqualTo("PAYMENT");
        assertThat(notification.path("payload").path("result").path("code").asString())
                .isEqualTo("000.100.110");
        assertThat(notification.path("payload").path("amount").asString()).isEqualTo("92.00");
        assertThat(notification.path("payload").path("card").path("last4Digits").asString())
                .isEqualTo("0000");
        assertThat(notification.toString()).doesNotContain("4200000000000000");
    }

    @Test
    void cannotBeDecryptedOnceTampered() throws Exception {
        Reply reply = opp.pay(with(visaDebit(), "notificationUrl", receiver.url()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> payloadsFor(reply.id()).size() == 1);
        WebhookReceiver.Delivery delivery =
                receiver.deliveries().get(receiver.deliveries().size() - 1);
        String body = delivery.body();
        String flipped = (body.charAt(0) == 'A' ? "B" : "A") + body.substring(1);

        assertThatThrownBy(() -> decrypt(sandbox.merchant().notificationSecret(), delivery.withBody(flipped)))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void notifiesEveryStatusChangeOfAnAsynchronousPaymentAndItsBackOfficeOperations() throws Exception {
        Reply pending = opp.pay(with(
                visaDebit(),
                "paymentType",
                "PA",
                "card.number",
                "4711100000000000",
                "shopperResultUrl",
                "https://shop.example/return",
                "notificationUrl",
                receiver.url()));
        String token = pending.json()
                .path("redirect")
                .path("parameters")
                .get(1)
                .path("value")
                .asString();
        opp.postPlain(
                "connectors/threeds/challenge/complete", Map.of("threeDSSessionData", token, "action", "approve"));
        opp.backOffice(pending.id(), "CP", "92.00");
        opp.postPlain("sandbox/operator/payments/" + pending.id() + "/chargeback", Map.of("reasonCode", "000.100.221"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> payloadsFor(pending.id()).size() == 4);
        List<String> sequence = new ArrayList<>();
        for (JsonNode notification : payloadsFor(pending.id())) {
            JsonNode payload = notification.path("payload");
            sequence.add(payload.path("paymentType").asString() + " "
                    + payload.path("result").path("code").asString());
        }
        assertThat(sequence)
                .containsExactlyInAnyOrder("PA 000.200.000", "PA 000.100.110", "CP 000.100.110", "CB 000.100.221");
    }

    @Test
    void retriesWithBackoffUntilTheMerchantAcknowledges() throws Exception {
        receiver.failNext(2);
        Reply reply = opp.pay(with(visaDebit(), "notificationUrl", receiver.url()));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode log = opp.getPlain("sandbox/notifications?paymentId=" + reply.id())
                    .json()
                    .path("notifications")
                    .get(0);
            assertThat(log.path("delivered").asBoolean()).isTrue();
            assertThat(log.path("attempts").asInt()).isEqualTo(3);
            assertThat(log.path("lastStatus").asInt()).isEqualTo(200);
        });
        assertThat(payloadsFor(reply.id())).hasSize(3);
    }

    @Test
    void keepsRetryingAnUnreachableEndpoint() {
        Reply reply = opp.pay(with(visaDebit(), "notificationUrl", "http://127.0.0.1:9/unreachable"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode log = opp.getPlain("sandbox/notifications?paymentId=" + reply.id())
                    .json()
                    .path("notifications")
                    .get(0);
            assertThat(log.path("delivered").asBoolean()).isFalse();
            assertThat(log.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(log.path("lastError").asString()).isNotBlank();
        });
    }

    @Test
    void sendsToTheMerchantsConfiguredWebhookWhenThePaymentHasNoNotificationUrl() throws Exception {
        try (WebhookReceiver merchantWebhook = new WebhookReceiver();
                GatewaySandbox configured = GatewaySandbox.start(
                        Map.of("sandbox.merchants.merchant-a.webhook-url", merchantWebhook.url()))) {
            Reply reply = new OppClient(configured).pay(visaDebit());

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> merchantWebhook.deliveries().size() == 1);
            JsonNode notification = decrypt(
                    configured.merchant().notificationSecret(),
                    merchantWebhook.deliveries().get(0));
            assertThat(notification.path("payload").path("id").asString()).isEqualTo(reply.id());
        }
    }
}

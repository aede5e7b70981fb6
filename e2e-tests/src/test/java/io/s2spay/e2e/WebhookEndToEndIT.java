package io.s2spay.e2e;

import static io.s2spay.e2e.Payments.awaitStatus;
import static io.s2spay.e2e.Payments.card;
import static io.s2spay.e2e.Payments.create;
import static io.s2spay.e2e.Payments.operate;
import static io.s2spay.e2e.Payments.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.testkit.KafkaTopicReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Signed webhooks to the merchant, end to end: a real receiver registered through the API checks every
 * signature, sees every event of a payment at least once and in the order of the event topic, and loses nothing
 * while it is down for a minute (first refusing connections, then answering 503).
 */
class WebhookEndToEndIT {

    static final String SHOP = "https://shop.example/return";
    static final Duration OUTAGE_HALF = Duration.ofSeconds(30);

    static EndToEndRun run;
    static WebhookReceiver receiver;
    static MerchantApi demo;

    @BeforeAll
    static void startThePlatform() {
        receiver = WebhookReceiver.start();
        run = EndToEndRun.start(
                "webhooks",
                new EndToEndPlatform.Settings().merchantWebhooks(Duration.ofSeconds(1), Duration.ofSeconds(5)));
        demo = run.demo;
    }

    @AfterAll
    static void stopThePlatform() {
        if (run != null) {
            run.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void everyEventOfAPaymentArrivesSignedInOrderAndNothingIsLostWhileTheReceiverIsDownForAMinute() {
        MerchantApi.Answer registered = demo.post(
                "/v1/webhook-endpoints", "{\"url\":\"" + receiver.url() + "\",\"description\":\"e2e receiver\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String endpoint = registered.text("/id");
        assertThat(endpoint).startsWith("we_");
        assertThat(registered.text("/url")).isEqualTo(receiver.url());
        assertThat(registered.text("/status")).isEqualTo("enabled");
        String secret = registered.text("/secret");
        assertThat(secret).startsWith("whsec_");
        receiver.secret(secret);
        MerchantApi.Answer shown = demo.get("/v1/webhook-endpoints/" + endpoint);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).as("the secret is shown once only").doesNotContain(secret);
        assertThat(run.other.get("/v1/webhook-endpoints/" + endpoint).status())
                .as("another merchant's")
                .isEqualTo(404);

        String order = order();
        String id = create(demo, card("PA", "92.00", order, SHOP), "authorized")
                .path("id")
                .asString();
        JsonNode capture = operate(demo, id, "captures", "{\"amount\":\"60.00\"}");
        await("the capture's webhook")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(receiver.accepted(id))
                        .extracting(WebhookReceiver.Delivery::type)
                        .contains("payment.captured"));

        // down: connections refused for half a minute, then 503 for the other half, with events happening meanwhile
        receiver.down();
        operate(demo, id, "refunds", "{\"amount\":\"10.00\"}");
        awaitStatus(demo, id, "partially_refunded");
        await().pollDelay(OUTAGE_HALF).atMost(OUTAGE_HALF.plusSeconds(5)).until(() -> true);
        receiver.up();
        receiver.unavailable();
        operate(demo, id, "refunds", "{\"amount\":\"5.00\"}");
        int acceptedDuringOutage = receiver.accepted(id).size();
        await().pollDelay(OUTAGE_HALF).atMost(OUTAGE_HALF.plusSeconds(5)).until(() -> true);
        assertThat(receiver.accepted(id))
                .as("nothing accepted while unavailable")
                .hasSize(acceptedDuringOutage);
        receiver.up();

        List<PaymentEventEnvelope> events = paymentEvents(id);
        List<String> mustArrive = events.stream()
                .filter(event -> event.getPayload() instanceof PaymentAuthorized
                        || event.getPayload() instanceof PaymentCaptured
                        || event.getPayload() instanceof PaymentRefunded)
                .map(PaymentEventEnvelope::getMessageId)
                .toList();
        assertThat(mustArrive).as("authorized, captured, refunded twice").hasSize(4);
        await("every webhook after the outage")
                .atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(receiver.distinctEventIds(id)).containsAll(mustArrive));

        List<String> topicOrder = paymentEvents(id).stream()
                .map(PaymentEventEnvelope::getMessageId)
                .toList();
        List<String> arrived = receiver.distinctEventIds(id);
        assertThat(topicOrder)
                .as("a webhook's id is the id of an event of this payment")
                .containsAll(arrived);
        assertThat(arrived)
                .as("in the order of the payment's events")
                .isSortedAccordingTo((a, b) -> Integer.compare(topicOrder.indexOf(a), topicOrder.indexOf(b)));
        assertThat(receiver.refusedSignatures())
                .as("every delivery correctly signed")
                .isEmpty();
        assertThat(receiver.accepted(id)).last().satisfies(last -> {
            assertThat(last.paymentStatus()).isEqualTo("partially_refunded");
            assertThat(last.body()
                            .path("payment")
                            .path("amounts")
                            .path("refunded")
                            .asString())
                    .isEqualTo("15.00");
        });
        assertThat(receiver.accepted(id))
                .filteredOn(delivery -> delivery.eventId().equals(mustArrive.get(1)))
                .allSatisfy(delivery -> assertThat(delivery.type()).isEqualTo("payment.captured"));
        assertThat(receiver.accepted())
                .as("only this merchant's payments")
                .allSatisfy(delivery -> assertThat(
                                demo.get("/v1/payments/" + delivery.paymentId()).status())
                        .isEqualTo(200));
        assertThat(capture.path("id").asString()).startsWith("op_");

        MerchantApi.Answer deliveries =
                demo.get("/v1/webhook-endpoints/" + endpoint + "/deliveries?payment_id=" + id + "&limit=100");
        assertThat(deliveries.status()).as(deliveries.body()).isEqualTo(200);
        assertThat(deliveries.json().path("data").size())
                .as(deliveries.body())
                .isGreaterThanOrEqualTo(mustArrive.size());
        assertThat(run.other
                        .get("/v1/webhook-endpoints/" + endpoint + "/deliveries")
                        .status())
                .isEqualTo(404);
    }

    static List<PaymentEventEnvelope> paymentEvents(String paymentId) {
        return KafkaTopicReader.of(run.platform.infrastructure)
                .readValues(Topics.PAYMENT_EVENTS, PaymentEventEnvelope.class)
                .stream()
                .filter(event -> event.getPaymentId().equals(paymentId))
                .toList();
    }
}

package io.s2spay.poller;

import static io.s2spay.poller.PaymentEvents.envelope;
import static io.s2spay.poller.PaymentEvents.newPaymentId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.poller.tracking.TrackedPayment;
import io.s2spay.poller.tracking.TrackedPayments;
import io.s2spay.poller.tracking.TrackingStatus;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.ShopperReturned;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/** The poller consumes the payment events for real and keeps tracking exactly the payments whose outcome is open. */
class PaymentTrackingIT {

    private static ConfigurableApplicationContext poller;
    private static TrackedPayments tracked;
    private static JdbcClient jdbc;
    private static KafkaTemplate<String, SpecificRecord> kafka;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void startPoller() {
        // checks far in the future: this test is about consuming, not about asking the gateway
        poller = PollerTestApplication.start(Map.of(
                "s2spay.poller.unknown-first-check", "1h",
                "s2spay.poller.redirect-first-check", "1h"));
        tracked = poller.getBean(TrackedPayments.class);
        jdbc = JdbcClient.create(poller.getBean(DataSource.class));
        kafka = poller.getBean(KafkaTemplate.class);
    }

    @AfterAll
    static void stopPoller() {
        if (poller != null) {
            poller.close();
        }
    }

    @Test
    void tracksARedirectPendingPaymentWithWhatIsNeededToResolveIt() {
        String paymentId = newPaymentId();

        publish(envelope(
                paymentId, PaymentEvents.redirectRequired(PaymentType.PA, 9200, "mtid-" + paymentId, "8ac7a4a1gw")));

        TrackedPayment payment = awaitTracked(paymentId, TrackingStatus.REDIRECT_PENDING);
        assertThat(payment.merchantId()).isEqualTo(PaymentEvents.MERCHANT);
        assertThat(payment.merchantTransactionId()).isEqualTo("mtid-" + paymentId);
        assertThat(payment.gatewayTransactionId()).isEqualTo("8ac7a4a1gw");
        assertThat(payment.paymentType()).isEqualTo("PA");
        assertThat(payment.amountMinor()).isEqualTo(9200);
        assertThat(payment.currency()).isEqualTo("EUR");
        assertThat(payment.correlationId()).isEqualTo("corr-" + paymentId);
        assertThat(payment.checksMade()).isZero();
        assertThat(payment.nextCheckAt()).isAfter(payment.since().plus(Duration.ofMinutes(59)));
    }

    @Test
    void tracksAnUnknownOutcomeUntilAFinalEventClosesIt() {
        String paymentId = newPaymentId();
        publish(envelope(paymentId, PaymentEvents.outcomeUnknown(PaymentType.DB, 500, "mtid-" + paymentId)));
        TrackedPayment payment = awaitTracked(paymentId, TrackingStatus.UNKNOWN);
        assertThat(payment.gatewayTransactionId()).isNull();

        publish(envelope(paymentId, PaymentEvents.debited(500, "mtid-" + paymentId, "8ac7a4a1gw2")));

        awaitTracked(paymentId, TrackingStatus.CLOSED);
    }

    @Test
    void aLateNonFinalEventDoesNotReopenAClosedPayment() {
        String paymentId = newPaymentId();
        publish(envelope(paymentId, PaymentEvents.outcomeUnknown(PaymentType.DB, 700, "mtid-" + paymentId)));
        publish(envelope(paymentId, PaymentEvents.debited(700, "mtid-" + paymentId, "gw-late")));
        awaitTracked(paymentId, TrackingStatus.CLOSED);
        String marker = newPaymentId();

        publish(envelope(paymentId, PaymentEvents.outcomeUnknown(PaymentType.DB, 700, "mtid-" + paymentId)));
        // events of one payment are consumed in order: once a later payment's event is seen, this one was too
        publish(envelope(marker, PaymentEvents.outcomeUnknown(PaymentType.DB, 1, "mtid-" + marker)));
        awaitTracked(marker, TrackingStatus.UNKNOWN);

        assertThat(tracked.find(paymentId)).map(TrackedPayment::status).contains(TrackingStatus.CLOSED);
    }

    @Test
    void aRedeliveredRedirectDoesNotTrackAResolvedPaymentAgainAndEventsThatChangeNothingWriteNoRow() {
        String paymentId = newPaymentId();
        PaymentEventEnvelope redirect = envelope(
                paymentId, PaymentEvents.redirectRequired(PaymentType.DB, 800, "mtid-" + paymentId, "gw-redelivered"));
        PaymentEventEnvelope debited =
                envelope(paymentId, PaymentEvents.debited(800, "mtid-" + paymentId, "gw-redelivered"));
        publish(redirect);
        publish(debited);
        awaitTracked(paymentId, TrackingStatus.CLOSED);
        String marker = newPaymentId();

        publish(redirect);
        publish(envelope(marker, PaymentEvents.outcomeUnknown(PaymentType.DB, 1, "mtid-" + marker)));
        awaitTracked(marker, TrackingStatus.UNKNOWN);

        assertThat(tracked.find(paymentId)).map(TrackedPayment::status).contains(TrackingStatus.CLOSED);
        assertThat(processedRows(redirect.getMessageId()))
                .as("the redirect started tracking once")
                .isOne();
        assertThat(processedRows(debited.getMessageId()))
                .as("closing is idempotent by itself")
                .isZero();
    }

    @Test
    void theShoppersReturnMakesATrackedPaymentDueAtOnceAndIsIgnoredForOneNotTracked() {
        String paymentId = newPaymentId();
        String untracked = newPaymentId();
        publish(envelope(
                paymentId, PaymentEvents.redirectRequired(PaymentType.DB, 900, "mtid-" + paymentId, "gw-ret")));
        TrackedPayment before = awaitTracked(paymentId, TrackingStatus.REDIRECT_PENDING);
        assertThat(before.nextCheckAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));

        publish(envelope(untracked, new ShopperReturned(PaymentType.DB, "mtid-" + untracked, null)));
        publish(envelope(paymentId, new ShopperReturned(PaymentType.DB, "mtid-" + paymentId, "gw-ret")));

        // due now, then claimed (a one-minute lease) or checked by the janitor: far sooner than the hour configured
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(tracked.find(paymentId).orElseThrow().nextCheckAt())
                                .isBefore(Instant.now().plus(Duration.ofMinutes(5))));
        assertThat(tracked.find(untracked)).isEmpty();
    }

    @Test
    void aTransferAwaitingItsReceiptIsTrackedApartFromRedirects() {
        String paymentId = newPaymentId();
        publish(envelope(
                paymentId, PaymentEvents.redirectRequired(PaymentType.DB, 1000, "mtid-" + paymentId, "gw-rc")));
        awaitTracked(paymentId, TrackingStatus.REDIRECT_PENDING);

        publish(envelope(
                paymentId,
                PaymentAwaitingReceipt.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(1000L, "EUR"))
                        .setMerchantTransactionId("mtid-" + paymentId)
                        .setGatewayResult(new GatewayResult(
                                "gw-rc", "800.400.500", "waiting for confirmation of non-instant payment", null))
                        .build()));

        TrackedPayment awaiting = awaitTracked(paymentId, TrackingStatus.AWAITING_RECEIPT);
        assertThat(awaiting.gatewayTransactionId()).isEqualTo("gw-rc");
        publish(envelope(paymentId, PaymentEvents.debited(1000, "mtid-" + paymentId, "gw-rc")));
        awaitTracked(paymentId, TrackingStatus.CLOSED);
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLetterTopicAndTheNextIsStillConsumed() {
        String badKey = newPaymentId();
        byte[] garbage = ("not avro " + badKey).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.PAYMENT_EVENTS, badKey, garbage));
        }
        // same key, so the same partition: the good record comes after the bad one
        publish(envelope(badKey, PaymentEvents.outcomeUnknown(PaymentType.DB, 100, "mtid-" + badKey)));

        awaitTracked(badKey, TrackingStatus.UNKNOWN);
        KafkaTopicReader topics = KafkaTopicReader.of(TestInfrastructure.get());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Optional<ConsumerRecord<byte[], byte[]>> dead =
                    topics.readRaw(Topics.deadLetter(Topics.PAYMENT_EVENTS)).stream()
                            .filter(r -> badKey.equals(new String(r.key(), StandardCharsets.UTF_8)))
                            .filter(r -> "status-poller".equals(header(r, "kafka_dlt-original-consumer-group")))
                            .findFirst();
            assertThat(dead).isPresent();
            assertThat(dead.get().value()).isEqualTo(garbage);
            assertThat(header(dead.get(), "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        });
    }

    private static void publish(PaymentEventEnvelope event) {
        kafka.send(Topics.PAYMENT_EVENTS, event.getPaymentId(), event).join();
    }

    private static TrackedPayment awaitTracked(String paymentId, TrackingStatus status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> tracked.find(paymentId).filter(p -> p.status() == status), Optional::isPresent)
                .orElseThrow();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int processedRows(String messageId) {
        return jdbc.sql("select count(*) from processed_message where message_id = ?")
                .param(messageId)
                .query(Integer.class)
                .single();
    }
}

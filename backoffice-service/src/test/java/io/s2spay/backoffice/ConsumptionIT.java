package io.s2spay.backoffice;

import static io.s2spay.backoffice.Messages.command;
import static io.s2spay.backoffice.Messages.eur;
import static io.s2spay.backoffice.Messages.event;
import static io.s2spay.backoffice.Messages.newPaymentId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.backoffice.balance.PaymentBalances;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.PublishedEvents;
import io.s2spay.testkit.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The back-office service consumes both its topics for real: the payment events into balances (each movement
 * once), the back-office commands into outcomes or rejections; bad records go to the dead-letter topics.
 */
class ConsumptionIT {

    private static ConfigurableApplicationContext service;
    private static PaymentBalances balances;
    private static KafkaTemplate<String, SpecificRecord> kafka;
    private static KafkaTopicReader topics;
    private static PublishedEvents events;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void startService() {
        service = BackofficeTestApplication.start(Map.of("s2spay.backoffice.payment-wait", "500ms"));
        balances = service.getBean(PaymentBalances.class);
        kafka = service.getBean(KafkaTemplate.class);
        topics = KafkaTopicReader.of(TestInfrastructure.get());
        events = new PublishedEvents(TestInfrastructure.get());
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void projectsAnAuthorizationIntoTheBalance() {
        String paymentId = newPaymentId();

        publish(
                Topics.PAYMENT_EVENTS,
                event(paymentId, Messages.authorized(9200, "mtid-" + paymentId, "gw-" + paymentId)));

        PaymentBalance balance = await().atMost(Duration.ofSeconds(30))
                .until(() -> balances.find(paymentId), Optional::isPresent)
                .orElseThrow();
        assertThat(balance.state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(balance.paymentType()).isEqualTo("PA");
        assertThat(balance.authorizedMinor()).isEqualTo(9200);
        assertThat(balance.currency()).isEqualTo("EUR");
        assertThat(balance.gatewayTransactionId()).isEqualTo("gw-" + paymentId);
        assertThat(balance.merchantTransactionId()).isEqualTo("mtid-" + paymentId);
        assertThat(balance.settledMinor()).isZero();
    }

    @Test
    void countsEachMovementOnceWhateverTheRedeliveries() {
        String paymentId = newPaymentId();
        publish(
                Topics.PAYMENT_EVENTS,
                event(paymentId, Messages.debited(10_000, "mtid-" + paymentId, "gw-" + paymentId)));
        PaymentEventEnvelope refund = event(paymentId, Messages.refunded("rf-1", 2_500));

        publish(Topics.PAYMENT_EVENTS, refund);
        publish(Topics.PAYMENT_EVENTS, refund); // redelivered message
        publish(
                Topics.PAYMENT_EVENTS,
                event(paymentId, Messages.refunded("rf-1", 2_500))); // same operation, new message
        publish(Topics.PAYMENT_EVENTS, event(paymentId, Messages.refunded("rf-2", 1_000)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(balances.find(paymentId))
                        .map(PaymentBalance::refundedMinor)
                        .contains(3_500L));
        PaymentBalance balance = balances.find(paymentId).orElseThrow();
        assertThat(balance.state()).isEqualTo(PaymentState.DEBITED);
        assertThat(balance.debitedMinor()).isEqualTo(10_000);
        assertThat(balance.refundableMinor()).isEqualTo(6_500);
    }

    @Test
    void rejectsACommandForAPaymentItDoesNotKnowWithoutCallingTheGateway() {
        String paymentId = newPaymentId();
        var capture = command(paymentId, Messages.capture("cp-1", eur(100)));

        publish(Topics.BACKOFFICE_COMMANDS, capture);

        BackofficeCommandRejected rejected = awaitRejection(paymentId);
        assertThat(rejected.getCommandMessageId()).isEqualTo(capture.getMessageId());
        assertThat(rejected.getCommandType()).isEqualTo("CapturePayment");
        assertThat(rejected.getOperationId()).isEqualTo("cp-1");
        assertThat(rejected.getReasonCode()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(rejected.getGatewayResult()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {Topics.PAYMENT_EVENTS, Topics.BACKOFFICE_COMMANDS})
    void anUndecodableRecordGoesToTheDeadLetterTopicAndTheNextIsStillConsumed(String topic) {
        String paymentId = newPaymentId();
        byte[] garbage = ("not avro " + paymentId).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, paymentId, garbage));
        }
        // same key, so the same partition, after the bad record
        if (topic.equals(Topics.PAYMENT_EVENTS)) {
            publish(topic, event(paymentId, Messages.authorized(100, "mtid-" + paymentId, "gw-" + paymentId)));
            await().atMost(Duration.ofSeconds(30)).until(() -> balances.find(paymentId), Optional::isPresent);
        } else {
            publish(topic, command(paymentId, Messages.refund("rf-1", eur(100))));
            assertThat(awaitRejection(paymentId).getReasonCode()).isEqualTo("PAYMENT_NOT_FOUND");
        }

        String group = topic.equals(Topics.PAYMENT_EVENTS) ? "backoffice-service-balances" : "backoffice-service";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Optional<ConsumerRecord<byte[], byte[]>> dead = topics.readRaw(Topics.deadLetter(topic)).stream()
                    .filter(r -> paymentId.equals(new String(r.key(), StandardCharsets.UTF_8)))
                    .filter(r -> group.equals(header(r, "kafka_dlt-original-consumer-group")))
                    .findFirst();
            assertThat(dead).isPresent();
            assertThat(dead.get().value()).isEqualTo(garbage);
            assertThat(header(dead.get(), "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        });
    }

    private static BackofficeCommandRejected awaitRejection(String paymentId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> events.of(paymentId, BackofficeCommandRejected.class).stream()
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static void publish(String topic, SpecificRecord message) {
        String key =
                message.get(message.getSchema().getField("paymentId").pos()).toString();
        kafka.send(topic, key, message).join();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

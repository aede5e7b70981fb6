package io.s2spay.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.s2spay.platform.PlatformProperties;
import io.s2spay.platform.testapp.PlatformIntegrationTest;
import io.s2spay.platform.testapp.TestCommandHandler;
import io.s2spay.platform.testapp.TestCommandListener;
import io.s2spay.platform.testapp.TestMessages;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.serde.AvroSerdeProperties;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaListenerIT extends PlatformIntegrationTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.PAYMENT_COMMANDS);

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    TestCommandListener listener;

    @Autowired
    TestCommandHandler handler;

    @Autowired
    PlatformProperties platform;

    private KafkaProducer<String, byte[]> rawProducer;
    private KafkaTopicReader topics;
    private AvroKafkaDeserializer<SpecificRecord> deserializer;

    @BeforeAll
    void clients() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        rawProducer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
        topics = KafkaTopicReader.of(infrastructure);
        deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(AvroSerdeProperties.forRegistry(infrastructure.registryUrl()), false);
    }

    @AfterAll
    void closeClients() {
        rawProducer.close();
        deserializer.close();
    }

    @Test
    void processesARedeliveredMessageOnce() throws Exception {
        PaymentCommandEnvelope command = TestMessages.debit("order-" + UUID.randomUUID());

        kafka.send(Topics.PAYMENT_COMMANDS, command.getPaymentId(), command).get();
        kafka.send(Topics.PAYMENT_COMMANDS, command.getPaymentId(), command).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.deliveries(command.getMessageId()) == 2);
        assertThat(handler.handledCount(command.getMessageId())).isOne();
    }

    @Test
    void deadLettersAnUndecodableRecordAsItArrivedAndProcessesTheNextOne() throws Exception {
        String paymentId = "pay_" + UUID.randomUUID();
        byte[] garbage = new byte[48];
        ThreadLocalRandom.current().nextBytes(garbage);
        garbage[0] = 0x42; // not the wire format's magic byte
        PaymentCommandEnvelope next = withPaymentId(TestMessages.debit("order-" + UUID.randomUUID()), paymentId);

        rawProducer
                .send(new ProducerRecord<>(Topics.PAYMENT_COMMANDS, paymentId, garbage))
                .get();
        kafka.send(Topics.PAYMENT_COMMANDS, paymentId, next).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> handler.handledCount(next.getMessageId()) == 1);
        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(paymentId);
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.PAYMENT_COMMANDS);
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn") + " "
                        + header(deadLetter, "kafka_dlt-exception-cause-fqcn"))
                .contains("DeserializationException");
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).isNotBlank();
    }

    @Test
    void deadLettersAnInvalidMessageWithItsReasonWithoutRetryingIt() throws Exception {
        PaymentCommandEnvelope invalid = TestMessages.debit("invalid-" + UUID.randomUUID());
        PaymentCommandEnvelope next =
                withPaymentId(TestMessages.debit("order-" + UUID.randomUUID()), invalid.getPaymentId());

        kafka.send(Topics.PAYMENT_COMMANDS, invalid.getPaymentId(), invalid).get();
        kafka.send(Topics.PAYMENT_COMMANDS, next.getPaymentId(), next).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> handler.handledCount(next.getMessageId()) == 1);
        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(invalid.getPaymentId());
        assertThat(deadLetter.value()[0])
                .as("magic byte of the original record")
                .isZero();
        assertThat(deserializer.deserialize(Topics.PAYMENT_COMMANDS, deadLetter.value()))
                .isEqualTo(invalid);
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("is not acceptable");
        assertThat(deadLetter.headers().lastHeader(OriginalValueRetainingAvroDeserializer.ORIGINAL_VALUE_HEADER))
                .isNull();
        assertThat(listener.deliveries(invalid.getMessageId())).isOne();
        assertThat(handler.handledCount(invalid.getMessageId())).isZero();
    }

    @Test
    void retriesATransientFailureAndThenProcessesTheMessage() throws Exception {
        PaymentCommandEnvelope flaky = TestMessages.debit("flaky-" + UUID.randomUUID());

        kafka.send(Topics.PAYMENT_COMMANDS, flaky.getPaymentId(), flaky).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> handler.handledCount(flaky.getMessageId()) == 1);
        assertThat(listener.deliveries(flaky.getMessageId())).isEqualTo(3);
        assertThat(deadLetters(flaky.getPaymentId())).isEmpty();
    }

    @Test
    void retriesWhileTheDatabaseCannotBeReachedBeyondTheRetriesOfOtherFailuresAndNeverDeadLettersIt() throws Exception {
        PaymentCommandEnvelope duringOutage = TestMessages.debit("outage-" + UUID.randomUUID());

        kafka.send(Topics.PAYMENT_COMMANDS, duringOutage.getPaymentId(), duringOutage)
                .get();

        await().atMost(Duration.ofSeconds(60)).until(() -> handler.handledCount(duringOutage.getMessageId()) == 1);
        assertThat(listener.deliveries(duringOutage.getMessageId()))
                .isEqualTo(TestCommandHandler.OUTAGE_DELIVERIES + 1)
                .isGreaterThan(platform.kafka().retry().maxRetries() + 1);
        assertThat(deadLetters(duringOutage.getPaymentId())).isEmpty();
    }

    @Test
    void retriesWhileADependencyIsUnavailableBeyondTheRetriesOfOtherFailuresAndNeverDeadLettersIt() throws Exception {
        PaymentCommandEnvelope gatewayDown = TestMessages.debit("gateway-down-" + UUID.randomUUID());

        kafka.send(Topics.PAYMENT_COMMANDS, gatewayDown.getPaymentId(), gatewayDown)
                .get();

        await().atMost(Duration.ofSeconds(60)).until(() -> handler.handledCount(gatewayDown.getMessageId()) == 1);
        assertThat(listener.deliveries(gatewayDown.getMessageId()))
                .isEqualTo(TestCommandHandler.OUTAGE_DELIVERIES + 1)
                .isGreaterThan(platform.kafka().retry().maxRetries() + 1);
        assertThat(deadLetters(gatewayDown.getPaymentId())).isEmpty();
    }

    private ConsumerRecord<byte[], byte[]> awaitDeadLetter(String key) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters(key).stream().findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters(String key) {
        return topics.readRaw(DEAD_LETTERS).stream()
                .filter(record -> record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .toList();
    }

    private static PaymentCommandEnvelope withPaymentId(PaymentCommandEnvelope command, String paymentId) {
        return PaymentCommandEnvelope.newBuilder(command)
                .setPaymentId(paymentId)
                .build();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

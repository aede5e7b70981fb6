package io.s2spay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.s2spay.schema.Money;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.serde.AvroSerdeProperties;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTopicReaderIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();
    private final KafkaTopicReader reader = KafkaTopicReader.of(infrastructure);

    @Test
    void readsEveryRecordOfEveryPartitionFromTheBeginning() throws Exception {
        String topic = "testkit.reader." + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = stringProducer()) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
            }
            producer.flush();
        }

        List<ConsumerRecord<byte[], byte[]>> records = reader.readRaw(topic);

        assertThat(records)
                .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 30).mapToObj(i -> "value-" + i).toList());
        assertThat(records)
                .extracting(ConsumerRecord::partition)
                .containsOnly(0, 1, 2)
                .isSorted();
        assertThat(reader.topics()).contains(topic);
        assertThat(reader.readRawFromAllTopics()).containsKey(topic);
        assertThat(reader.readRawFromAllTopics().get(topic)).hasSize(30);
    }

    @Test
    void readingATopicThatDoesNotExistGivesNothingAndDoesNotCreateIt() {
        String topic = "testkit.absent." + UUID.randomUUID();

        assertThat(reader.readRaw(topic)).isEmpty();
        assertThat(reader.topics()).doesNotContain(topic);
    }

    @Test
    void refusesToDecodeARecordIntoAnotherType() throws Exception {
        String topic = "testkit.typed." + UUID.randomUUID();
        Map<String, Object> config = new HashMap<>(AvroSerdeProperties.forRegistry(infrastructure.registryUrl()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        AvroKafkaSerializer<Money> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, Money> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(
                            topic,
                            "pay-1",
                            Money.newBuilder()
                                    .setAmountMinor(500)
                                    .setCurrency("JPY")
                                    .build()))
                    .get();
        }

        assertThat(reader.readValues(topic, Money.class)).containsExactly(new Money(500L, "JPY"));
        assertThatThrownBy(() -> reader.read(topic, PaymentEventEnvelope.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.s2spay.schema.Money");
    }

    @Test
    void skipsRecordsThatCannotBeDecodedInTypedReads() throws Exception {
        String topic = "testkit.garbage." + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = stringProducer()) {
            producer.send(new ProducerRecord<>(topic, 0, "pay-1", "not avro at all"))
                    .get();
        }
        Map<String, Object> config = new HashMap<>(AvroSerdeProperties.forRegistry(infrastructure.registryUrl()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        AvroKafkaSerializer<Money> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, Money> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, 0, "pay-1", new Money(1_250L, "EUR")))
                    .get();
        }

        assertThat(reader.readRaw(topic)).hasSize(2);
        assertThat(reader.read(topic, Money.class))
                .singleElement()
                .satisfies(record -> assertThat(record.key()).isEqualTo("pay-1"))
                .satisfies(record -> assertThat(record.offset()).isEqualTo(1L))
                .satisfies(record -> assertThat(record.value()).isEqualTo(new Money(1_250L, "EUR")));
    }

    private KafkaProducer<String, String> stringProducer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }
}

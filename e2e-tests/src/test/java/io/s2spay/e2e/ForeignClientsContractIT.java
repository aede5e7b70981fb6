package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.data.SerdeMetadata;
import io.apicurio.registry.serde.data.SerdeRecord;
import io.s2spay.platform.kafka.OriginalValueRetainingAvroDeserializer;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.serde.AvroSerdeProperties;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The topics' contract as other teams meet it, with nothing of s2spay but the registry and the schema it holds:
 * every event type written the way the services write it is decoded by Confluent's official Node.js client, by its
 * Python client from Debian's packages and by a plain Java Avro reader on the Confluent-compatible API; and every
 * command type produced by the Node.js client is decoded by the services' own deserializer, every field intact.
 *
 * <p>Each test has topics of its own (same schemas, subjects {@code <topic>-value}): made-up payments must not reach
 * the services that other test classes run on the contract's topics.
 */
class ForeignClientsContractIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestInfrastructure infrastructure = TestInfrastructure.get();
    private final ForeignClients clients = new ForeignClients(infrastructure);

    @Test
    void everyEventTypeIsDecodedByConfluentsNodeAndPythonClientsAndByAPlainJavaAvroReader() throws Exception {
        String topic = createTopic("foreign.payment.events." + UUID.randomUUID());
        Schema envelope = PaymentEventEnvelope.getClassSchema();
        List<Schema> eventTypes = envelope.getField("payload").schema().getTypes();
        SampleRecords samples = new SampleRecords();
        Map<String, GenericRecord> written = new LinkedHashMap<>();
        for (Schema eventType : eventTypes) {
            written.put(
                    "pay_foreign_" + eventType.getName(),
                    samples.envelope(envelope, eventType, "pay_foreign_" + eventType.getName()));
        }
        writeAsTheServicesDo(topic, written);

        List<JsonNode> node = clients.node("test/decode-topic.mjs", topic, Integer.toString(written.size()));
        assertThat(node).hasSize(written.size());
        for (JsonNode decoded : node) {
            String type = eventName(decoded, written);
            assertThat(decoded.get("type").asString()).as(decoded.toString()).isEqualTo(type);
            assertThat(decoded.get("eventTypeHeader").asString()).isEqualTo(type);
            assertThat(decoded.get("paymentId").asString())
                    .isEqualTo(decoded.get("key").asString());
            assertThat(decoded.get("roundTrip").asBoolean())
                    .as("Node.js re-encodes what it decoded into the same bytes: %s", decoded)
                    .isTrue();
        }
        assertThat(node)
                .extracting(decoded -> decoded.get("type").asString())
                .containsExactlyInAnyOrderElementsOf(
                        eventTypes.stream().map(Schema::getName).toList());

        List<JsonNode> python = clients.python("test/decode_topic.py", topic, Integer.toString(written.size()));
        assertThat(python).hasSize(written.size());
        for (JsonNode decoded : python) {
            GenericRecord expected = written.get(decoded.get("key").asString());
            assertThat(decoded.get("value"))
                    .as("Python's decoding of %s", decoded.get("eventTypeHeader"))
                    .isEqualTo(JSON.readTree(JSON.writeValueAsString(SampleRecords.plain(expected))));
        }

        ConfluentCompatibleJavaClient java = new ConfluentCompatibleJavaClient(infrastructure.registryCompatUrl());
        List<ConsumerRecord<byte[], byte[]>> raw =
                KafkaTopicReader.of(infrastructure).readRaw(topic);
        assertThat(raw).hasSize(written.size());
        for (ConsumerRecord<byte[], byte[]> record : raw) {
            GenericRecord expected = written.get(new String(record.key(), StandardCharsets.UTF_8));
            assertThat(SampleRecords.plain(java.decode(record.value()))).isEqualTo(SampleRecords.plain(expected));
        }
    }

    static Stream<Arguments> commandTopics() {
        return Stream.of(Topics.PAYMENT_COMMANDS, Topics.BACKOFFICE_COMMANDS)
                .map(topic -> Arguments.of(topic, Topics.valueTypes().get(topic)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandTopics")
    void everyCommandTypeProducedByConfluentsNodeClientIsDecodedByTheServicesDeserializer(
            String contractTopic, Class<? extends SpecificRecord> envelopeType) throws Exception {
        String topic = createTopic("foreign." + contractTopic + "." + UUID.randomUUID());
        registerAsTheServicesDo(topic, envelopeType);
        List<String> commandTypes =
                SpecificData.get().getSchema(envelopeType).getField("payload").schema().getTypes().stream()
                        .map(Schema::getName)
                        .toList();

        List<JsonNode> produced = clients.node("test/produce-every-command.mjs", topic);

        assertThat(produced).extracting(line -> line.get("type").asString()).containsExactlyElementsOf(commandTypes);
        Map<String, String> typeByKey = produced.stream()
                .collect(Collectors.toMap(
                        line -> line.get("key").asString(),
                        line -> line.get("type").asString()));
        List<ConsumerRecord<byte[], byte[]>> raw =
                KafkaTopicReader.of(infrastructure).readRaw(topic);
        assertThat(raw).hasSize(commandTypes.size());
        try (OriginalValueRetainingAvroDeserializer deserializer = new OriginalValueRetainingAvroDeserializer()) {
            deserializer.configure(AvroSerdeProperties.forRegistry(infrastructure.registryUrl()), false);
            for (ConsumerRecord<byte[], byte[]> record : raw) {
                String key = new String(record.key(), StandardCharsets.UTF_8);
                SpecificRecord command = deserializer.deserialize(topic, record.value());
                assertThat(command).isInstanceOf(envelopeType);
                SpecificRecord payload = (SpecificRecord)
                        command.get(command.getSchema().getField("payload").pos());
                assertThat(payload.getSchema().getName()).isEqualTo(typeByKey.get(key));
                assertThat(encode(command))
                        .as("%s decoded into %s and encoded again", typeByKey.get(key), envelopeType.getSimpleName())
                        .isEqualTo(Arrays.copyOfRange(record.value(), 5, record.value().length));
            }
        }
    }

    private static String eventName(JsonNode decoded, Map<String, GenericRecord> written) {
        GenericRecord envelope = written.get(decoded.get("key").asString());
        return ((GenericRecord) envelope.get("payload")).getSchema().getName();
    }

    /** Through the services' serializer settings, with the relay's {@code eventType} header. */
    private void writeAsTheServicesDo(String topic, Map<String, GenericRecord> records) throws Exception {
        Map<String, Object> config = new HashMap<>(AvroSerdeProperties.forRegistry(infrastructure.registryUrl()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, SpecificRecord> producer =
                new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            for (Map.Entry<String, GenericRecord> record : records.entrySet()) {
                SpecificRecord envelope = specific(record.getValue());
                ProducerRecord<String, SpecificRecord> produced =
                        new ProducerRecord<>(topic, record.getKey(), envelope);
                String eventType = ((GenericRecord) record.getValue().get("payload"))
                        .getSchema()
                        .getName();
                produced.headers().add("eventType", eventType.getBytes(StandardCharsets.UTF_8));
                producer.send(produced).get();
            }
        }
    }

    /** The value schema registered for {@code topic} as the services register their topics' schemas at start. */
    private void registerAsTheServicesDo(String topic, Class<? extends SpecificRecord> envelopeType) throws Exception {
        try (AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>()) {
            serializer.configure(AvroSerdeProperties.forRegistry(infrastructure.registryUrl()), false);
            serializer
                    .getSchemaResolver()
                    .resolveSchema(new SerdeRecord<>(
                            new SerdeMetadata(topic, false),
                            envelopeType.getDeclaredConstructor().newInstance()));
        }
    }

    private String createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    /** The generated class's instance of {@code record} (its timestamps as {@code Instant}s). */
    private static SpecificRecord specific(GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<SpecificRecord>(record.getSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static byte[] encode(SpecificRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}

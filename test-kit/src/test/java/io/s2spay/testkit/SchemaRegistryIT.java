package io.s2spay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.serde.AvroSerdeProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The registry and the project's serde settings put records on Kafka in the Confluent wire format. */
class SchemaRegistryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestInfrastructure infrastructure = TestInfrastructure.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keepsTheSchemasInPostgresqlAsInProductionWhenEmbedded() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                infrastructure.toString().contains("(embedded)"),
                "with Docker the registry container keeps its own storage");
        String topic = "testkit.storage." + UUID.randomUUID();
        produce(topic, "pay-storage", outcomeUnknown("pay-" + UUID.randomUUID()));

        String registryDatabase = infrastructure.jdbcUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/registry");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                        registryDatabase, infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
                java.sql.ResultSet artifacts = connection
                        .createStatement()
                        .executeQuery("select count(*) from artifacts where artifactId = '" + Topics.valueSubject(topic)
                                + "'")) {
            artifacts.next();
            assertThat(artifacts.getInt(1)).isOne();
        }
    }

    @Test
    void serializerWritesMagicByteAndContentIdThatConfluentClientsResolveThroughCcompat() throws Exception {
        String topic = "testkit.wire-format." + UUID.randomUUID();
        PaymentEventEnvelope event = outcomeUnknown("pay-" + UUID.randomUUID());

        produce(topic, event.getPaymentId(), event);

        List<ConsumerRecord<byte[], byte[]>> raw =
                KafkaTopicReader.of(infrastructure).readRaw(topic);
        assertThat(raw).hasSize(1);
        byte[] value = raw.getFirst().value();
        assertThat(value[0]).as("Confluent magic byte").isZero();
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        assertThat(raw.getFirst().headers().toArray()).as("no Apicurio headers").isEmpty();

        JsonNode schema = getJson(infrastructure.registryCompatUrl() + "/schemas/ids/" + schemaId);
        assertThat(JSON.readTree(schema.get("schema").asText()).get("name").asText())
                .isEqualTo("PaymentEventEnvelope");
        assertThat(getJson(infrastructure.registryCompatUrl() + "/subjects"))
                .extracting(JsonNode::asText)
                .contains(Topics.valueSubject(topic));
        JsonNode latest = getJson(
                infrastructure.registryCompatUrl() + "/subjects/" + Topics.valueSubject(topic) + "/versions/latest");
        assertThat(latest.get("id").asInt()).isEqualTo(schemaId);
    }

    @Test
    void registersOneSelfContainedSchemaPerTopicSubjectWithNoReferences() throws Exception {
        String topic = "testkit.self-contained." + UUID.randomUUID();
        produce(topic, "pay-self-contained", outcomeUnknown("pay-self-contained"));

        JsonNode latest = getJson(
                infrastructure.registryCompatUrl() + "/subjects/" + Topics.valueSubject(topic) + "/versions/latest");
        assertThat(latest.path("references").size())
                .as("references of %s", Topics.valueSubject(topic))
                .isZero();
        // the schema alone parses: every named type it uses is defined inside it
        org.apache.avro.Schema registered =
                new org.apache.avro.Schema.Parser().parse(latest.get("schema").asText());
        assertThat(registered).isEqualTo(PaymentEventEnvelope.getClassSchema());
    }

    @Test
    void theSelfContainedRegistrationKeepsTheBackwardRule() throws Exception {
        String topic = "testkit.self-contained-evolution." + UUID.randomUUID();
        String subject = Topics.valueSubject(topic);
        produce(topic, "pay-evolution", outcomeUnknown("pay-evolution"));
        JsonNode envelope = JSON.readTree(PaymentEventEnvelope.getClassSchema().toString());

        // a new optional field with a default: readers of the new version read the old records
        ObjectNode withNote = envelope.deepCopy();
        ((ArrayNode) withNote.get("fields"))
                .addObject()
                .put("name", "note")
                .putNull("default")
                .putArray("type")
                .add("null")
                .add("string");
        assertThat(register(subject, JSON.writeValueAsString(withNote)).statusCode())
                .isEqualTo(200);

        // a payload type dropped (the last: earlier ones define named types that later ones use): records of that
        // type could no longer be read
        ObjectNode withoutLastPayloadType = withNote.deepCopy();
        for (JsonNode field : withoutLastPayloadType.get("fields")) {
            if (field.get("name").asText().equals("payload")) {
                ArrayNode types = (ArrayNode) field.get("type");
                types.remove(types.size() - 1);
            }
        }
        HttpResponse<String> refused = register(subject, JSON.writeValueAsString(withoutLastPayloadType));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    }

    /**
     * A registry that s2spay wrote to before its subjects were self-contained holds each named type as a subject of
     * its own and the topics' subjects reaching them through nested references. Apicurio 3.3.3 cannot check a new
     * version against such a subject (it resolves only the first level of references: "Undefined schema"), so the
     * README's one-time upgrade turns the rule off for that one subject while the services register, then on again.
     */
    @Test
    void aSubjectRegisteredWithNestedReferencesTakesTheSelfContainedSchemaThroughTheReadmesUpgrade() throws Exception {
        String topic = "testkit.dereferenced-upgrade." + UUID.randomUUID();
        String subject = Topics.valueSubject(topic);
        Map<String, Object> withReferences =
                new HashMap<>(AvroSerdeProperties.forRegistry(infrastructure.registryUrl()));
        withReferences.put("apicurio.registry.dereference-schema", "false");
        produce(topic, "pay-upgrade", outcomeUnknown("pay-upgrade"), withReferences);
        JsonNode before = getJson(infrastructure.registryCompatUrl() + "/subjects/" + subject + "/versions/latest");
        assertThat(before.path("references").size())
                .as("the old registration's references")
                .isPositive();
        assertThatThrownBy(() -> produce(topic, "pay-upgrade", outcomeUnknown("pay-upgrade")))
                .as("the global BACKWARD rule cannot be checked against nested references")
                .isInstanceOf(AssertionError.class);

        String rules = infrastructure.registryUrl() + "/groups/default/artifacts/" + subject + "/rules";
        assertThat(send("POST", rules, "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"NONE\"}")
                        .statusCode())
                .isBetween(200, 204);
        produce(topic, "pay-upgrade", outcomeUnknown("pay-upgrade"));
        assertThat(send("DELETE", rules + "/COMPATIBILITY", null).statusCode()).isBetween(200, 204);

        JsonNode after = getJson(infrastructure.registryCompatUrl() + "/subjects/" + subject + "/versions/latest");
        assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
        assertThat(after.path("references").size()).isZero();
        List<ConsumerRecord<String, PaymentEventEnvelope>> both =
                KafkaTopicReader.of(infrastructure).read(topic, PaymentEventEnvelope.class);
        assertThat(both).as("records of both registrations decode").hasSize(2);
        // from here the subject evolves under the global rule again
        HttpResponse<String> incompatible = register(subject, record("{\"name\":\"id\",\"type\":\"string\"}"));
        assertThat(incompatible.statusCode()).as(incompatible.body()).isEqualTo(409);
    }

    @Test
    void topicReaderDecodesRecordsIntoTheGeneratedClasses() {
        String topic = "testkit.decoded." + UUID.randomUUID();
        PaymentEventEnvelope first = outcomeUnknown("pay-a");
        PaymentEventEnvelope second = outcomeUnknown("pay-b");

        produce(topic, first.getPaymentId(), first);
        produce(topic, second.getPaymentId(), second);

        List<ConsumerRecord<String, PaymentEventEnvelope>> records =
                KafkaTopicReader.of(infrastructure).read(topic, PaymentEventEnvelope.class);
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(first, second);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("pay-a", "pay-b");
    }

    @Test
    void registryRefusesASchemaChangeThatIsNotBackwardCompatible() throws Exception {
        String subject = "testkit.compatibility." + UUID.randomUUID() + "-value";
        String v1 = record("{\"name\":\"id\",\"type\":\"string\"}");
        String compatible = record("{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");
        String incompatible = record("{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"long\"}");

        assertThat(register(subject, v1).statusCode()).isEqualTo(200);
        assertThat(register(subject, compatible).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = register(subject, incompatible);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(getJson(infrastructure.registryCompatUrl() + "/subjects/" + subject + "/versions"))
                .hasSize(2);
    }

    private void produce(String topic, String key, PaymentEventEnvelope value) {
        produce(topic, key, value, AvroSerdeProperties.forRegistry(infrastructure.registryUrl()));
    }

    private void produce(String topic, String key, PaymentEventEnvelope value, Map<String, Object> serde) {
        Map<String, Object> config = new HashMap<>(serde);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        AvroKafkaSerializer<PaymentEventEnvelope> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, PaymentEventEnvelope> producer =
                new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    private static PaymentEventEnvelope outcomeUnknown(String paymentId) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId("merchant-testkit")
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(UUID.randomUUID().toString())
                .setPayload(PaymentOutcomeUnknown.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(Money.newBuilder()
                                .setAmountMinor(9200)
                                .setCurrency("EUR")
                                .build())
                        .setMerchantTransactionId("mtx-" + paymentId)
                        .setReason("gateway timeout")
                        .build())
                .build();
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"Compat\",\"namespace\":\"io.s2spay.testkit\",\"fields\":[" + fields
                + "]}";
    }

    private HttpResponse<String> register(String subject, String schema) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("schemaType", "AVRO", "schema", schema));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(infrastructure.registryCompatUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET " + url + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

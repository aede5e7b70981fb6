package io.s2spay.e2e;

import static io.s2spay.e2e.Payments.assertAmount;
import static io.s2spay.e2e.Payments.awaitPayment;
import static io.s2spay.e2e.Payments.card;
import static io.s2spay.e2e.Payments.create;
import static io.s2spay.e2e.Payments.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.schema.Topics;
import io.s2spay.testkit.TestInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Another team's systems operate s2spay payments over Kafka with the README's snippets (clients/): a payment the
 * merchant API pre-authorized is captured by a command from Confluent's Python client, refunded in part from its
 * Node.js client and again from a plain Java Avro producer, and both clients follow the payment's events until the
 * refund. What the gateway really did is checked in the sandbox's ledger.
 */
class ForeignClientsEndToEndIT {

    static final String SHOP = "https://shop.example/return";
    static final String MERCHANT = "merchant-demo";

    static EndToEndRun run;
    static ForeignClients clients;

    @BeforeAll
    static void startThePlatform() {
        run = EndToEndRun.start("foreign-clients", new EndToEndPlatform.Settings());
        clients = new ForeignClients(TestInfrastructure.get());
    }

    @AfterAll
    static void stopThePlatform() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void commandsFromPythonNodeAndPlainJavaAreCarriedOutAndBothClientsFollowTheEvents() throws Exception {
        String order = order();
        String id = create(run.demo, card("PA", "92.00", order, SHOP), "authorized")
                .path("id")
                .asString();

        List<JsonNode> captured = clients.python("produce_command.py", id, MERCHANT, "9200", "EUR");
        assertThat(captured)
                .singleElement()
                .satisfies(line -> assertThat(line.get("paymentId").asString()).isEqualTo(id));
        awaitPayment(run.demo, id, "captured", payment -> assertAmount(payment, "captured", "92.00"));

        clients.node("produce-command.mjs", id, MERCHANT, "2000", "EUR");
        awaitPayment(run.demo, id, "partially_refunded", payment -> assertAmount(payment, "refunded", "20.00"));

        refundWithPlainJava(id, 1000);
        JsonNode payment =
                awaitPayment(run.demo, id, "partially_refunded", view -> assertAmount(view, "refunded", "30.00"));
        assertAmount(payment, "net", "62.00");
        assertThat(run.ledger.of(order).count("CP")).isEqualTo(1);
        assertThat(run.ledger.of(order).count("RF")).isEqualTo(2);
        assertThat(run.ledger.of(order).total("EUR", "refunded")).isEqualTo(3000);

        List<String> expected = List.of("PaymentRequested", "PaymentAuthorized", "PaymentCaptured", "PaymentRefunded");
        List<JsonNode> node = clients.node("consume-events.mjs", id, "PaymentRefunded");
        assertThat(node).extracting(line -> line.get("type").asString()).containsSubsequence(expected);
        assertThat(node.getLast()
                        .path("payload")
                        .path("amount")
                        .path("amountMinor")
                        .asLong())
                .isIn(2000L, 1000L);
        List<JsonNode> python = clients.python("consume_events.py", id, "PaymentRefunded");
        assertThat(python).extracting(line -> line.get("type").asString()).containsSubsequence(expected);
        assertThat(python)
                .allSatisfy(line -> assertThat(line.get("paymentId").asString()).isEqualTo(id));
    }

    /** A RefundPayment built from the registry's latest schema with Apache Avro alone, in the wire format. */
    private static void refundWithPlainJava(String paymentId, long amountMinor) throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        ConfluentCompatibleJavaClient.Latest latest = new ConfluentCompatibleJavaClient(
                        infrastructure.registryCompatUrl())
                .latest(Topics.valueSubject(Topics.BACKOFFICE_COMMANDS));
        Schema envelope = latest.schema();
        Schema refund = envelope.getField("payload").schema().getTypes().stream()
                .filter(type -> type.getName().equals("RefundPayment"))
                .findFirst()
                .orElseThrow();
        GenericRecord money = new GenericData.Record(refund.getField("amount").schema().getTypes().stream()
                .filter(type -> type.getType() == Schema.Type.RECORD)
                .findFirst()
                .orElseThrow());
        money.put("amountMinor", amountMinor);
        money.put("currency", "EUR");
        GenericRecord payload = new GenericData.Record(refund);
        payload.put("operationId", UUID.randomUUID().toString());
        payload.put("amount", money);
        GenericRecord command = new GenericData.Record(envelope);
        command.put("messageId", UUID.randomUUID().toString());
        command.put("paymentId", paymentId);
        command.put("merchantId", MERCHANT);
        command.put("occurredAt", Instant.now().toEpochMilli());
        command.put("correlationId", UUID.randomUUID().toString());
        command.put("causationId", null);
        command.put("payload", payload);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.BACKOFFICE_COMMANDS,
                            paymentId,
                            ConfluentCompatibleJavaClient.encode(latest.id(), command)))
                    .get();
        }
    }
}

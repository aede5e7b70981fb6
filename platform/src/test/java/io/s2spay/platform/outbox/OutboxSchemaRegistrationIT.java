package io.s2spay.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.s2spay.platform.testapp.PlatformIntegrationTest;
import io.s2spay.platform.testapp.PlatformTestApplication;
import io.s2spay.platform.testapp.TestMessages;
import io.s2spay.platform.testapp.TopicRecorder;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.serde.AvroSerdeProperties;
import io.s2spay.testkit.TestInfrastructure;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxSchemaRegistrationIT extends PlatformIntegrationTest {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    HealthContributorRegistry health;

    @Test
    void registersEveryContractTopicsValueSchemaAtStartupAndTheWriterUsesThoseIds() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> schemasHealth().getStatus().equals(Status.UP));
        @SuppressWarnings("unchecked")
        Map<String, Integer> contentIds =
                (Map<String, Integer>) schemasHealth().getDetails().get("contentIds");
        assertThat(contentIds)
                .containsOnlyKeys(
                        Topics.PAYMENT_COMMANDS,
                        Topics.BACKOFFICE_COMMANDS,
                        Topics.PAYMENT_EVENTS,
                        PlatformTestApplication.INTERNAL_TOPIC);
        assertThat(contentIds.values()).doesNotHaveDuplicates();

        try (TopicRecorder events = new TopicRecorder(Topics.PAYMENT_EVENTS)) {
            PaymentEventEnvelope event = TestMessages.paymentRequested();
            transactions.executeWithoutResult(tx -> outbox.append(Topics.PAYMENT_EVENTS, event.getPaymentId(), event));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !events.received(event.getPaymentId()).isEmpty());
            ConsumerRecord<String, byte[]> record =
                    events.received(event.getPaymentId()).getFirst().record();
            assertThat(ByteBuffer.wrap(record.value(), 1, 4).getInt())
                    .as("schema id in the wire format")
                    .isEqualTo(contentIds.get(Topics.PAYMENT_EVENTS));
        }
    }

    @Test
    void createsADeclaredInternalTopicAndItsDeadLetterTopicLikeTheContractsTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(
                            PlatformTestApplication.INTERNAL_TOPIC,
                            Topics.deadLetter(PlatformTestApplication.INTERNAL_TOPIC),
                            Topics.PAYMENT_EVENTS))
                    .allTopicNames()
                    .get();

            assertThat(topics.get(PlatformTestApplication.INTERNAL_TOPIC).partitions())
                    .hasSameSizeAs(topics.get(Topics.PAYMENT_EVENTS).partitions());
            assertThat(topics.get(Topics.deadLetter(PlatformTestApplication.INTERNAL_TOPIC))
                            .partitions())
                    .hasSameSizeAs(topics.get(Topics.PAYMENT_EVENTS).partitions());
        }
    }

    @Test
    void reportsDownWithTheReasonAndKeepsRetryingWhileTheRegistryIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
        serializer.configure(
                AvroSerdeProperties.forRegistry("http://127.0.0.1:" + closedPort + "/apis/registry/v3"), false);
        OutboxSchemaRegistration registration =
                new OutboxSchemaRegistration(new JdbcOutboxWriter(null, serializer), Topics.valueTypes());
        registration.start();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Health down = registration.health();
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat((Integer) down.getDetails().get("attempts")).isGreaterThanOrEqualTo(2);
                assertThat(down.getDetails()).containsKey("lastError").containsEntry("contentIds", Map.of());
            });
            assertThat(registration.isDone()).isFalse();
        } finally {
            registration.stop();
            serializer.close();
        }
    }

    private Health schemasHealth() {
        return ((HealthIndicator) health.getContributor("outboxSchemas")).health();
    }
}

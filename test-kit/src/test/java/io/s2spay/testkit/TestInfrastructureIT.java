package io.s2spay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

class TestInfrastructureIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void isStartedOncePerJvm() {
        assertThat(TestInfrastructure.get()).isSameAs(infrastructure);
    }

    @Test
    void postgresqlHasLogicalWalSynchronousCommitAndRoomForOneSlotPerService() throws SQLException {
        try (Connection connection = connect(infrastructure.jdbcUrl())) {
            assertThat(setting(connection, "wal_level")).isEqualTo("logical");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(Integer.parseInt(setting(connection, "max_replication_slots")))
                    .isGreaterThanOrEqualTo(32);
            assertThat(Integer.parseInt(setting(connection, "max_wal_senders"))).isGreaterThanOrEqualTo(32);
            assertThat(Integer.parseInt(setting(connection, "max_connections"))).isGreaterThanOrEqualTo(300);
            assertThat(connection.getCatalog()).isEqualTo("s2spay");
        }
        assertThat(infrastructure.jdbcUrl()).matches("jdbc:postgresql://[^/]+:\\d+/s2spay");
    }

    @Test
    void postgresqlStreamsCommittedChangesThroughPgoutputAsTheOutboxRelayReadsThem() throws SQLException {
        String name = "testkit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = connect(infrastructure.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public." + name + " (id bigint PRIMARY KEY)");
            statement.execute("CREATE PUBLICATION " + name + " FOR TABLE public." + name);
            statement.execute("SELECT pg_create_logical_replication_slot('" + name + "', 'pgoutput')");
            try {
                statement.execute("INSERT INTO public." + name + " VALUES (42)");
                List<byte[]> messages = new ArrayList<>();
                try (ResultSet changes = statement.executeQuery("SELECT data FROM pg_logical_slot_get_binary_changes('"
                        + name + "', NULL, NULL, 'proto_version', '1', 'publication_names', '" + name + "')")) {
                    while (changes.next()) {
                        messages.add(changes.getBytes(1));
                    }
                }
                // pgoutput: Begin, Relation (naming the table), Insert, Commit
                assertThat(messages).extracting(message -> (char) message[0]).containsExactly('B', 'R', 'I', 'C');
                assertThat(new String(messages.get(1), StandardCharsets.UTF_8)).contains(name);
            } finally {
                statement.execute("SELECT pg_drop_replication_slot('" + name + "')");
                statement.execute("DROP PUBLICATION " + name);
                statement.execute("DROP TABLE public." + name);
            }
        }
    }

    @Test
    void springPropertiesPointTheServiceAtItsOwnSchemaAndANewSlotOnEveryCall() throws SQLException {
        Map<String, Object> first = infrastructure.springProperties("checkout-service");
        Map<String, Object> second = infrastructure.springProperties("checkout-service");

        assertThat(first)
                .containsEntry("spring.datasource.url", infrastructure.jdbcUrl() + "?currentSchema=checkout_service")
                .containsEntry("spring.datasource.username", infrastructure.jdbcUsername())
                .containsEntry("spring.datasource.password", infrastructure.jdbcPassword())
                .containsEntry("spring.flyway.schemas", "checkout_service")
                .containsEntry("spring.flyway.default-schema", "checkout_service")
                .containsEntry("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers())
                .containsEntry("s2spay.registry.url", infrastructure.registryUrl())
                .containsEntry("s2spay.service.name", "checkout-service");
        assertThat((String) first.get("s2spay.outbox.slot-name")).matches("checkout_service_[0-9a-f]{12}");
        assertThat(first.get("s2spay.outbox.publication-name")).isEqualTo(first.get("s2spay.outbox.slot-name"));
        assertThat(second.get("s2spay.outbox.slot-name")).isNotEqualTo(first.get("s2spay.outbox.slot-name"));

        // a connection made from these properties really works in that schema
        try (Connection admin = connect(infrastructure.jdbcUrl());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS checkout_service");
        }
        try (Connection connection = DriverManager.getConnection(
                        (String) first.get("spring.datasource.url"),
                        (String) first.get("spring.datasource.username"),
                        (String) first.get("spring.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet schema = statement.executeQuery("SELECT current_schema()")) {
            assertThat(schema.next()).isTrue();
            assertThat(schema.getString(1)).isEqualTo("checkout_service");
        }
    }

    @Test
    void registersTheSamePropertiesForDynamicPropertySource() {
        Map<String, Object> registered = new HashMap<>();
        DynamicPropertyRegistry registry = (name, value) -> registered.put(name, value.get());

        infrastructure.register(registry, "payment-executor");

        assertThat(registered)
                .containsEntry("spring.datasource.url", infrastructure.jdbcUrl("payment_executor"))
                .containsEntry("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers())
                .containsKey("s2spay.outbox.slot-name");
    }

    @Test
    void rejectsServiceAndSchemaNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> infrastructure.springProperties("Checkout"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> infrastructure.springProperties("checkout; drop"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> infrastructure.jdbcUrl("a-b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kafkaCreatesTopicsOnFirstUseWithThreePartitions() throws Exception {
        String topic = "testkit.autocreated." + UUID.randomUUID();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get();
        }
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(3);
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW " + name)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}

package io.s2spay.testkit;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node KRaft Kafka broker inside this JVM (spring-kafka-test's kit, no Spring context needed). */
final class EmbeddedKafkaServer implements AutoCloseable {

    static final int DEFAULT_PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static EmbeddedKafkaServer start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, DEFAULT_PARTITIONS);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                // one node: every internal topic has one replica
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                // fewer internal partitions: the first consumer group and transaction start in ms, not seconds
                "offsets.topic.num.partitions", "4",
                "transaction.state.log.num.partitions", "4",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new EmbeddedKafkaServer(broker);
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }

    @Override
    public String toString() {
        return "Kafka " + Versions.KAFKA + " (KRaft) at " + bootstrapServers();
    }
}

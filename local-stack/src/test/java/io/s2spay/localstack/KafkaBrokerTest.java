package io.s2spay.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void listensOnlyOnLoopbackOnTheFixedPortsAndAdvertisesThem() {
        Map<String, String> properties = KafkaBroker.serverProperties(19092, 19093, Path.of("/tmp/k"), 3);

        assertThat(properties)
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("num.partitions", "3");
    }

    @Test
    void everyInternalTopicHasOneReplicaOnASingleNode() {
        Map<String, String> properties = KafkaBroker.serverProperties(1, 2, Path.of("/tmp/k"), 3);

        assertThat(properties.entrySet())
                .filteredOn(entry -> entry.getKey().endsWith("replication.factor")
                        || entry.getKey().endsWith("min.isr"))
                .hasSize(5)
                .allSatisfy(entry -> assertThat(entry.getValue()).isEqualTo("1"));
    }
}

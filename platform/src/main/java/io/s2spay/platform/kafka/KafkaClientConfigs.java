package io.s2spay.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Base configurations of the Kafka clients the platform creates itself (relay, Avro and dead-letter
 * producers): Spring Boot's {@code spring.kafka.*} settings plus its
 * connection details, so that every client of a service talks to the same cluster the same way.
 */
public final class KafkaClientConfigs {

    private final KafkaProperties properties;
    private final KafkaConnectionDetails connectionDetails;

    public KafkaClientConfigs(KafkaProperties properties, KafkaConnectionDetails connectionDetails) {
        this.properties = properties;
        this.connectionDetails = connectionDetails;
    }

    /** Producer settings; the caller adds serializers and overrides. */
    public Map<String, Object> producer() {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
        apply(config, connectionDetails.getProducer());
        return config;
    }

    /** Admin-client settings. */
    public Map<String, Object> admin() {
        Map<String, Object> config = new HashMap<>(properties.buildAdminProperties());
        apply(config, connectionDetails.getAdmin());
        return config;
    }

    private static void apply(Map<String, Object> config, KafkaConnectionDetails.Configuration connection) {
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", connection.getBootstrapServers()));
        if (connection.getSecurityProtocol() != null) {
            config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, connection.getSecurityProtocol());
        }
    }
}

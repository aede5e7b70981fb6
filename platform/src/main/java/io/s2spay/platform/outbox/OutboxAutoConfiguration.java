package io.s2spay.platform.outbox;

import com.zaxxer.hikari.HikariDataSource;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.s2spay.platform.PlatformProperties;
import io.s2spay.platform.kafka.InternalTopic;
import io.s2spay.platform.kafka.KafkaClientConfigs;
import io.s2spay.platform.kafka.PlatformKafkaAutoConfiguration;
import io.s2spay.platform.kafka.TimeLimitedAvroSerializer;
import io.s2spay.platform.tracing.TraceContextHeaders;
import io.s2spay.schema.Topics;
import io.s2spay.schema.serde.AvroSerdeProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The transactional outbox of a service that emits ({@code s2spay.outbox.enabled=true}): the writer
 * used inside business transactions, the relay that publishes committed rows from the WAL, its health and
 * the purge of relayed rows.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, PlatformKafkaAutoConfiguration.class})
@ConditionalOnProperty(prefix = "s2spay.service", name = "name")
@ConditionalOnProperty(prefix = "s2spay.outbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(PlatformProperties.class)
@EnableScheduling
public final class OutboxAutoConfiguration {

    @Bean
    JdbcOutboxWriter outboxWriter(
            DataSource dataSource,
            PlatformProperties platform,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        AvroKafkaSerializer<SpecificRecord> serializer = new TimeLimitedAvroSerializer();
        serializer.configure(AvroSerdeProperties.forRegistry(platform.registry().url()), false);
        return new JdbcOutboxWriter(
                JdbcClient.create(dataSource),
                serializer,
                new TraceContextHeaders(tracer.getIfAvailable(), propagator.getIfAvailable()));
    }

    /** Health {@code outboxSchemas}: the value schemas of the contract's topics and the internal ones, at startup. */
    @Bean
    OutboxSchemaRegistration outboxSchemas(
            JdbcOutboxWriter outboxWriter, ObjectProvider<InternalTopic> internalTopics) {
        Map<String, Class<? extends SpecificRecord>> valueTypes = new LinkedHashMap<>(Topics.valueTypes());
        internalTopics.orderedStream().forEach(internal -> valueTypes.put(internal.name(), internal.valueType()));
        return new OutboxSchemaRegistration(outboxWriter, valueTypes);
    }

    @Bean
    OutboxRelay outboxRelay(
            DataSource dataSource,
            ObjectProvider<JdbcConnectionDetails> connectionDetails,
            PlatformProperties platform,
            KafkaClientConfigs kafka,
            ObjectProvider<MeterRegistry> meters) {
        return relay(dataSource, postgres(dataSource, connectionDetails), platform, kafka, meters.getIfAvailable());
    }

    /** A relay of {@code platform}'s outbox and slot; a second one for the same slot stands by (tests). */
    static OutboxRelay relay(
            DataSource dataSource,
            PostgresConnectionSettings database,
            PlatformProperties platform,
            KafkaClientConfigs kafka,
            MeterRegistry meters) {
        Map<String, Object> producer = kafka.producer();
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // relay latency is the product: send at once, and fail a batch within seconds when Kafka is away
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "s2spay-outbox-relay-" + platform.slotName());
        return new OutboxRelay(platform, dataSource, database, producer, meters);
    }

    @Bean
    OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay outboxRelay) {
        return new OutboxRelayHealthIndicator(outboxRelay);
    }

    @Bean
    OutboxPurger outboxPurger(DataSource dataSource, PlatformProperties platform) {
        return new OutboxPurger(JdbcClient.create(dataSource), platform.outbox());
    }

    private static PostgresConnectionSettings postgres(
            DataSource dataSource, ObjectProvider<JdbcConnectionDetails> connectionDetails) {
        JdbcConnectionDetails details = connectionDetails.getIfAvailable();
        if (details != null) {
            return PostgresConnectionSettings.fromJdbc(
                    details.getJdbcUrl(), details.getUsername(), details.getPassword());
        }
        if (dataSource instanceof HikariDataSource hikari) {
            return PostgresConnectionSettings.fromJdbc(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        throw new IllegalStateException("The outbox relay cannot tell the database's address: define "
                + "spring.datasource.url/username/password");
    }
}

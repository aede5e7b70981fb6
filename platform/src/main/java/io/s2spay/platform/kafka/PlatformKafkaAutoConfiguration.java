package io.s2spay.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.s2spay.platform.PlatformProperties;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.Topics;
import io.s2spay.schema.serde.AvroSerdeProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring of every s2spay service: Avro values through the registry in the Confluent wire format,
 * {@code @KafkaListener}s that never stop on a bad record (retry, then {@code <topic>.dlt}), and the
 * topics of the contract.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnProperty(prefix = "s2spay.service", name = "name")
@EnableConfigurationProperties(PlatformProperties.class)
public final class PlatformKafkaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformKafkaAutoConfiguration.class);

    /** How long the broker may hold a fetch that finds no record (below the clients' 30 s request timeout). */
    static final int IDLE_FETCH_WAIT_MS = 5_000;

    @Bean
    KafkaClientConfigs s2spayKafkaClientConfigs(KafkaProperties properties, KafkaConnectionDetails connectionDetails) {
        return new KafkaClientConfigs(properties, connectionDetails);
    }

    /**
     * Spring Boot's consumer factory (so {@code spring.kafka.consumer.*} still applies) decoding values
     * into the generated classes of {@code schemas}; a record that cannot be decoded becomes a
     * {@code DeserializationException} for the error handler instead of a poison pill.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer s2spayConsumerFactoryCustomizer(
            PlatformProperties platform, KafkaProperties kafka) {
        return factory -> {
            Map<String, Object> config = new HashMap<>(
                    AvroSerdeProperties.forRegistry(platform.registry().url()));
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
            config.put(
                    ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, OriginalValueRetainingAvroDeserializer.class);
            if (kafka.getConsumer().getGroupId() == null) {
                config.put(ConsumerConfig.GROUP_ID_CONFIG, platform.serviceName());
            }
            if (kafka.getConsumer().getAutoOffsetReset() == null) {
                config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            }
            if (kafka.getConsumer().getFetchMaxWait() == null) {
                // the broker answers a fetch as soon as a record is there; this only bounds how long it holds one
                // while there is none. Kafka's 500 ms made every idle consumer fetch twice a second: with some twenty
                // consumers in a stack, most of an idle broker's CPU
                config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, IDLE_FETCH_WAIT_MS);
            }
            factory.updateConfigs(config);
        };
    }

    /** Producer of Avro records, for code that publishes directly (tools, tests); services use the outbox. */
    @Bean
    @Primary
    DefaultKafkaProducerFactory<String, SpecificRecord> kafkaProducerFactory(
            KafkaClientConfigs clients,
            PlatformProperties platform,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> config = reliableProducer(clients);
        config.putAll(AvroSerdeProperties.forRegistry(platform.registry().url()));
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, TimeLimitedAvroSerializer.class);
        DefaultKafkaProducerFactory<String, SpecificRecord> factory = new DefaultKafkaProducerFactory<>(config);
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    @Bean
    @Primary
    KafkaTemplate<String, SpecificRecord> kafkaTemplate(
            DefaultKafkaProducerFactory<String, SpecificRecord> kafkaProducerFactory) {
        return new KafkaTemplate<>(kafkaProducerFactory);
    }

    /** Producer of dead letters: bytes as they arrived. */
    @Bean
    DefaultKafkaProducerFactory<String, byte[]> s2spayDeadLetterProducerFactory(
            KafkaClientConfigs clients, ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> config = reliableProducer(clients);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    /**
     * Picked up by Spring Boot's listener container factory. Records that can never succeed (undecodable,
     * wrong type, {@link InvalidMessageException}) go to the dead-letter topic at once; other failures are
     * retried with a bounded exponential backoff first. A failure because the database cannot be reached is
     * retried, with a backoff, until it can: the record is not at fault, so it must not need an operator's replay.
     */
    @Bean
    CommonErrorHandler s2spayKafkaErrorHandler(
            DefaultKafkaProducerFactory<String, byte[]> s2spayDeadLetterProducerFactory,
            PlatformProperties platform,
            ObjectProvider<MeterRegistry> meters) {
        PlatformProperties.Retry retry = platform.kafka().retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                new DeadLetterRecoverer(
                        new KafkaTemplate<>(s2spayDeadLetterProducerFactory),
                        meters.getIfAvailable(SimpleMeterRegistry::new)),
                backOff);
        // DeserializationException, ClassCastException and conversion errors are not retried by default
        handler.addNotRetryableExceptions(InvalidMessageException.class);
        handler.setBackOffFunction(
                (record, failure) -> InfrastructureOutages.isDatabaseOutage(failure) ? outageBackOff(retry) : null);
        handler.setRetryListeners((record, failure, deliveryAttempt) -> {
            if (InfrastructureOutages.isDatabaseOutage(failure)) {
                log.warn(
                        "{}-{}@{} not processed, the database or a dependency cannot be reached (attempt {}: {}):"
                                + " retrying until it can",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        deliveryAttempt,
                        failure.getMessage());
            }
        });
        return handler;
    }

    /** Unlimited attempts: the exponential backoff never says stop. */
    private static ExponentialBackOff outageBackOff(PlatformProperties.Retry retry) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.outageInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.outageMaxInterval().toMillis());
        return backOff;
    }

    /** The topics of the contract, the internal topics declared, and their dead-letter topics, created if missing. */
    @Bean
    KafkaAdmin.NewTopics s2spayTopics(PlatformProperties platform, ObjectProvider<InternalTopic> internalTopics) {
        PlatformProperties.Kafka kafka = platform.kafka();
        return new KafkaAdmin.NewTopics(Stream.concat(
                        Topics.valueTypes().keySet().stream().sorted(),
                        internalTopics.orderedStream().map(InternalTopic::name))
                .distinct()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .map(topic -> {
                    TopicBuilder builder = TopicBuilder.name(topic).partitions(kafka.topicPartitions());
                    if (kafka.topicReplicationFactor() > 0) {
                        builder.replicas(kafka.topicReplicationFactor());
                    }
                    return builder.build();
                })
                .toArray(NewTopic[]::new));
    }

    /** Producer settings for records that must not be lost or duplicated by producer retries. */
    static Map<String, Object> reliableProducer(KafkaClientConfigs clients) {
        Map<String, Object> config = clients.producer();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }
}

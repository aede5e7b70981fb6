package io.s2spay.poller.notification;

import io.s2spay.connector.opp.report.OppTransactionReports;
import io.s2spay.platform.PlatformProperties;
import io.s2spay.schema.Topics;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the internal topic the poller reports gateway-confirmed transactions on (and its dead-letter topic) at
 * start-up if missing, with the contract topics' partitions and replication.
 */
@Configuration(proxyBeanMethods = false)
class ReportedTransactionsTopic {

    @Bean
    KafkaAdmin.NewTopics oppTransactionsTopics(PlatformProperties platform) {
        PlatformProperties.Kafka kafka = platform.kafka();
        return new KafkaAdmin.NewTopics(Stream.of(OppTransactionReports.TOPIC, Topics.deadLetter(OppTransactionReports.TOPIC))
                .map(topic -> {
                    TopicBuilder builder = TopicBuilder.name(topic).partitions(kafka.topicPartitions());
                    if (kafka.topicReplicationFactor() > 0) {
                        builder.replicas(kafka.topicReplicationFactor());
                    }
                    return builder.build();
                })
                .toArray(NewTopic[]::new));
    }
}

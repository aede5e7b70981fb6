package io.s2spay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.platform.kafka.PlatformKafkaAutoConfiguration;
import io.s2spay.platform.messaging.MessagingAutoConfiguration;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.platform.outbox.OutboxAutoConfiguration;
import io.s2spay.platform.outbox.OutboxWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/** The platform stays out of applications that are not s2spay services (e.g. the gateway sandbox). */
class PlatformAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    KafkaAutoConfiguration.class,
                    PlatformKafkaAutoConfiguration.class,
                    MessagingAutoConfiguration.class,
                    OutboxAutoConfiguration.class))
            // never connected to: the beans under test only need a DataSource to exist
            .withPropertyValues(
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none", "spring.kafka.admin.auto-create=false");

    @Test
    void contributesNothingWithoutAServiceName() {
        runner.withPropertyValues("s2spay.outbox.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(PlatformProperties.class);
            assertThat(context).doesNotHaveBean(OutboxWriter.class);
            assertThat(context).doesNotHaveBean(ProcessedMessages.class);
            assertThat(context).doesNotHaveBean(CommonErrorHandler.class);
            assertThat(context).hasSingleBean(KafkaTemplate.class); // Spring Boot's own, untouched
        });
    }

    @Test
    void wiresKafkaForAServiceWithoutAnOutbox() {
        runner.withPropertyValues("s2spay.service.name=poller").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(CommonErrorHandler.class);
            assertThat(context).hasSingleBean(ProcessedMessages.class);
            assertThat(context).doesNotHaveBean(OutboxWriter.class);
            assertThat(context.getBean(PlatformProperties.class).slotName()).isEqualTo("s2spay_poller");
        });
    }

    @Test
    void idleConsumersWaitLongerAtTheBrokerUnlessTheServiceSaysOtherwise() {
        runner.withPropertyValues("s2spay.service.name=poller")
                .run(context -> assertThat(consumerConfig(context))
                        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5_000)
                        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "poller"));
        runner.withPropertyValues("s2spay.service.name=poller", "spring.kafka.consumer.fetch-max-wait=200ms")
                .run(context -> assertThat(consumerConfig(context))
                        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200));
    }

    private static java.util.Map<String, Object> consumerConfig(
            org.springframework.context.ApplicationContext context) {
        return context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties();
    }
}

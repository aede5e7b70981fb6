package io.s2spay.platform.messaging;

import io.s2spay.platform.PlatformProperties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Idempotent consumption for every s2spay service: the {@code processed_message} record and its purge. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(prefix = "s2spay.service", name = "name")
@EnableConfigurationProperties({PlatformProperties.class, ProcessedMessageProperties.class})
@EnableScheduling
public final class MessagingAutoConfiguration {

    @Bean
    ProcessedMessages processedMessages(DataSource dataSource) {
        return new JdbcProcessedMessages(JdbcClient.create(dataSource));
    }

    @Bean
    ProcessedMessagePurger processedMessagePurger(DataSource dataSource, ProcessedMessageProperties properties) {
        return new ProcessedMessagePurger(JdbcClient.create(dataSource), properties);
    }
}

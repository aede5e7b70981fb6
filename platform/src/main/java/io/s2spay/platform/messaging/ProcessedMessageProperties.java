package io.s2spay.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the ids of consumed messages are kept for de-duplication.
 *
 * @param retention how long a {@code processed_message} row stays before it is purged
 * @param purgeInterval how often the purge runs
 */
@ConfigurationProperties("s2spay.processed-messages")
public record ProcessedMessageProperties(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {}

package io.s2spay.platform.messaging;

import io.s2spay.platform.retention.RetentionPurger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes {@code processed_message} rows older than the retention, so the record of consumed message ids does not
 * grow forever. A message redelivered after its row is gone would be processed again, so the retention must
 * outlast any redelivery: Kafka redelivers only what a consumer had not committed, within minutes.
 */
final class ProcessedMessagePurger extends RetentionPurger {

    ProcessedMessagePurger(JdbcClient jdbc, ProcessedMessageProperties properties) {
        super(
                jdbc,
                "processed_message",
                "message_id",
                "processed_at",
                properties.retention(),
                properties.purgeInterval());
    }
}

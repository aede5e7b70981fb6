package io.s2spay.platform.outbox;

import io.s2spay.platform.PlatformProperties;
import java.util.Properties;

/** The Debezium embedded-engine configuration of one service's outbox relay. */
final class DebeziumOutboxConfig {

    /** Header carrying the row's {@code created_at} from Debezium to the relay (for the lag metric only). */
    static final String CREATED_AT_HEADER = "s2spay_created_at";

    /** Prefix of Debezium's heartbeat topics; heartbeat records only move the offsets, they are not sent. */
    static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";

    private DebeziumOutboxConfig() {}

    static Properties build(
            PlatformProperties platform, PostgresConnectionSettings db, String schema, String bootstrapServers) {
        PlatformProperties.Outbox outbox = platform.outbox();
        String slot = platform.slotName();
        String table = schema + ".outbox";
        Properties config = new Properties();
        // engine name and topic prefix are the slot name: the offsets are stored under it, so a new slot never
        // inherits another slot's offsets, and several relays in one JVM keep apart
        config.setProperty("name", slot);
        config.setProperty("topic.prefix", slot);
        config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.setProperty("database.hostname", db.host());
        config.setProperty("database.port", Integer.toString(db.port()));
        config.setProperty("database.dbname", db.database());
        config.setProperty("database.user", db.username());
        if (db.password() != null) {
            config.setProperty("database.password", db.password());
        }
        config.setProperty("plugin.name", "pgoutput");
        config.setProperty("slot.name", slot);
        config.setProperty("slot.drop.on.stop", Boolean.toString(outbox.dropSlotOnStop()));
        config.setProperty("publication.name", platform.publicationName());
        // the relay creates the publication itself, for inserts only: purging relayed rows is not replicated
        config.setProperty("publication.autocreate.mode", "disabled");
        config.setProperty("table.include.list", schema + "\\.outbox");
        // when_needed: with no offsets for this slot, or offsets the slot no longer holds (slot lost and
        // re-created), re-read the outbox table, which still holds every row younger than the retention;
        // duplicates are fine, consumers are idempotent, lost messages are not
        config.setProperty("snapshot.mode", outbox.snapshotMode());
        config.setProperty("snapshot.select.statement.overrides", table);
        config.setProperty(
                "snapshot.select.statement.overrides." + table,
                "select * from \"" + schema + "\".outbox order by created_at");
        config.setProperty(
                "poll.interval.ms", Long.toString(outbox.pollInterval().toMillis()));
        config.setProperty("max.batch.size", "2048");
        config.setProperty("tombstones.on.delete", "false");
        // a connector error is retried inside the engine a few times, then the relay restarts it from scratch
        // (schema, publication, producer), with its own backoff, for as long as it takes
        config.setProperty("errors.max.retries", "10");
        config.setProperty(
                "heartbeat.interval.ms",
                Long.toString(outbox.heartbeatInterval().toMillis()));
        config.setProperty("topic.heartbeat.prefix", HEARTBEAT_TOPIC_PREFIX);

        config.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        config.setProperty("offset.storage.topic", platform.offsetTopic());
        config.setProperty("offset.storage.partitions", "1");
        config.setProperty("offset.storage.replication.factor", Short.toString(outbox.offsetTopicReplicationFactor()));
        config.setProperty("bootstrap.servers", bootstrapServers);
        // offsets flushed every second: a crash re-sends at most about a second of records
        config.setProperty("offset.flush.interval.ms", "1000");

        config.setProperty("transforms", "outbox");
        config.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        config.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        config.setProperty("transforms.outbox.route.by.field", "aggregatetype");
        config.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        config.setProperty(
                "transforms.outbox.table.fields.additional.placement",
                "type:header:eventType,created_at:header:" + CREATED_AT_HEADER);
        return config;
    }
}

package io.s2spay.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code s2spay.*} settings every service shares; defaults fit the local stack.
 *
 * @param service which service this is: its name is also its database schema and its consumer group
 * @param registry the schema registry (Apicurio native API, which the serde talks)
 * @param outbox the transactional outbox and its relay
 * @param kafka topics and consumer error handling
 */
@ConfigurationProperties("s2spay")
public record PlatformProperties(
        Service service,
        @DefaultValue Registry registry,
        @DefaultValue Outbox outbox,
        @DefaultValue Kafka kafka) {

    private static final Pattern PG_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The service's name, required: the platform is only active in applications that set it. */
    public String serviceName() {
        if (service == null || service.name() == null || service.name().isBlank()) {
            throw new IllegalStateException("s2spay.service.name is not set");
        }
        return service.name();
    }

    /** Replication slot of this service's relay: configured, or {@code s2spay_<service>}. */
    public String slotName() {
        String slot = outbox.slotName() != null ? outbox.slotName() : "s2spay_" + sanitize(serviceName());
        return requirePgIdentifier("s2spay.outbox.slot-name", slot);
    }

    /** Publication the relay's slot reads: configured, or {@code <slot>_pub}. */
    public String publicationName() {
        String publication = outbox.publicationName() != null ? outbox.publicationName() : slotName() + "_pub";
        return requirePgIdentifier("s2spay.outbox.publication-name", publication);
    }

    private static String sanitize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static String requirePgIdentifier(String property, String value) {
        if (!PG_IDENTIFIER.matcher(value).matches()) {
            throw new IllegalStateException(property + " must be a PostgreSQL identifier of lower-case letters, "
                    + "digits and underscores (at most 63 characters), was '" + value + "'");
        }
        return value;
    }

    /** @param name the service's name (also its schema and consumer group id) */
    public record Service(String name) {}

    /** @param url the registry's native API, e.g. {@code http://127.0.0.1:18080/apis/registry/v3} */
    public record Registry(
            @DefaultValue("http://127.0.0.1:18080/apis/registry/v3")
            String url) {}

    /**
     * @param enabled whether this service emits messages (the outbox writer and its relay run)
     * @param slotName replication slot, one per service (tests: unique per run)
     * @param publicationName publication of the outbox table (inserts only)
     * @param snapshotMode {@code when_needed}: when the relay has to create its slot (first start, or the slot was
     *     lost), it publishes the rows still in the outbox table before it streams (at-least-once); {@code no_data}
     *     streams only what is written from then on
     * @param dropSlotOnStop drop the slot when the relay stops (tests only: a restart then re-reads the table)
     * @param retention how long relayed rows stay in the outbox table before they are purged
     * @param purgeInterval how often the purge runs
     * @param heartbeatInterval how often the relay writes a heartbeat to the WAL, so that its slot advances while the
     *     outbox is idle
     * @param restartBackoffInitial first wait before the relay restarts a failed engine
     * @param restartBackoffMax longest wait between restarts
     * @param standbyPollInterval how often a relay whose slot another instance of the service holds checks
     *     whether it was released, to take over: bounds the relay's outage when the active instance goes away
     */
    public record Outbox(
            @DefaultValue("false") boolean enabled,
            String slotName,
            String publicationName,
            @DefaultValue("when_needed") String snapshotMode,
            @DefaultValue("false") boolean dropSlotOnStop,
            @DefaultValue("1h") Duration retention,
            @DefaultValue("1m") Duration purgeInterval,
            @DefaultValue("10s") Duration heartbeatInterval,
            @DefaultValue("1s") Duration restartBackoffInitial,
            @DefaultValue("30s") Duration restartBackoffMax,
            @DefaultValue("1s") Duration standbyPollInterval) {

        public Outbox {
            if (!"when_needed".equals(snapshotMode) && !"no_data".equals(snapshotMode)) {
                throw new IllegalArgumentException(
                        "s2spay.outbox.snapshot-mode must be when_needed or no_data, was '" + snapshotMode + "'");
            }
        }
    }

    /**
     * @param topicPartitions partitions of the s2spay topics and their dead-letter topics
     * @param topicReplicationFactor their replication factor, -1 for the broker's default
     * @param retry how a failing listener is retried before its record is dead-lettered
     */
    public record Kafka(
            @DefaultValue("3") int topicPartitions,
            @DefaultValue("-1") short topicReplicationFactor,
            @DefaultValue Retry retry) {}

    /**
     * @param maxRetries retries after the first failure (exponential backoff), then the dead-letter topic
     * @param initialInterval first backoff
     * @param maxInterval longest backoff
     * @param outageInitialInterval first backoff while the database cannot be reached: such a failure is retried
     *     until the database is back, never dead-lettered (the record is not at fault, and the next one would fail
     *     the same way)
     * @param outageMaxInterval longest backoff while the database cannot be reached
     */
    public record Retry(
            @DefaultValue("4") int maxRetries,
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("5s") Duration maxInterval,
            @DefaultValue("1s") Duration outageInitialInterval,
            @DefaultValue("30s") Duration outageMaxInterval) {}
}

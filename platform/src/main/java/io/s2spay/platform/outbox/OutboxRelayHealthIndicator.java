package io.s2spay.platform.outbox;

import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator health {@code outboxRelay}: UP while the relay streams from its slot, or while it stands by because
 * another instance of the service holds the slot (it takes over within a poll interval once released); DOWN
 * while it starts, restarts or is stopped.
 */
final class OutboxRelayHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;

    OutboxRelayHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        Health.Builder health;
        OutboxRelay.State state = relay.state();
        if (relay.isRunning() && state == OutboxRelay.State.STREAMING) {
            health = Health.up().withDetail("state", "RELAYING");
        } else if (relay.isRunning() && state == OutboxRelay.State.STANDBY) {
            health = Health.up().withDetail("state", "STANDBY");
            putIfPresent(health, "slotHeldByPid", slotHolder());
        } else {
            health = Health.down().withDetail("state", state.name());
        }
        health.withDetail("slot", relay.slotName())
                .withDetail("publication", relay.publicationName())
                .withDetail("recordsRelayed", relay.recordsRelayed())
                .withDetail("restarts", relay.restarts());
        putIfPresent(health, "schema", relay.schema());
        putIfPresent(health, "lastRelayedAt", relay.lastRelayedAt());
        putIfPresent(health, "lastError", relay.lastError());
        putIfPresent(health, "lastErrorAt", relay.lastErrorAt());
        return health.build();
    }

    /** The backend holding the slot while this relay is not streaming from it, i.e. another instance. */
    private Integer slotHolder() {
        try {
            return relay.slotHolderPid();
        } catch (RuntimeException databaseDown) {
            return null;
        }
    }

    private static void putIfPresent(Health.Builder health, String key, Object value) {
        if (value != null) {
            health.withDetail(key, value instanceof Instant instant ? instant.toString() : value);
        }
    }
}

package io.s2spay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlatformPropertiesTest {

    @Test
    void derivesSlotAndPublicationFromTheServiceName() {
        PlatformProperties properties = properties("payment-executor", null, null);

        assertThat(properties.slotName()).isEqualTo("s2spay_payment_executor");
        assertThat(properties.publicationName()).isEqualTo("s2spay_payment_executor_pub");
    }

    @Test
    void keepsConfiguredNames() {
        PlatformProperties properties = properties("checkout", "checkout_a1b2", "checkout_a1b2");

        assertThat(properties.slotName()).isEqualTo("checkout_a1b2");
        assertThat(properties.publicationName()).isEqualTo("checkout_a1b2");
    }

    @Test
    void rejectsASlotNamePostgresqlWouldRefuse() {
        assertThatThrownBy(() -> properties("checkout", "Checkout-1", null).slotName())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s2spay.outbox.slot-name");
    }

    @Test
    void saysWhenTheServiceNameIsMissing() {
        assertThatThrownBy(() -> properties(null, null, null).serviceName())
                .hasMessageContaining("s2spay.service.name");
    }

    @Test
    void refusesASnapshotModeTheRelayDoesNotKnow() {
        assertThatThrownBy(() -> outbox("initial"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s2spay.outbox.snapshot-mode")
                .hasMessageContaining("when_needed");
    }

    private static PlatformProperties.Outbox outbox(String snapshotMode) {
        return outbox(null, null, snapshotMode);
    }

    private static PlatformProperties.Outbox outbox(String slot, String publication, String snapshotMode) {
        return new PlatformProperties.Outbox(
                true,
                slot,
                publication,
                snapshotMode,
                false,
                Duration.ofHours(1),
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1));
    }

    private static PlatformProperties properties(String service, String slot, String publication) {
        return new PlatformProperties(
                new PlatformProperties.Service(service),
                new PlatformProperties.Registry("http://registry"),
                outbox(slot, publication, "when_needed"),
                new PlatformProperties.Kafka(
                        3,
                        (short) -1,
                        new PlatformProperties.Retry(
                                4,
                                Duration.ofMillis(500),
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(30))));
    }
}

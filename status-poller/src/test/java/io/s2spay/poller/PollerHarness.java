package io.s2spay.poller;

import io.s2spay.connector.opp.OppGatewayClient;
import io.s2spay.poller.tracking.TrackedPayments;
import io.s2spay.testkit.PublishedEvents;
import io.s2spay.testkit.SandboxGateway;
import io.s2spay.testkit.TestInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The real status-poller with an OPP sandbox of its own (for {@link PaymentEvents#MERCHANT}), and what a test drives
 * and watches it through; closing it stops both.
 */
final class PollerHarness implements AutoCloseable {

    final SandboxGateway sandbox;
    final ConfigurableApplicationContext poller;
    final OppGatewayClient gateway;
    final TrackedPayments tracked;
    final KafkaTemplate<String, SpecificRecord> kafka;
    final PublishedEvents events;

    /** Starts a sandbox with {@code sandboxProperties}, then the poller on it with {@code pollerProperties}. */
    @SuppressWarnings("unchecked")
    PollerHarness(Map<String, String> sandboxProperties, Map<String, Object> pollerProperties) {
        sandbox = new SandboxGateway(sandboxProperties);
        try {
            Map<String, Object> properties = new LinkedHashMap<>(sandbox.connectorProperties(PaymentEvents.MERCHANT));
            properties.putAll(pollerProperties);
            poller = PollerTestApplication.start(properties);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        gateway = poller.getBean(OppGatewayClient.class);
        tracked = poller.getBean(TrackedPayments.class);
        kafka = poller.getBean(KafkaTemplate.class);
        events = new PublishedEvents(TestInfrastructure.get());
    }

    @Override
    public void close() {
        try {
            poller.close();
        } finally {
            sandbox.close();
        }
    }
}

package io.s2spay.poller;

import io.s2spay.testkit.TestInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real status-poller on the test kit's PostgreSQL, Kafka and registry. */
final class PollerTestApplication {

    private PollerTestApplication() {}

    /**
     * The poller with the test infrastructure's connection settings and {@code overrides}, passed as command-line
     * arguments so that they win over {@code status-poller.yml} as they would in production.
     */
    static ConfigurableApplicationContext start(Map<String, Object> overrides) {
        Map<String, Object> properties =
                new LinkedHashMap<>(TestInfrastructure.get().springProperties("poller"));
        properties.put("server.port", 0);
        properties.putAll(overrides);
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return StatusPollerApplication.application().run(args);
    }
}

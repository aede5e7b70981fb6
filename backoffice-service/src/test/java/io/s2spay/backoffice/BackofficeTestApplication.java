package io.s2spay.backoffice;

import io.s2spay.testkit.TestInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real backoffice-service on the test kit's PostgreSQL, Kafka and registry. */
public final class BackofficeTestApplication {

    private BackofficeTestApplication() {}

    /**
     * The service with the test infrastructure's connection settings and {@code overrides}, passed as command-line
     * arguments so that they win over {@code backoffice-service.yml} as they would in production.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> overrides) {
        Map<String, Object> properties =
                new LinkedHashMap<>(TestInfrastructure.get().springProperties("backoffice"));
        properties.put("server.port", 0);
        properties.putAll(overrides);
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return BackofficeServiceApplication.application().run(args);
    }
}

package io.s2spay.backoffice;

import io.s2spay.gateway.GatewayPort;
import io.s2spay.testkit.TestInfrastructure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** Starts the real backoffice-service on the test kit's PostgreSQL, Kafka and registry. */
public final class BackofficeTestApplication {

    private BackofficeTestApplication() {}

    /**
     * The service with the test infrastructure's connection settings and {@code overrides}, passed as command-line
     * arguments so that they win over {@code backoffice-service.yml} as they would in production.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> overrides) {
        return start(overrides, List.of());
    }

    /** The service as above, with {@code adapters} as gateway families of their own beside the configured ones. */
    public static ConfigurableApplicationContext start(Map<String, Object> overrides, List<GatewayPort> adapters) {
        Map<String, Object> properties =
                new LinkedHashMap<>(TestInfrastructure.get().springProperties("backoffice"));
        properties.put("server.port", 0);
        properties.putAll(overrides);
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return BackofficeServiceApplication.application()
                .initializers(context -> adapters.forEach(adapter -> ((GenericApplicationContext) context)
                        .registerBean(adapter.name() + "Gateway", GatewayPort.class, () -> adapter)))
                .run(args);
    }
}

package io.s2spay.testkit;

import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real PostgreSQL (logical WAL, synchronous commit), a real KRaft Kafka broker and the real Apicurio registry
 * (BACKWARD compatibility), started once per JVM on first use and stopped when the JVM exits.
 *
 * <p>Without a Docker engine (or with {@code -Ds2spay.testkit.docker=false}) everything runs embedded: zonky
 * PostgreSQL binaries, spring-kafka-test's KRaft broker in this JVM and the registry's Maven artifact as a child
 * JVM. With a Docker engine the same run in containers (Testcontainers); {@code -Ds2spay.testkit.docker=true}
 * insists on containers.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.get().register(registry, "checkout");
 * }
 * }</pre>
 */
public final class TestInfrastructure {

    /** System property choosing containers ({@code true}), embedded ({@code false}) or whichever works ({@code auto}). */
    public static final String DOCKER_PROPERTY = "s2spay.testkit.docker";

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final Object LOCK = new Object();
    private static volatile TestInfrastructure instance;
    private static RuntimeException startFailure;

    private final RunningInfrastructure running;

    private TestInfrastructure(RunningInfrastructure running) {
        this.running = running;
    }

    /** The infrastructure of this JVM, started on the first call (the others wait for it). */
    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current != null) {
            return current;
        }
        synchronized (LOCK) {
            if (instance == null) {
                if (startFailure != null) {
                    throw new IllegalStateException(
                            "the s2spay test infrastructure failed to start earlier in this JVM", startFailure);
                }
                try {
                    instance = start();
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return instance;
        }
    }

    private static TestInfrastructure start() {
        RunningInfrastructure running =
                useContainers() ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start();
        TestInfrastructure infrastructure = new TestInfrastructure(running);
        ShutdownOrdering.afterSpringContexts("s2spay-testkit-shutdown", running::close);
        System.out.println(running.summary());
        return infrastructure;
    }

    private static boolean useContainers() {
        String mode = System.getProperty(DOCKER_PROPERTY, "auto").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (mode) {
            case "false" -> false;
            case "true" -> {
                if (!ContainerInfrastructure.dockerAvailable()) {
                    throw new IllegalStateException("-D" + DOCKER_PROPERTY + "=true but no Docker engine is available");
                }
                yield true;
            }
            case "auto", "" -> ContainerInfrastructure.dockerAvailable();
            default ->
                throw new IllegalArgumentException(DOCKER_PROPERTY + " must be true, false or auto, not " + mode);
        };
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/s2spay}. */
    public String jdbcUrl() {
        return running.jdbcUrl();
    }

    /** The JDBC URL whose connections use {@code schema} ({@code ?currentSchema=<schema>}). */
    public String jdbcUrl(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL schema name (lower case, digits, _): " + schema);
        }
        return jdbcUrl() + "?currentSchema=" + schema;
    }

    public String jdbcUsername() {
        return running.jdbcUsername();
    }

    public String jdbcPassword() {
        return running.jdbcPassword();
    }

    public String kafkaBootstrapServers() {
        return running.kafkaBootstrapServers();
    }

    /** The registry's native v3 API ({@code http://127.0.0.1:<port>/apis/registry/v3}), what the Apicurio serde talks to. */
    public String registryUrl() {
        return running.registryBaseUrl() + "/apis/registry/v3";
    }

    /** The registry's Confluent-compatible API ({@code http://127.0.0.1:<port>/apis/ccompat/v7}). */
    public String registryCompatUrl() {
        return running.registryBaseUrl() + "/apis/ccompat/v7";
    }

    /**
     * Spring properties for one service: its datasource on schema {@code service} ({@code -} becomes {@code _}),
     * Flyway on that schema, Kafka, the registry, and an outbox replication slot and publication named
     * {@code <schema>_<random>}, new on every call, so that contexts never share a slot.
     */
    public Map<String, Object> springProperties(String service) {
        if (!SERVICE_NAME.matcher(service).matches()) {
            throw new IllegalArgumentException(
                    "service names are lower case letters, digits, '-' and '_', at most 40 characters: " + service);
        }
        String schema = service.replace('-', '_');
        String slot = schema + "_"
                + HexFormat.of()
                        .toHexDigits(ThreadLocalRandom.current().nextLong())
                        .substring(0, 12);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl(schema));
        properties.put("spring.datasource.username", jdbcUsername());
        properties.put("spring.datasource.password", jdbcPassword());
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("s2spay.registry.url", registryUrl());
        properties.put("s2spay.outbox.slot-name", slot);
        properties.put("s2spay.outbox.publication-name", slot);
        properties.put("s2spay.service.name", service);
        return Collections.unmodifiableMap(properties);
    }

    /** Registers {@link #springProperties(String)} of {@code service}, for {@code @DynamicPropertySource} methods. */
    public void register(DynamicPropertyRegistry registry, String service) {
        springProperties(service).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Override
    public String toString() {
        return running.summary();
    }
}

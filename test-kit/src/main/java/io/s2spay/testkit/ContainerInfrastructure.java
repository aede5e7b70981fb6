package io.s2spay.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same PostgreSQL, Kafka and registry in containers, for machines with a Docker engine. Testcontainers'
 * reaper removes them even when this JVM dies without running its shutdown hooks.
 */
final class ContainerInfrastructure implements RunningInfrastructure {

    private static final int REGISTRY_API_PORT = 8080;
    private static final int REGISTRY_MANAGEMENT_PORT = 9000;
    private static final String POSTGRES_ALIAS = "postgres";
    private static final String REGISTRY_DATABASE = "registry";

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;
    private final Network network;
    private final String summary;

    private ContainerInfrastructure(
            PostgreSQLContainer postgres,
            KafkaContainer kafka,
            GenericContainer<?> registry,
            Network network,
            String summary) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.registry = registry;
        this.network = network;
        this.summary = summary;
    }

    /**
     * Whether a Docker engine answers. Testcontainers is asked only when some Docker endpoint could exist: on
     * machines without any, its detection logs an alarming ERROR in every test JVM for an expected situation.
     */
    static boolean dockerAvailable() {
        return dockerEndpointMightExist() && DockerClientFactory.instance().isDockerAvailable();
    }

    private static boolean dockerEndpointMightExist() {
        if (System.getenv("DOCKER_HOST") != null
                || System.getenv("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY") != null
                || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows")) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> candidates = new ArrayList<>(List.of(
                home.resolve(".testcontainers.properties"),
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock"),
                home.resolve(".orbstack/run/docker.sock")));
        String runtimeDirectory = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDirectory != null) {
            candidates.add(Path.of(runtimeDirectory, "docker.sock"));
            candidates.add(Path.of(runtimeDirectory, "podman", "podman.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    static ContainerInfrastructure start() {
        long begin = System.nanoTime();
        // the registry keeps its schemas in the PostgreSQL container, as in docker-compose.yml and as embedded
        Network network = Network.newNetwork();
        PostgreSQLContainer postgres = new PostgreSQLContainer(
                        DockerImageName.parse("postgres:" + Versions.postgresMajor() + "-alpine"))
                .withNetwork(network)
                .withNetworkAliases(POSTGRES_ALIAS)
                .withDatabaseName(EmbeddedPostgresServer.DATABASE)
                .withUsername(EmbeddedPostgresServer.USERNAME)
                .withPassword(EmbeddedPostgresServer.PASSWORD)
                .withCommand(
                        "postgres",
                        "-c",
                        "wal_level=logical",
                        "-c",
                        "synchronous_commit=on",
                        "-c",
                        "max_replication_slots=128",
                        "-c",
                        "max_wal_senders=64",
                        "-c",
                        "max_connections=300",
                        "-c",
                        "fsync=off");
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:" + Versions.KAFKA))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(EmbeddedKafkaServer.DEFAULT_PARTITIONS))
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "4")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        GenericContainer<?> registry = new GenericContainer<>(
                        DockerImageName.parse("apicurio/apicurio-registry:" + Versions.APICURIO_REGISTRY))
                .withExposedPorts(REGISTRY_API_PORT, REGISTRY_MANAGEMENT_PORT)
                .withEnv("APICURIO_RULES_GLOBAL_COMPATIBILITY", "BACKWARD")
                .withNetwork(network)
                .withEnv("APICURIO_STORAGE_KIND", "sql")
                .withEnv("APICURIO_STORAGE_SQL_KIND", "postgresql")
                .withEnv(
                        "APICURIO_DATASOURCE_URL",
                        "jdbc:postgresql://" + POSTGRES_ALIAS + ":" + PostgreSQLContainer.POSTGRESQL_PORT + "/"
                                + REGISTRY_DATABASE)
                .withEnv("APICURIO_DATASOURCE_USERNAME", EmbeddedPostgresServer.USERNAME)
                .withEnv("APICURIO_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD)
                .waitingFor(Wait.forHttp("/health/ready")
                        .forPort(REGISTRY_MANAGEMENT_PORT)
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        try (ParallelStart start = new ParallelStart()) {
            var startedPostgres = start.start(() -> started(postgres, "PostgreSQL " + Versions.postgresMajor()));
            var startedKafka = start.start(() -> started(kafka, "Kafka " + Versions.KAFKA));
            var startedRegistry = start.start(() -> {
                startedPostgres.join();
                PostgresDatabases.createIfMissing(
                        jdbcUrl(postgres),
                        EmbeddedPostgresServer.USERNAME,
                        EmbeddedPostgresServer.PASSWORD,
                        REGISTRY_DATABASE);
                return started(
                        registry, "Apicurio Registry " + Versions.APICURIO_REGISTRY + " (schemas in PostgreSQL)");
            });
            start.awaitAll();
            String summary = "s2spay test infrastructure (Testcontainers) ready in "
                    + ParallelStart.seconds(Duration.ofNanos(System.nanoTime() - begin)) + ": "
                    + startedPostgres.join().describe() + " " + jdbcUrl(postgres) + ", "
                    + startedKafka.join().describe() + " " + kafka.getBootstrapServers() + ", "
                    + startedRegistry.join().describe() + " " + baseUrl(registry);
            return new ContainerInfrastructure(postgres, kafka, registry, network, summary);
        }
    }

    private static StartedContainer started(GenericContainer<?> container, String name) {
        container.start();
        return new StartedContainer(container, name);
    }

    /** A started container as something {@link ParallelStart} can stop. */
    private record StartedContainer(GenericContainer<?> container, String name) implements AutoCloseable {

        @Override
        public void close() {
            container.stop();
        }

        @Override
        public String toString() {
            return name + " (" + container.getDockerImageName() + ")";
        }
    }

    private static String jdbcUrl(PostgreSQLContainer postgres) {
        return "jdbc:postgresql://" + postgres.getHost() + ":"
                + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + postgres.getDatabaseName();
    }

    private static String baseUrl(GenericContainer<?> registry) {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_API_PORT);
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl(postgres);
    }

    @Override
    public String jdbcUsername() {
        return postgres.getUsername();
    }

    @Override
    public String jdbcPassword() {
        return postgres.getPassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String registryBaseUrl() {
        return baseUrl(registry);
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public void close() {
        ParallelStart.closeAllQuietly(List.<AutoCloseable>of(registry::stop, kafka::stop, postgres::stop));
        ParallelStart.closeAllQuietly(List.<AutoCloseable>of(network::close));
    }
}

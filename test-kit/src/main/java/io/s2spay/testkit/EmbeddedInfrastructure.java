package io.s2spay.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** PostgreSQL, Kafka and the registry without Docker: embedded binaries, an in-JVM broker and a child JVM. */
final class EmbeddedInfrastructure implements RunningInfrastructure {

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final ApicurioRegistryServer registry;
    private final String summary;

    private EmbeddedInfrastructure(
            EmbeddedPostgresServer postgres,
            EmbeddedKafkaServer kafka,
            ApicurioRegistryServer registry,
            String summary) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.registry = registry;
        this.summary = summary;
    }

    static EmbeddedInfrastructure start() {
        long begin = System.nanoTime();
        Path logs = TestKitDirectories.logs();
        try (ParallelStart start = new ParallelStart()) {
            var postgres = start.start(() -> EmbeddedPostgresServer.start(0, null, logs.resolve("postgres.log")));
            var kafka = start.start(EmbeddedKafkaServer::start);
            // the registry keeps its schemas in PostgreSQL, as in production: its in-memory storage stalls concurrent
            // registrations (see RegistryStorage)
            var registry = start.start(() -> {
                EmbeddedPostgresServer database = postgres.join().server();
                return ApicurioRegistryServer.start(
                        0,
                        0,
                        RegistryStorage.postgres(
                                database.jdbcUrl(), database.username(), database.password(), "registry"),
                        logs.resolve("apicurio-registry.log"));
            });
            start.awaitAll();
            String summary = "s2spay test infrastructure (embedded) ready in "
                    + ParallelStart.seconds(Duration.ofNanos(System.nanoTime() - begin)) + ": "
                    + postgres.join().describe() + ", " + kafka.join().describe() + ", "
                    + registry.join().describe()
                    + "; logs in " + logs;
            return new EmbeddedInfrastructure(
                    postgres.join().server(),
                    kafka.join().server(),
                    registry.join().server(),
                    summary);
        }
    }

    @Override
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    @Override
    public String jdbcUsername() {
        return postgres.username();
    }

    @Override
    public String jdbcPassword() {
        return postgres.password();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String registryBaseUrl() {
        return registry.baseUrl();
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public void close() {
        ParallelStart.closeAllQuietly(List.of(registry, kafka, postgres));
    }
}

package io.s2spay.testkit;

/** Started PostgreSQL, Kafka and registry (embedded or in containers): where each listens, and how to stop them. */
interface RunningInfrastructure extends AutoCloseable {

    /** JDBC URL of the {@code s2spay} database, without a schema. */
    String jdbcUrl();

    String jdbcUsername();

    String jdbcPassword();

    String kafkaBootstrapServers();

    /** The registry's base address, e.g. {@code http://127.0.0.1:41234}. */
    String registryBaseUrl();

    /** One line saying what started where and how long each part took. */
    String summary();

    /** Stops everything; never throws. */
    @Override
    void close();
}

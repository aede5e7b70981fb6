package io.s2spay.testkit;

import java.util.List;

/**
 * Where an Apicurio Registry started by the test kit keeps its schemas: PostgreSQL, as in production (see
 * docker-compose.yml), not the registry's in-memory H2 storage, whose table locks stall requests (tens of seconds, or
 * errors) when several clients register and look up schemas at the same moment, as services starting together do.
 *
 * @param systemProperties the registry's {@code -D} settings for this storage
 * @param description what it is, for the registry's description in logs
 */
public record RegistryStorage(List<String> systemProperties, String description) {

    /**
     * A database {@code database} of the PostgreSQL server at {@code serverJdbcUrl} (any database of it), created if
     * missing; the registry creates its tables there.
     */
    public static RegistryStorage postgres(String serverJdbcUrl, String username, String password, String database) {
        PostgresDatabases.createIfMissing(serverJdbcUrl, username, password, database);
        String url = serverJdbcUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);
        return new RegistryStorage(
                List.of(
                        "-Dapicurio.storage.kind=sql",
                        "-Dapicurio.storage.sql.kind=postgresql",
                        "-Dapicurio.datasource.url=" + url,
                        "-Dapicurio.datasource.username=" + username,
                        "-Dapicurio.datasource.password=" + password),
                "PostgreSQL database " + database);
    }
}

package io.s2spay.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where an Apicurio Registry started by the test kit keeps its schemas. PostgreSQL, as in production (see
 * docker-compose.yml), is the default: the registry's in-memory H2 storage takes table locks that stall requests
 * (tens of seconds, or errors) when several clients register and look up schemas at the same moment, which is
 * exactly what several services starting together do.
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
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain PostgreSQL database name: " + database);
        }
        createDatabaseIfMissing(serverJdbcUrl, username, password, database);
        String url = serverJdbcUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);
        return new RegistryStorage(List.of(
                "-Dapicurio.storage.kind=sql",
                "-Dapicurio.storage.sql.kind=postgresql",
                "-Dapicurio.datasource.url=" + url,
                "-Dapicurio.datasource.username=" + username,
                "-Dapicurio.datasource.password=" + password), "PostgreSQL database " + database);
    }

    private static void createDatabaseIfMissing(String serverJdbcUrl, String username, String password, String database) {
        try (Connection connection = DriverManager.getConnection(serverJdbcUrl, username, password);
             Statement statement = connection.createStatement()) {
            boolean exists;
            try (var result = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                exists = result.next();
            }
            if (!exists) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the registry's database " + database + " at " + serverJdbcUrl, e);
        }
    }
}

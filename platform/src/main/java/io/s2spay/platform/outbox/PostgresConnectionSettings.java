package io.s2spay.platform.outbox;

import java.util.Properties;
import org.postgresql.Driver;

/**
 * Where the relay's replication connection goes: the service's own database, taken from its JDBC URL
 * and credentials so that nothing is configured twice.
 */
record PostgresConnectionSettings(String host, int port, String database, String username, String password) {

    /** Parses {@code jdbc:postgresql://host:port/db?...} with the driver's own parser (first host of a list). */
    static PostgresConnectionSettings fromJdbc(String jdbcUrl, String username, String password) {
        Properties parsed = jdbcUrl == null ? null : Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            throw new IllegalStateException(
                    "The outbox relay needs a PostgreSQL datasource (jdbc:postgresql://...), " + "got " + jdbcUrl);
        }
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        String port = parsed.getProperty("PGPORT", "5432").split(",")[0];
        String user = username != null ? username : parsed.getProperty("user");
        String secret = password != null ? password : parsed.getProperty("password");
        return new PostgresConnectionSettings(
                host, Integer.parseInt(port), parsed.getProperty("PGDBNAME"), user, secret);
    }

    @Override
    public String toString() {
        return username + "@" + host + ":" + port + "/" + database;
    }
}

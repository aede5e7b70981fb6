package io.s2spay.vault;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates the {@code vault} schema with its own Flyway history (inside that schema), apart from the
 * service's own migrations, since checkout and the executor both use the vault.
 *
 * <p>Not a {@link Flyway} bean on purpose: one would switch off Spring Boot's Flyway auto-configuration
 * of the service's own schema.
 */
public final class VaultSchemaMigration {

    private static final Logger log = LoggerFactory.getLogger(VaultSchemaMigration.class);

    /** Serializes vault migrations of several services starting at once, including the schema creation. */
    private static final long ADVISORY_LOCK_KEY = 0x5332_5641_554c_5401L;

    private final DataSource dataSource;

    VaultSchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates or upgrades the {@code vault} schema; safe when several applications do it concurrently. */
    public void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas("vault")
                .defaultSchema("vault")
                .createSchemas(true)
                .locations("classpath:db/vault")
                .table("flyway_schema_history")
                .load();
        try (Connection lock = dataSource.getConnection();
                Statement statement = lock.createStatement()) {
            statement.execute("select pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
            try {
                MigrateResult result = flyway.migrate();
                log.info(
                        "Card vault schema 'vault' at version {} ({} migration(s) applied)",
                        result.targetSchemaVersion == null
                                ? flyway.info().current().getVersion()
                                : result.targetSchemaVersion,
                        result.migrationsExecuted);
            } finally {
                statement.execute("select pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the card vault schema", e);
        }
    }
}

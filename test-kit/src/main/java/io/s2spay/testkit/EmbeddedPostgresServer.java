package io.s2spay.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL server from the zonky binaries (no Docker; as root it runs the server as {@code nobody}),
 * configured for the outbox relay: logical WAL, synchronous commit, room for one replication slot per service.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The database every service uses (one schema per service inside it). */
    public static final String DATABASE = "s2spay";

    static final String USERNAME = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Process orphanReaper;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Process orphanReaper) {
        this.postgres = postgres;
        this.orphanReaper = orphanReaper;
    }

    /**
     * Starts the server and creates the {@value #DATABASE} database if it does not exist.
     *
     * @param port port to listen on, 0 for a free one
     * @param dataDirectory where to keep the data across restarts, or {@code null} for a throw-away cluster that is
     *     deleted on {@link #close()} (and, if this JVM dies first, by the next start on this machine)
     * @param logFile where the server's output goes
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory, Path logFile) {
        return start(port, dataDirectory, logFile, Map.of());
    }

    /**
     * Starts the server as {@link #start(int, Path, Path)} does, with more server settings ({@code -c name=value}),
     * e.g. {@code shared_preload_libraries=pg_stat_statements} (the embedded binaries ship that module).
     */
    public static EmbeddedPostgresServer start(
            int port, Path dataDirectory, Path logFile, Map<String, String> serverSettings) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("wal_level", "logical")
                    // zonky's default is off, which delays every outbox hop by the WAL writer's ~200 ms
                    .setServerConfig("synchronous_commit", "on")
                    // every end-to-end class starts four relays on slots of their own (unique per run), and a
                    // test JVM runs a dozen such classes: 32 slots ran out
                    .setServerConfig("max_replication_slots", "128")
                    .setServerConfig("max_wal_senders", "64")
                    .setServerConfig("max_connections", "300")
                    // the test kit stops the server itself, after the JVM's Spring contexts have closed
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            serverSettings.forEach(builder::setServerConfig);
            boolean throwAway = dataDirectory == null;
            // a throw-away cluster lives in zonky's working directory, so that zonky's stale-directory cleanup covers
            // it too
            Path directory = throwAway ? zonkyWorkingDirectory().resolve("s2spay-" + UUID.randomUUID()) : dataDirectory;
            Files.createDirectories(directory);
            builder.setDataDirectory(directory).setCleanDataDirectory(throwAway);
            Process orphanReaper = startOrphanReaper(directory, throwAway);
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } catch (IOException | RuntimeException e) {
                orphanReaper.destroy();
                throw e;
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, orphanReaper);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/s2spay}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        } finally {
            orphanReaper.destroy();
        }
    }

    /**
     * The postmaster is a daemon: it outlives a JVM that dies without running its shutdown hooks (SIGKILL, crash).
     * A small shell process watches this JVM and then stops the server and deletes a throw-away cluster, so
     * neither the process nor the cluster's replication slots (retaining WAL) survive a crashed test run.
     */
    private static Process startOrphanReaper(Path dataDirectory, boolean deleteCluster) throws IOException {
        String script = """
                jvm=$1; data=$2
                while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
                if [ -f "$data/postmaster.pid" ]; then
                  pid=$(head -n 1 "$data/postmaster.pid")
                  kill -INT "$pid" 2>/dev/null
                  i=0
                  while kill -0 "$pid" 2>/dev/null && [ $i -lt 20 ]; do sleep 1; i=$((i+1)); done
                  kill -KILL "$pid" 2>/dev/null
                fi
                if [ "$3" = delete ]; then rm -rf "$data"; fi
                """;
        return new ProcessBuilder(
                        "/bin/sh",
                        "-c",
                        script,
                        "s2spay-postgres-reaper",
                        Long.toString(ProcessHandle.current().pid()),
                        dataDirectory.toString(),
                        deleteCluster ? "delete" : "keep")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static Path zonkyWorkingDirectory() {
        return Path.of(System.getProperty(
                "ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            PostgresDatabases.createIfMissing(connection, DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + Versions.POSTGRES + " at " + jdbcUrl();
    }
}

package io.s2spay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the test kit starts outlives the JVM that started it: not on a normal exit, and not when that JVM is
 * killed without running its shutdown hooks.
 */
class InfrastructureLifecycleIT {

    @TempDir
    Path logs;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void aNormalExitStopsEverythingAfterTheSpringContextsClosedAndDeletesTheCluster() throws Exception {
        Started started = startChild("exit");

        child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
        child.getOutputStream().flush();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(started.laterOutput().get(10, TimeUnit.SECONDS)).contains("CLOSED-WITH-INFRASTRUCTURE");
        assertStoppedAndCleanedUp(started);
    }

    @Test
    void aKilledJvmLeavesNoRegistryNoPostgresqlAndNoClusterBehind() throws Exception {
        Started started = startChild("wait");

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs

        assertStoppedAndCleanedUp(started);
    }

    private void assertStoppedAndCleanedUp(Started started) {
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(started.registry().isAlive()).as("registry process").isFalse();
            assertThat(ProcessHandle.of(started.postmasterPid()).map(ProcessHandle::isAlive))
                    .as("postmaster")
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThat(started.dataDirectory()).as("PostgreSQL data directory").doesNotExist();
        });
    }

    private record Started(
            ProcessHandle registry, long postmasterPid, Path dataDirectory, CompletableFuture<String> laterOutput) {}

    private Started startChild(String mode) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-D" + TestInfrastructure.DOCKER_PROPERTY + "=false",
                        "-D" + TestKitDirectories.LOG_PROPERTY + "=" + logs,
                        "-cp",
                        classPath,
                        InfrastructureChild.class.getName(),
                        mode)
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> laterOutput = new CompletableFuture<>();
        Map<String, String> values = readUntilReady(child, laterOutput);
        String jdbcUrl = values.get("JDBC");

        ProcessHandle registry = child.descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("quarkus-run.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no registry process under the child JVM"));
        Path dataDirectory;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW data_directory")) {
            assertThat(result.next()).isTrue();
            dataDirectory = Path.of(result.getString(1));
        }
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .getFirst()
                .trim());
        assertThat(ProcessHandle.of(postmasterPid)).isPresent();
        return new Started(registry, postmasterPid, dataDirectory, laterOutput);
    }

    private static Map<String, String> readUntilReady(Process process, CompletableFuture<String> laterOutput)
            throws Exception {
        CompletableFuture<Map<String, String>> ready = CompletableFuture.supplyAsync(() -> {
            Map<String, String> values = new HashMap<>();
            StringBuilder output = new StringBuilder();
            try {
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.equals("READY")) {
                        // keep draining so the child never blocks on a full pipe; what follows is the shutdown's output
                        Thread.ofVirtual()
                                .start(() -> laterOutput.complete(reader.lines().collect(Collectors.joining("\n"))));
                        return values;
                    }
                    int equals = line.indexOf('=');
                    if (equals > 0 && List.of("JDBC", "REGISTRY").contains(line.substring(0, equals))) {
                        values.put(line.substring(0, equals), line.substring(equals + 1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new AssertionError("child JVM ended before it was ready:\n" + output);
        });
        return ready.get(120, TimeUnit.SECONDS);
    }
}

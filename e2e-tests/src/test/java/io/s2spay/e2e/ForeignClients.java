package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.testkit.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the scripts in {@code clients/} (Confluent's official Node.js and Python clients, no s2spay code) against the
 * test kit's Kafka and the registry's Confluent-compatible API, and returns the JSON lines they print.
 *
 * <p>Node.js (with npm) and Debian's {@code python3-confluent-kafka} and {@code python3-avro} are needed; {@code .ci/run}
 * installs them. Where one is missing the tests using it are skipped, except in CI ({@code CI=true}), where they
 * fail. The Node.js clients' packages are installed ({@code npm ci}) on first use.
 */
final class ForeignClients {

    static final Path CLIENTS = Path.of("..", "clients").toAbsolutePath().normalize();
    static final Path NODE = CLIENTS.resolve("node");
    static final Path PYTHON = CLIENTS.resolve("python");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    private static Boolean nodeInstalled;

    private final TestInfrastructure infrastructure;

    ForeignClients(TestInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** {@code node <script> <args>} in {@code clients/node}; its output's JSON lines. */
    List<JsonNode> node(String script, String... args) {
        requireNode();
        return run(NODE, command("node", script, args));
    }

    /** {@code python3 <script> <args>} in {@code clients/python}, with Debian's Python and its packages. */
    List<JsonNode> python(String script, String... args) {
        String python = python();
        return run(PYTHON, command(python, script, args));
    }

    private static List<String> command(String program, String script, String... args) {
        List<String> command = new ArrayList<>(List.of(program, script));
        command.addAll(List.of(args));
        return command;
    }

    private List<JsonNode> run(Path directory, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        environment.put("SCHEMA_REGISTRY_URL", infrastructure.registryCompatUrl());
        Output output = execute(builder, RUN_TIMEOUT);
        assertThat(output.exitCode())
                .as("%s exited with %s:%n%s%n%s", command, output.exitCode(), output.stdout(), output.stderr())
                .isZero();
        return output.stdout()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(line -> (JsonNode) JSON.readTree(line))
                // kafkajs logs JSON lines of its own to the same stream
                .filter(line -> !(line.has("level") && line.has("logger")))
                .toList();
    }

    private static synchronized void requireNode() {
        if (nodeInstalled == null) {
            available("Node.js", "node", "--version");
            available("npm", "npm", "--version");
            if (!Files.isDirectory(NODE.resolve("node_modules"))) {
                Output install = execute(
                        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE.toFile()),
                        Duration.ofMinutes(5));
                assertThat(install.exitCode())
                        .as("npm ci in %s:%n%s%n%s", NODE, install.stdout(), install.stderr())
                        .isZero();
            }
            nodeInstalled = true;
        }
    }

    /** Debian's python3 (its packages are not on another installation's path), else the one on the PATH. */
    private static String python() {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        available(
                "Python with confluent_kafka and avro (Debian: python3-confluent-kafka python3-avro)",
                python,
                "-c",
                "import confluent_kafka.avro, avro.io");
        return python;
    }

    private static void available(String what, String... probe) {
        Output output;
        try {
            output = execute(new ProcessBuilder(probe), Duration.ofSeconds(30));
        } catch (UncheckedIOException notFound) {
            output = new Output(-1, "", notFound.getMessage());
        }
        if (output.exitCode() != 0) {
            String reason = what + " is not available (" + String.join(" ", probe) + ": "
                    + output.stderr().strip() + ")";
            if (CI) {
                throw new AssertionError(reason + "; .ci/run installs it");
            }
            Assumptions.abort(reason);
        }
    }

    private static Output execute(ProcessBuilder builder, Duration timeout) {
        try {
            Path stdout = Files.createTempFile("foreign-client", ".out");
            Path stderr = Files.createTempFile("foreign-client", ".err");
            try {
                Process process = builder.redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(builder.command() + " did not finish within " + timeout + ":\n"
                            + Files.readString(stdout) + "\n" + Files.readString(stderr));
                }
                return new Output(
                        process.exitValue(),
                        Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Output(int exitCode, String stdout, String stderr) {}
}

package io.s2spay.testkit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Apicurio Registry (the project's version, BACKWARD compatibility enforced globally) run as a child
 * JVM from the Maven artifact: no Docker needed. The child dies with the JVM that started it, even on SIGKILL.
 */
public final class ApicurioRegistryServer implements AutoCloseable {

    private static final Pattern HTTP_LISTENING = Pattern.compile("Listening on: http://([^\\s:/]+):(\\d+)");
    private static final Pattern MANAGEMENT_LISTENING =
            Pattern.compile("Management interface listening on http://([^\\s:/]+):(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path logFile;
    private final String storage;

    private ApicurioRegistryServer(Process process, int httpPort, int managementPort, Path logFile, String storage) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.storage = storage;
    }

    /**
     * Starts the registry and returns once it is ready.
     *
     * @param httpPort API port, 0 for a free one
     * @param managementPort health/metrics port, 0 for a free one
     * @param storage where the registry keeps its schemas
     * @param logFile where the registry's output goes
     */
    public static ApicurioRegistryServer start(
            int httpPort, int managementPort, RegistryStorage storage, Path logFile) {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Apicurio Registry " + Versions.APICURIO_REGISTRY
                    + " needs Java 21 or newer; this JVM is " + Runtime.version());
        }
        Path distribution = ApicurioDistribution.unpacked(Versions.APICURIO_REGISTRY, TestKitDirectories.cache());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xmx192m",
                "-javaagent:" + ParentWatchdogAgent.agentJar(TestKitDirectories.cache()) + "="
                        + ProcessHandle.current().pid(),
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.log.console.color=false",
                "-Dapicurio.rules.global.compatibility=BACKWARD"));
        command.addAll(storage.systemProperties());
        command.addAll(List.of("-jar", distribution.resolve("quarkus-run.jar").toString()));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .directory(logFile.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            CompletableFuture<int[]> ports = new CompletableFuture<>();
            Deque<String> lastLines = new ArrayDeque<>();
            Thread.ofPlatform()
                    .daemon()
                    .name("apicurio-registry-log")
                    .start(() -> copyOutput(process, logFile, ports, lastLines));
            int[] listening;
            try {
                listening = ports.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "Apicurio Registry did not start within " + START_TIMEOUT + " (exit: "
                                + (process.isAlive() ? "still running" : process.exitValue()) + "); see " + logFile
                                + ". Last lines:\n" + String.join("\n", snapshot(lastLines)),
                        e);
            }
            ApicurioRegistryServer server =
                    new ApicurioRegistryServer(process, listening[0], listening[1], logFile, storage.description());
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Apicurio Registry: " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Apicurio Registry", e);
        }
    }

    /** Base address, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The native v3 API, what the Apicurio serde talks to. */
    public String registryUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    /** The Confluent-compatible API, what Confluent clients and Kafka UIs talk to. */
    public String compatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** Stops the registry (gracefully, forcibly after 10 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Apicurio Registry exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100); // polling a child process's readiness: nothing to be notified by
        }
        close();
        throw new IllegalStateException(
                "Apicurio Registry not ready within " + START_TIMEOUT + ": " + last + "; see " + logFile);
    }

    private static void copyOutput(
            Process process, Path logFile, CompletableFuture<int[]> ports, Deque<String> lastLines) {
        Integer http = null;
        Integer management = null;
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.newLine();
                if (!ports.isDone()) {
                    log.flush();
                    remember(lastLines, line);
                    Matcher httpMatch = HTTP_LISTENING.matcher(line);
                    if (httpMatch.find()) {
                        http = Integer.valueOf(httpMatch.group(2));
                    }
                    Matcher managementMatch = MANAGEMENT_LISTENING.matcher(line);
                    if (managementMatch.find()) {
                        management = Integer.valueOf(managementMatch.group(2));
                    }
                    if (http != null && management != null) {
                        ports.complete(new int[] {http, management});
                    }
                } else if (!reader.ready()) {
                    log.flush();
                }
            }
            ports.completeExceptionally(
                    new IllegalStateException("Apicurio Registry's output ended before it listened"));
        } catch (IOException e) {
            ports.completeExceptionally(e);
        }
    }

    private static void remember(Deque<String> lastLines, String line) {
        synchronized (lastLines) {
            lastLines.addLast(line);
            if (lastLines.size() > 30) {
                lastLines.removeFirst();
            }
        }
    }

    private static List<String> snapshot(Deque<String> lastLines) {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    @Override
    public String toString() {
        return "Apicurio Registry " + Versions.APICURIO_REGISTRY + " at " + baseUrl() + " (schemas in " + storage + ")";
    }
}

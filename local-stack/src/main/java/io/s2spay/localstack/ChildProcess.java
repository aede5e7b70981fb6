package io.s2spay.localstack;

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
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A program the local stack started: its output goes to a log file, readiness is a log line or an HTTP answer,
 * and it is stopped with SIGTERM, then SIGKILL after a grace period.
 */
final class ChildProcess {

    private static final int TAIL_LINES = 40;
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Pattern readyLine;
    private final CompletableFuture<Void> sawReadyLine = new CompletableFuture<>();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, Path logFile, Pattern readyLine) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.readyLine = readyLine;
    }

    /**
     * Starts {@code command} in {@code directory} with extra environment variables; {@code readyLine} (nullable)
     * is the output line that says the program is ready.
     */
    static ChildProcess start(
            String name,
            List<String> command,
            Path directory,
            Map<String, String> environment,
            Path logFile,
            Pattern readyLine) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            ChildProcess child = new ChildProcess(name, process, logFile, readyLine);
            Thread.ofPlatform().daemon().name(name + "-output").start(child::copyOutput);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Waits for the ready line; fails with the log's last lines if the program exits or the time runs out. */
    void awaitReadyLine(Duration timeout) {
        try {
            CompletableFuture.anyOf(sawReadyLine, process.onExit()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure("did not log /" + readyLine + "/ within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw failure("failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while starting");
        }
        if (!sawReadyLine.isDone()) {
            throw failure("exited with code " + process.exitValue() + " before it was ready");
        }
    }

    /** Waits until {@code url} answers 200 (e.g. Actuator health UP); fails if the program exits or the time runs out. */
    void awaitHttpOk(URI url, Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        long nextProgress = begin + PROGRESS_INTERVAL.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() > nextProgress) {
                // a loaded machine can take minutes: say that it is still coming
                LocalStack.say(String.format(
                        "still waiting for %s (%d s)", name, (System.nanoTime() - begin) / 1_000_000_000L));
                nextProgress += PROGRESS_INTERVAL.toNanos();
            }
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while starting");
            }
            pause();
        }
        throw failure(url + " did not answer 200 within " + timeout.toSeconds() + " s (last: " + last + ")");
    }

    /** Waits for the program to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ZERO);
                throw failure("did not finish within " + timeout.toSeconds() + " s");
            }
            sawReadyLine.complete(null);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(Duration.ZERO);
            throw failure("interrupted");
        }
    }

    /** SIGTERM (the program shuts down cleanly), SIGKILL if it is still alive after {@code grace}; also its descendants. */
    void stop(Duration grace) {
        stopping = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    System.out.println(
                            "s2spay: " + name + " did not stop within " + grace.toSeconds() + " s: killing it");
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The last lines of its output, for error messages. */
    String tail() {
        synchronized (lastLines) {
            return String.join(System.lineSeparator(), lastLines);
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(
                name + " " + what + "; log " + logFile + ", last lines:" + System.lineSeparator() + tail());
    }

    private void copyOutput() {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.newLine();
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > TAIL_LINES) {
                        lastLines.removeFirst();
                    }
                }
                if (readyLine != null
                        && !sawReadyLine.isDone()
                        && readyLine.matcher(line).find()) {
                    sawReadyLine.complete(null);
                }
                if (!reader.ready()) {
                    log.flush();
                }
            }
        } catch (IOException e) {
            if (!stopping) {
                System.err.println("s2spay: lost the output of " + name + ": " + e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200); // polling another process's readiness: there is nothing to be notified by
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}

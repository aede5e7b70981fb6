package io.s2spay.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path directory;

    /** A child JVM running a single-file program: prints a line, then sleeps or exits. */
    private ChildProcess child(String name, String body, Pattern ready) throws Exception {
        Path source = directory.resolve(name + ".java");
        Files.writeString(
                source, "class Main { public static void main(String[] a) throws Exception { " + body + " } }");
        return ChildProcess.start(
                name,
                List.of(JAVA, source.toString()),
                directory,
                Map.of("GREETING", "hello"),
                directory.resolve(name + ".log"),
                ready);
    }

    @Test
    void waitsForTheReadyLineAndLogsTheOutput() throws Exception {
        ChildProcess child = child(
                "ready",
                "System.out.println(System.getenv(\"GREETING\") + \" - server started\"); Thread.sleep(60_000);",
                Pattern.compile("server started"));
        try {
            child.awaitReadyLine(Duration.ofSeconds(60));

            assertThat(child.isAlive()).isTrue();
            assertThat(child.tail()).contains("hello - server started");
        } finally {
            child.stop(Duration.ofSeconds(10));
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(Files.readString(child.logFile())).contains("hello - server started");
    }

    @Test
    void reportsTheLastLinesWhenTheProgramExitsBeforeItIsReady() throws Exception {
        ChildProcess child = child(
                "crash", "System.out.println(\"cannot bind port 8080\"); System.exit(3);", Pattern.compile("started"));

        assertThatThrownBy(() -> child.awaitReadyLine(Duration.ofSeconds(60)))
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("cannot bind port 8080");
    }

    @Test
    void stopKillsAProgramThatIgnoresTheTerminationSignal() throws Exception {
        ChildProcess child = child(
                "stubborn",
                "Runtime.getRuntime().addShutdownHook(new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }));"
                        + " System.out.println(\"up\"); Thread.sleep(60_000);",
                Pattern.compile("up"));
        child.awaitReadyLine(Duration.ofSeconds(60));

        long begin = System.nanoTime();
        child.stop(Duration.ofSeconds(1));

        assertThat(child.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(20));
    }
}

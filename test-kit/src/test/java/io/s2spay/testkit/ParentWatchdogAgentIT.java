package io.s2spay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM started with the agent ends when the process it watches is gone. */
class ParentWatchdogAgentIT {

    @TempDir
    Path directory;

    private Process watched;
    private Process child;

    @AfterEach
    void stopProcesses() {
        for (Process process : new Process[] {watched, child}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void childExitsWhenTheWatchedProcessIsKilled() throws IOException {
        watched = new ProcessBuilder("sleep", "300").start();
        child = startChildWatching(watched.pid());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(child::isAlive);

        watched.destroyForcibly();

        await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive());
        assertThat(child.exitValue()).isEqualTo(3);
    }

    @Test
    void childExitsAtOnceWhenTheWatchedProcessIsAlreadyGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();

        child = startChildWatching(gone.pid());

        await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive());
        assertThat(child.exitValue()).isEqualTo(3);
    }

    private Process startChildWatching(long pid) throws IOException {
        Path program = directory.resolve("Sleeper.java");
        Files.writeString(
                program,
                "class Sleeper { public static void main(String[] a) throws Exception { Thread.sleep(300_000); } }");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-Xmx32m",
                        "-javaagent:" + ParentWatchdogAgent.agentJar(directory.resolve("agent")) + "=" + pid,
                        program.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("child.log").toFile())
                .start();
    }
}

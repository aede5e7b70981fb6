package io.s2spay.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's ahead-of-time cache for the applications of the local stack (JDK 25 and later, JEPs 483, 514 and 515):
 * the classes an application loaded and linked and the methods' profiles, written by one run and mapped by the next,
 * so that a service starts in about half the time and its JIT starts from the last run's profiles.
 *
 * <p>The cache only holds classes loaded from jar files on the class path, not from the jars nested in a Spring Boot
 * executable jar: each application is first extracted next to its cache ({@code java -Djarmode=tools ... extract}),
 * again whenever its executable jar was rebuilt. The first run after that is the training run: it records what the
 * application loads when it stops ({@code -XX:AOTMode=record}); the next start makes the cache from that recording
 * ({@code -XX:AOTMode=create}) and it and every later run use it ({@code -XX:AOTCache}). A cache the JVM cannot use
 * (another JDK) is ignored by it, and the application starts as without one.
 */
final class AotCache {

    private final Path java;
    private final Path directory;

    /** Caches under {@code directory} (one sub-directory per application), for applications run by {@code java}. */
    AotCache(Path java, Path directory) {
        this.java = java;
        this.directory = directory;
    }

    /** Whether the JVM running the stack (and its applications) has the AOT cache of JDK 25. */
    static boolean supported() {
        return Runtime.version().feature() >= 25;
    }

    /**
     * The JVM options and the jar to run {@code executableJar} with: the cache's options and the extracted jar, or,
     * when the jar cannot be extracted, just {@code -jar executableJar}.
     */
    List<String> launch(String module, Path executableJar) {
        Path home = directory.resolve(module);
        Path extracted = home.resolve("app");
        Path jar = extracted.resolve(executableJar.getFileName());
        Path cache = home.resolve(module + ".aot");
        Path configuration = home.resolve(module + ".aotconf");
        try {
            if (!Files.isRegularFile(jar)
                    || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(executableJar)) < 0) {
                Files.deleteIfExists(cache);
                Files.deleteIfExists(configuration);
                extract(executableJar, extracted);
                // dated as the executable jar it came from: a rebuilt (newer) executable jar is extracted again
                Files.setLastModifiedTime(jar, Files.getLastModifiedTime(executableJar));
            }
            if (!Files.isRegularFile(cache) && Files.isRegularFile(configuration)) {
                create(module, configuration, cache, jar);
            }
        } catch (IOException | RuntimeException e) {
            LocalStack.say(module + ": no AOT cache (" + e.getMessage() + "), starting from " + executableJar);
            return List.of("-jar", executableJar.toString());
        }
        List<String> options = new ArrayList<>();
        if (Files.isRegularFile(cache)) {
            options.add("-XX:AOTCache=" + cache);
        } else {
            // training run: what the application loads is recorded when it stops, the cache made from it at the next
            // start (the JDK's one-step -XX:AOTCacheOutput makes it in a child JVM at exit, which the stack's stop
            // would kill with the application's descendants)
            options.add("-XX:AOTMode=record");
            options.add("-XX:AOTConfiguration=" + configuration);
            LocalStack.say(
                    module + ": recording its AOT cache in this run (made at the next start, used from then on)");
        }
        // the training run lists every class it cannot cache (e.g. Spring's generated ones) as a warning
        options.add("-Xlog:aot=off,cds=off");
        options.add("-jar");
        options.add(jar.toString());
        return options;
    }

    /** Makes the cache from a training run's configuration; a configuration that makes none is dropped. */
    private void create(String module, Path configuration, Path cache, Path jar) throws IOException {
        LocalStack.say(module + ": making its AOT cache from the last run's recording ...");
        try {
            run(List.of(
                    java.toString(),
                    "-XX:AOTMode=create",
                    "-XX:AOTConfiguration=" + configuration,
                    "-XX:AOTCache=" + cache,
                    "-Xlog:aot=off,cds=off",
                    "-cp",
                    jar.toString()));
        } catch (IOException e) {
            Files.deleteIfExists(cache);
            Files.deleteIfExists(configuration);
            throw e;
        }
    }

    private void extract(Path executableJar, Path destination) throws IOException {
        Files.createDirectories(destination);
        run(List.of(
                java.toString(),
                "-Djarmode=tools",
                "-jar",
                executableJar.toString(),
                "extract",
                "--force",
                "--destination",
                destination.toString()));
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command.subList(1, 3)) + "... took more than 3 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    String.join(" ", command.subList(1, 3)) + "... failed with exit code " + process.exitValue());
        }
    }
}

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
 * again whenever its executable jar was rebuilt. The first run after that is the training run: it writes the cache
 * when the application stops ({@code -XX:AOTCacheOutput}); every later run uses it ({@code -XX:AOTCache}). A cache the
 * JVM cannot use (another JDK) is ignored by it, and the application starts as without one.
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
        try {
            if (!Files.isRegularFile(jar)
                    || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(executableJar)) < 0) {
                Files.deleteIfExists(cache);
                extract(executableJar, extracted);
                // dated as the executable jar it came from: a rebuilt (newer) executable jar is extracted again
                Files.setLastModifiedTime(jar, Files.getLastModifiedTime(executableJar));
            }
        } catch (IOException | RuntimeException e) {
            LocalStack.say(module + ": no AOT cache (" + e.getMessage() + "), starting from " + executableJar);
            return List.of("-jar", executableJar.toString());
        }
        List<String> options = new ArrayList<>();
        if (Files.isRegularFile(cache)) {
            options.add("-XX:AOTCache=" + cache);
        } else {
            // training run: the cache is written when the application stops
            options.add("-XX:AOTCacheOutput=" + cache);
            LocalStack.say(module + ": training its AOT cache in this run (written at stop, used from the next start)");
        }
        // the training run lists every class it cannot cache (e.g. Spring's generated ones) as a warning
        options.add("-Xlog:aot=off,cds=off");
        options.add("-jar");
        options.add(jar.toString());
        return options;
    }

    private void extract(Path executableJar, Path destination) throws IOException {
        Files.createDirectories(destination);
        Process extract = new ProcessBuilder(
                        java.toString(),
                        "-Djarmode=tools",
                        "-jar",
                        executableJar.toString(),
                        "extract",
                        "--force",
                        "--destination",
                        destination.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!extract.waitFor(2, TimeUnit.MINUTES)) {
                extract.destroyForcibly();
                throw new IOException("extracting " + executableJar + " took more than 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + executableJar, e);
        }
        if (extract.exitValue() != 0) {
            throw new IOException("extracting " + executableJar + " failed with exit code " + extract.exitValue());
        }
    }
}

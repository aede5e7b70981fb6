package io.s2spay.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path root;

    @Test
    void trainsOnTheFirstRunAfterAnExtractionAndUsesTheCacheFromThenOn() throws IOException {
        Path executable = executableJar(Instant.parse("2026-12-07T10:00:00Z"));
        Path extracted = root.resolve("aot/checkout-service/app/checkout-service-exec.jar");
        Files.createDirectories(extracted.getParent());
        Files.writeString(extracted, "extracted before");
        Files.setLastModifiedTime(extracted, Files.getLastModifiedTime(executable));
        AotCache cache = new AotCache(JAVA, root.resolve("aot"));

        List<String> training = cache.launch("checkout-service", executable);
        // as the cache made from the training run's recording at the next start
        Files.writeString(root.resolve("aot/checkout-service/checkout-service.aot"), "made from the recording");
        List<String> trained = cache.launch("checkout-service", executable);

        assertThat(training)
                .contains(
                        "-XX:AOTMode=record",
                        "-XX:AOTConfiguration=" + root.resolve("aot/checkout-service/checkout-service.aotconf"))
                .endsWith("-jar", extracted.toString());
        assertThat(trained)
                .contains("-XX:AOTCache=" + root.resolve("aot/checkout-service/checkout-service.aot"))
                .endsWith("-jar", extracted.toString());
    }

    @Test
    void aRebuiltJarThatCannotBeExtractedDropsTheOldCacheAndStartsWithout() throws IOException {
        Path executable = executableJar(Instant.parse("2026-12-07T12:00:00Z"));
        Path home = root.resolve("aot/checkout-service");
        Path extracted = home.resolve("app/checkout-service-exec.jar");
        Files.createDirectories(extracted.getParent());
        Files.writeString(extracted, "extracted from the previous build");
        Files.setLastModifiedTime(extracted, FileTime.from(Instant.parse("2026-12-07T10:00:00Z")));
        Files.writeString(home.resolve("checkout-service.aot"), "the previous build's cache");

        // not a Spring Boot jar: the tools jar mode cannot extract it
        List<String> launch = new AotCache(JAVA, root.resolve("aot")).launch("checkout-service", executable);

        assertThat(launch).containsExactly("-jar", executable.toString());
        assertThat(home.resolve("checkout-service.aot")).doesNotExist();
    }

    private Path executableJar(Instant builtAt) throws IOException {
        Path jar = root.resolve("target/checkout-service-exec.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar");
        Files.setLastModifiedTime(jar, FileTime.from(builtAt));
        return jar;
    }
}

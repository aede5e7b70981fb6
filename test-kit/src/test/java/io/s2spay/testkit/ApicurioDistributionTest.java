package io.s2spay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioDistributionTest {

    @TempDir
    Path directory;

    @Test
    void unpacksTheArchiveOnceAndReusesTheTreeAfterwards() throws IOException {
        Path archive = tarGz(Map.of("quarkus-run.jar", "runner", "lib/boot/boot.jar", "boot", "app/app.jar", "app"));
        Path target = directory.resolve("cache/apicurio-registry-9.9.9");

        Path unpacked = ApicurioDistribution.unpacked(archive, target);

        assertThat(unpacked).isEqualTo(target);
        assertThat(target.resolve("lib/boot/boot.jar")).hasContent("boot");
        assertThat(target.resolve("quarkus-run.jar")).hasContent("runner");
        assertThat(directory.resolve("cache"))
                .isDirectoryNotContaining(path -> path.getFileName().toString().contains(".tmp-"));

        Files.delete(archive);
        assertThat(ApicurioDistribution.unpacked(archive, target)).isEqualTo(target);
    }

    @Test
    void refusesEntriesThatWouldLandOutsideTheTargetDirectory() throws IOException {
        Path archive = tarGz(Map.of("quarkus-run.jar", "runner", "../../escaped.txt", "gotcha"));
        Path target = directory.resolve("cache/apicurio-registry-9.9.9");

        assertThatThrownBy(() -> ApicurioDistribution.unpacked(archive, target))
                .isInstanceOf(UncheckedIOException.class)
                .hasStackTraceContaining("outside the target directory");
        assertThat(target).doesNotExist();
        assertThat(directory.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void refusesAnArchiveThatIsNotTheRegistryApplication() throws IOException {
        Path archive = tarGz(Map.of("README", "not a Quarkus application"));
        Path target = directory.resolve("cache/apicurio-registry-9.9.9");

        assertThatThrownBy(() -> ApicurioDistribution.unpacked(archive, target))
                .hasStackTraceContaining("does not contain quarkus-run.jar");
        assertThat(directory.resolve("cache")).isEmptyDirectory();
    }

    @Test
    void findsTheArchiveMavenDownloadedForTheTestKit() {
        Path archive = ApicurioDistribution.locateArchive(Versions.APICURIO_REGISTRY);

        assertThat(archive).isRegularFile();
        assertThat(archive.getFileName())
                .hasToString("apicurio-registry-app-" + Versions.APICURIO_REGISTRY + "-all.tar.gz");
    }

    private Path tarGz(Map<String, String> files) throws IOException {
        Path archive = Files.createTempFile(directory, "registry", ".tar.gz");
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (Map.Entry<String, String> entry : files.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey(), true);
                tarEntry.setSize(content.length);
                tar.putArchiveEntry(tarEntry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }
}

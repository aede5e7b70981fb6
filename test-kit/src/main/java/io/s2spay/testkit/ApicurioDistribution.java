package io.s2spay.testkit;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The ready-built Apicurio Registry (Maven artifact {@code io.apicurio:apicurio-registry-app:<v>:tar.gz:all}),
 * found where Maven put it and unpacked once per machine into a cache directory.
 */
final class ApicurioDistribution {

    /** System property naming the archive explicitly (otherwise the class path and the local repository are searched). */
    static final String ARCHIVE_PROPERTY = "s2spay.testkit.apicurio-archive";

    private ApicurioDistribution() {}

    /** The unpacked registry (a directory holding {@code quarkus-run.jar}), unpacking it first if needed. */
    static Path unpacked(String version, Path cacheDirectory) {
        Path target = cacheDirectory.resolve("apicurio-registry-" + version);
        if (Files.isRegularFile(target.resolve("quarkus-run.jar"))) {
            return target;
        }
        return unpacked(locateArchive(version), target);
    }

    /** {@code archive} unpacked into {@code target}, unless a complete tree is already there. */
    static Path unpacked(Path archive, Path target) {
        if (Files.isRegularFile(target.resolve("quarkus-run.jar"))) {
            return target;
        }
        Path cacheDirectory = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(cacheDirectory);
            // unpack beside the target and rename: a parallel JVM either sees nothing or the complete tree
            Path tmp = cacheDirectory.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
            unpack(archive, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteRecursively(tmp);
                // another JVM finished first: keep its complete copy
                if (!Files.isRegularFile(target.resolve("quarkus-run.jar"))) {
                    throw e;
                }
            }
            deleteAbandonedUnpacks(cacheDirectory, target.getFileName() + ".tmp-");
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + " into " + cacheDirectory, e);
        }
    }

    /** Where the archive is: an explicit path, an entry of the test class path, or the local Maven repository. */
    static Path locateArchive(String version) {
        String fileName = "apicurio-registry-app-" + version + "-all.tar.gz";
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty(ARCHIVE_PROPERTY)).map(Path::of).ifPresent(candidates::add);
        // Maven puts the declared dependency on the test class path (surefire keeps the real one in its own property)
        for (String property : List.of("surefire.test.class.path", "java.class.path")) {
            String classPath = System.getProperty(property);
            if (classPath != null) {
                for (String entry : classPath.split(File.pathSeparator)) {
                    if (entry.endsWith(fileName)) {
                        candidates.add(Path.of(entry));
                    }
                }
            }
        }
        Path relative = Path.of("io", "apicurio", "apicurio-registry-app", version, fileName);
        Optional.ofNullable(System.getProperty("maven.repo.local"))
                .map(repo -> Path.of(repo).resolve(relative))
                .ifPresent(candidates::add);
        candidates.add(
                Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(relative));
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the Apicurio Registry archive " + fileName
                        + " is not in the local Maven repository (looked at " + candidates
                        + "). It is a dependency of test-kit: build with ./mvnw so that Maven downloads it, or set -D"
                        + ARCHIVE_PROPERTY + "=<path>."));
    }

    private static void unpack(Path archive, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path root = directory.toAbsolutePath().normalize();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else if (entry.isFile()) {
                    Files.createDirectories(destination.getParent());
                    Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            deleteRecursively(directory);
            throw e;
        }
        if (!Files.isRegularFile(directory.resolve("quarkus-run.jar"))) {
            deleteRecursively(directory);
            throw new IOException(archive + " does not contain quarkus-run.jar at its root");
        }
    }

    /** Half-unpacked trees of JVMs that died while unpacking (older than an hour, so never a live one). */
    private static void deleteAbandonedUnpacks(Path cacheDirectory, String prefix) {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> children = Files.list(cacheDirectory)) {
            for (Path child : children.filter(c -> c.getFileName().toString().startsWith(prefix))
                    .toList()) {
                if (Files.getLastModifiedTime(child).toInstant().isBefore(anHourAgo)) {
                    deleteRecursively(child);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // only housekeeping: a leftover directory costs disk space, not correctness
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}

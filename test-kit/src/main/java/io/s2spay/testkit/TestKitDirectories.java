package io.s2spay.testkit;

import java.nio.file.Path;

/** Where the test kit keeps its per-machine cache (the unpacked registry) and its per-run logs. */
final class TestKitDirectories {

    /** System property overriding the cache directory (default {@code $XDG_CACHE_HOME/s2spay} or {@code ~/.cache/s2spay}). */
    static final String CACHE_PROPERTY = "s2spay.testkit.cache-dir";
    /** System property overriding the log directory (default {@code target/test-infrastructure} of the working directory). */
    static final String LOG_PROPERTY = "s2spay.testkit.log-dir";

    private TestKitDirectories() {}

    static Path cache() {
        String explicit = System.getProperty(CACHE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("s2spay").toAbsolutePath();
    }

    static Path logs() {
        String explicit = System.getProperty(LOG_PROPERTY);
        return (explicit != null && !explicit.isBlank() ? Path.of(explicit) : Path.of("target", "test-infrastructure"))
                .toAbsolutePath();
    }
}

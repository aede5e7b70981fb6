package io.s2spay.testkit;

import io.s2spay.sandbox.GatewaySandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The OPP gateway sandbox of this JVM: started in-process on first use (a free port on 127.0.0.1, a fresh data
 * directory) and stopped when the JVM exits, after its Spring contexts. The module using it declares the
 * {@code gateway-sandbox} dependency itself (test scope): the test kit has it as optional.
 */
public final class GatewaySandboxes {

    private static final Object LOCK = new Object();
    private static volatile GatewaySandbox instance;
    private static RuntimeException startFailure;

    private GatewaySandboxes() {}

    /** The sandbox of this JVM, started on the first call. */
    public static GatewaySandbox get() {
        GatewaySandbox current = instance;
        if (current != null) {
            return current;
        }
        synchronized (LOCK) {
            if (instance == null) {
                if (startFailure != null) {
                    throw new IllegalStateException(
                            "the gateway sandbox failed to start earlier in this JVM", startFailure);
                }
                try {
                    instance = start();
                } catch (RuntimeException | NoClassDefFoundError e) {
                    startFailure = e instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException(
                                    "the gateway sandbox is not on the class path: add io.s2spay:gateway-sandbox (test scope)",
                                    e);
                    throw startFailure;
                }
            }
            return instance;
        }
    }

    private static GatewaySandbox start() {
        long begin = System.nanoTime();
        Path dataDirectory = temporaryDirectory();
        GatewaySandbox sandbox = GatewaySandbox.start(Map.of("sandbox.data-dir", dataDirectory.toString()));
        ShutdownOrdering.afterSpringContexts("s2spay-testkit-sandbox-shutdown", () -> {
            sandbox.close();
            ApicurioDistribution.deleteRecursively(dataDirectory);
        });
        System.out.println("s2spay gateway sandbox ready in "
                + ParallelStart.seconds(Duration.ofNanos(System.nanoTime() - begin)) + " at " + sandbox.baseUrl());
        return sandbox;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("s2spay-gateway-sandbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.s2spay.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent for the child JVMs the test kit starts (the Apicurio registry) and the local stack starts (Kafka, the
 * sandbox, the services): it ends the child when the JVM that started it is gone, so a JVM killed with SIGKILL or
 * crashed leaves no orphan behind.
 *
 * <p>Only JDK classes may be used here: the agent runs on the child's system class path, next to nothing.
 */
public final class ParentWatchdogAgent {

    private ParentWatchdogAgent() {}

    /** Agent entry point; {@code agentArgs} is the process id of the parent JVM to watch. */
    public static void premain(String agentArgs) {
        long parentPid = Long.parseLong(agentArgs.trim());
        ProcessHandle parent = ProcessHandle.of(parentPid).orElse(null);
        if (parent == null || !parent.isAlive()) {
            Runtime.getRuntime().halt(3);
            return;
        }
        parent.onExit().thenRun(ParentWatchdogAgent::exitBecauseParentIsGone);
    }

    private static void exitBecauseParentIsGone() {
        System.err.println("[parent-watchdog] the JVM that started this process is gone; exiting");
        // a graceful exit runs the child's own shutdown hooks; halt if they hang
        Thread halter = new Thread(
                () -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                    Runtime.getRuntime().halt(4);
                },
                "parent-watchdog-halter");
        halter.setDaemon(true);
        halter.start();
        System.exit(3);
    }

    /**
     * The agent as a jar in {@code directory} (written once, named by its content hash so that parallel
     * JVMs and new versions never overwrite a jar a running child has open).
     */
    public static Path agentJar(Path directory) {
        byte[] classBytes = classBytes();
        String hash = HexFormat.of().formatHex(sha256(classBytes), 0, 8);
        Path jar = directory.resolve("s2spay-parent-watchdog-" + hash + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, "s2spay-parent-watchdog-", ".jar.tmp");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdogAgent.class.getName());
            try (OutputStream out = Files.newOutputStream(tmp);
                    JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
                jarOut.putNextEntry(new JarEntry(classResourceName()));
                jarOut.write(classBytes);
                jarOut.closeEntry();
            }
            try {
                Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parent-watchdog agent jar to " + directory, e);
        }
    }

    private static String classResourceName() {
        return ParentWatchdogAgent.class.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes() {
        try (InputStream in = ParentWatchdogAgent.class.getClassLoader().getResourceAsStream(classResourceName())) {
            if (in == null) {
                throw new IllegalStateException("cannot read " + classResourceName() + " from the class path");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

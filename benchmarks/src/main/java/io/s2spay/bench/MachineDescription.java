package io.s2spay.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the benchmark ran on, so its figures can be compared with another machine's. */
final class MachineDescription {

    private MachineDescription() {}

    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        long memory =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getTotalMemorySize()
                        : -1;
        return String.format(
                Locale.ROOT,
                "%d cores%s, %s memory, %s %s %s, JDK %s %s",
                runtime.availableProcessors(),
                cpuModel(),
                memory > 0 ? String.format(Locale.ROOT, "%.1f GiB", memory / (1024.0 * 1024 * 1024)) : "unknown",
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                System.getProperty("java.vendor"),
                System.getProperty("java.version"));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> " (" + line.substring(line.indexOf(':') + 1).strip() + ")")
                    .findFirst()
                    .orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}

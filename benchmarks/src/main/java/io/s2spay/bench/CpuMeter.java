package io.s2spay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Samples the CPU of the stack's processes from {@code /proc} (Linux); without {@code /proc} every sample is empty
 * and every component reported absent.
 */
final class CpuMeter {

    static final long DEFAULT_TICKS_PER_SECOND = 100;

    private final Path proc;
    private final long ticksPerSecond;
    private final long benchmarkPid;
    private final boolean available;

    CpuMeter(Path proc, long ticksPerSecond, long benchmarkPid) {
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
        this.benchmarkPid = benchmarkPid;
        this.available = Files.isDirectory(proc) && Files.isReadable(proc.resolve(benchmarkPid + "/stat"));
    }

    static CpuMeter ofThisMachine() {
        return new CpuMeter(
                Path.of("/proc"), clockTicksPerSecond(), ProcessHandle.current().pid());
    }

    boolean available() {
        return available;
    }

    long ticksPerSecond() {
        return ticksPerSecond;
    }

    CpuSample sample() {
        long now = System.nanoTime();
        if (!available) return CpuSample.none(now);
        try {
            return ProcessTable.read(proc).sample(benchmarkPid, now);
        } catch (IOException e) {
            return CpuSample.none(now);
        }
    }

    CpuInterval between(CpuSample start, CpuSample end) {
        return new CpuInterval(start, end, ticksPerSecond);
    }

    /** {@code getconf CLK_TCK}: the unit of /proc's CPU times; {@value #DEFAULT_TICKS_PER_SECOND} when unknown. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            getconf.getOutputStream().close();
            if (!getconf.waitFor(5, TimeUnit.SECONDS)) {
                getconf.destroyForcibly();
                return DEFAULT_TICKS_PER_SECOND;
            }
            String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return getconf.exitValue() == 0 ? parseTicks(output) : DEFAULT_TICKS_PER_SECOND;
        } catch (IOException e) {
            return DEFAULT_TICKS_PER_SECOND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_TICKS_PER_SECOND;
        }
    }

    static long parseTicks(String output) {
        try {
            long ticks = Long.parseLong(output.strip());
            return ticks > 0 ? ticks : DEFAULT_TICKS_PER_SECOND;
        } catch (NumberFormatException e) {
            return DEFAULT_TICKS_PER_SECOND;
        }
    }
}

package io.s2spay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processes of the machine at one moment, from {@code /proc}: which stack component each belongs to and the CPU
 * each component has used so far.
 *
 * <p>A process belongs to the component its own command line names ({@link StackComponent#recognise}), else to its
 * nearest ancestor's: a PostgreSQL server is its postmaster and every backend it forks (each backend has a process
 * group of its own, so process groups would not do), a service its JVM and whatever it runs. A component's CPU is
 * utime + stime + cutime + cstime summed over its processes: the time of a child that has ended and been waited for
 * moves into its parent's cutime/cstime, so the sum only grows while the component's processes live.
 */
final class ProcessTable {

    /** One process: its stat line and its command line split at the NULs ({@code /proc/<pid>/cmdline}). */
    record Entry(ProcStat stat, List<String> commandLine) {
        long pid() {
            return stat.pid();
        }
    }

    private static final int MAX_ANCESTRY = 256;

    private final Map<Long, Entry> processes = new HashMap<>();

    ProcessTable(Collection<Entry> entries) {
        for (Entry entry : entries) processes.put(entry.pid(), entry);
    }

    /**
     * Reads every process of {@code proc} (normally {@code /proc}); processes that end while it reads, or whose
     * files cannot be read, are left out.
     */
    static ProcessTable read(Path proc) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(proc, ProcessTable::isProcessDirectory)) {
            for (Path directory : directories) {
                try {
                    ProcStat stat = ProcStat.parse(Files.readString(directory.resolve("stat"), StandardCharsets.UTF_8));
                    entries.add(new Entry(stat, commandLine(Files.readAllBytes(directory.resolve("cmdline")))));
                } catch (IOException | IllegalArgumentException e) {
                    // ended between the listing and the read, or not readable: not one of ours to measure
                }
            }
        }
        return new ProcessTable(entries);
    }

    /** {@code /proc/<pid>/cmdline}: arguments separated (and usually ended) by NULs; empty for kernel threads. */
    static List<String> commandLine(byte[] bytes) {
        List<String> arguments = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\0")));
        while (!arguments.isEmpty() && arguments.getLast().isEmpty()) arguments.removeLast();
        return arguments;
    }

    int size() {
        return processes.size();
    }

    /** Each process's component, for the processes that belong to one. */
    Map<Long, StackComponent> components(long benchmarkPid) {
        Map<Long, StackComponent> own = new HashMap<>();
        for (Entry entry : processes.values()) {
            StackComponent component = entry.pid() == benchmarkPid
                    ? StackComponent.BENCHMARK
                    : StackComponent.recognise(entry.commandLine());
            if (component != null) own.put(entry.pid(), component);
        }
        Map<Long, StackComponent> components = new HashMap<>();
        for (Entry entry : processes.values()) {
            StackComponent component = inherited(entry, own);
            if (component != null) components.put(entry.pid(), component);
        }
        return components;
    }

    private StackComponent inherited(Entry entry, Map<Long, StackComponent> own) {
        Entry current = entry;
        for (int depth = 0; current != null && depth < MAX_ANCESTRY; depth++) {
            StackComponent component = own.get(current.pid());
            if (component != null) return component;
            long parent = current.stat().parentPid();
            if (parent <= 0 || parent == current.pid()) return null;
            current = processes.get(parent);
        }
        return null;
    }

    /** The CPU each component has used until now, and which processes it has. */
    CpuSample sample(long benchmarkPid, long nanoTime) {
        Map<Long, StackComponent> components = components(benchmarkPid);
        Map<StackComponent, Long> ticks = new EnumMap<>(StackComponent.class);
        Map<StackComponent, Integer> counts = new EnumMap<>(StackComponent.class);
        Map<StackComponent, Set<Long>> roots = new EnumMap<>(StackComponent.class);
        components.forEach((pid, component) -> {
            Entry entry = processes.get(pid);
            ticks.merge(component, entry.stat().ticksWithReapedChildren(), Long::sum);
            counts.merge(component, 1, Integer::sum);
            if (components.get(entry.stat().parentPid()) != component)
                roots.computeIfAbsent(component, c -> new TreeSet<>()).add(pid);
        });
        Map<StackComponent, CpuSample.Usage> usage = new EnumMap<>(StackComponent.class);
        ticks.forEach((component, sum) ->
                usage.put(component, new CpuSample.Usage(sum, counts.get(component), roots.get(component))));
        return new CpuSample(nanoTime, usage);
    }

    private static boolean isProcessDirectory(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}

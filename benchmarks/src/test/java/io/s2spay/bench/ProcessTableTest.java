package io.s2spay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTableTest {

    static final long BENCHMARK_PID = 900;

    /** A process with the given times: utime, stime, cutime, cstime. */
    static ProcessTable.Entry process(long pid, long parent, List<String> commandLine, long... ticks) {
        return new ProcessTable.Entry(
                new ProcStat(pid, "x", 'S', parent, pid, ticks[0], ticks[1], ticks[2], ticks[3]), commandLine);
    }

    /** A local stack as ./s2spay up runs it, with a PostgreSQL server re-parented to init. */
    static List<ProcessTable.Entry> stack() {
        List<ProcessTable.Entry> entries = new ArrayList<>();
        entries.add(process(1, 0, List.of("/sbin/init"), 500, 500, 9000, 9000));
        entries.add(process(50, 1, List.of("/bin/sh", "./s2spay", "up"), 1, 1, 0, 0));
        // the launcher has reaped kafka-storage-format: its 30 ticks are in the launcher's cutime/cstime
        entries.add(process(100, 50, StackComponentTest.LAUNCHER, 40, 10, 25, 5));
        entries.add(process(101, 100, StackComponentTest.service("checkout-service"), 700, 100, 0, 0));
        entries.add(process(102, 100, StackComponentTest.service("payment-executor"), 400, 60, 0, 0));
        entries.add(process(103, 100, StackComponentTest.service("status-poller"), 200, 20, 0, 0));
        entries.add(process(104, 100, StackComponentTest.service("backoffice-service"), 150, 30, 0, 0));
        entries.add(process(105, 100, StackComponentTest.service("gateway-sandbox"), 90, 10, 0, 0));
        entries.add(process(110, 100, StackComponentTest.KAFKA, 300, 80, 0, 0));
        entries.add(process(111, 100, StackComponentTest.REGISTRY, 120, 30, 0, 0));
        // the reaper and its sleep: the launcher's, through their parents
        entries.add(process(120, 100, StackComponentTest.POSTGRES_REAPER, 2, 3, 40, 60));
        entries.add(process(121, 120, List.of("sleep", "1"), 0, 0, 0, 0));
        // the postmaster (parent init) and its children; ended backends are in its cutime/cstime
        entries.add(process(200, 1, StackComponentTest.POSTMASTER, 10, 20, 300, 100));
        entries.add(process(201, 200, List.of("postgres: checkpointer "), 5, 5, 0, 0));
        entries.add(process(202, 200, List.of("postgres: s2spay s2spay 127.0.0.1(50412) idle"), 60, 40, 0, 0));
        entries.add(process(203, 200, List.of("postgres: walsender s2spay 127.0.0.1(50420) streaming"), 30, 20, 0, 0));
        // a zombie backend: no command line any more, still the postmaster's child
        entries.add(process(204, 200, List.of(), 7, 3, 0, 0));
        // the benchmark and the getconf it ran; an unrelated JVM
        entries.add(process(BENCHMARK_PID, 60, List.of("java", "-jar", "benchmarks-0.1.0-SNAPSHOT.jar"), 80, 20, 1, 1));
        entries.add(process(901, BENCHMARK_PID, List.of("getconf", "CLK_TCK"), 1, 0, 0, 0));
        entries.add(process(60, 1, List.of("/bin/bash"), 3, 3, 1000, 1000));
        entries.add(process(700, 1, List.of("java", "-jar", "ide.jar"), 5000, 500, 0, 0));
        return entries;
    }

    @Test
    void everyProcessBelongsToItsOwnComponentOrItsNearestAncestors() {
        Map<Long, StackComponent> components = new ProcessTable(stack()).components(BENCHMARK_PID);

        assertThat(components.get(100L)).isEqualTo(StackComponent.LOCAL_STACK);
        assertThat(components.get(110L)).isEqualTo(StackComponent.KAFKA);
        assertThat(components.get(120L)).isEqualTo(StackComponent.LOCAL_STACK);
        assertThat(components.get(121L)).isEqualTo(StackComponent.LOCAL_STACK);
        assertThat(components.get(204L)).isEqualTo(StackComponent.POSTGRES);
        assertThat(components.get(901L)).isEqualTo(StackComponent.BENCHMARK);
        assertThat(components).doesNotContainKeys(1L, 50L, 60L, 700L);
    }

    @Test
    void aComponentsTicksAreItsProcessesOwnAndReapedChildrensTimes() {
        CpuSample sample = new ProcessTable(stack()).sample(BENCHMARK_PID, 0);

        CpuSample.Usage postgres = sample.usage(StackComponent.POSTGRES);
        assertThat(postgres.ticks()).isEqualTo((10 + 20 + 300 + 100) + 10 + 100 + 50 + 10);
        assertThat(postgres.processes()).isEqualTo(5);
        assertThat(postgres.roots()).containsExactly(200L);

        CpuSample.Usage launcher = sample.usage(StackComponent.LOCAL_STACK);
        assertThat(launcher.ticks()).isEqualTo((40 + 10 + 25 + 5) + (2 + 3 + 40 + 60));
        assertThat(launcher.processes()).isEqualTo(3);
        assertThat(launcher.roots()).containsExactly(100L);

        assertThat(sample.usage(StackComponent.CHECKOUT_SERVICE).ticks()).isEqualTo(800);
        assertThat(sample.usage(StackComponent.KAFKA).ticks()).isEqualTo(380);
        assertThat(sample.usage(StackComponent.REGISTRY).ticks()).isEqualTo(150);
        assertThat(sample.usage(StackComponent.BENCHMARK).ticks()).isEqualTo(102 + 1);
        assertThat(sample.usage(StackComponent.BENCHMARK).processes()).isEqualTo(2);
    }

    @Test
    void componentsWithoutProcessesAreAbsentFromTheSample() {
        List<ProcessTable.Entry> entries =
                stack().stream().filter(e -> e.pid() != 110 && e.pid() != 111).toList();
        CpuSample sample = new ProcessTable(entries).sample(BENCHMARK_PID, 0);

        assertThat(sample.usage(StackComponent.KAFKA)).isNull();
        assertThat(sample.usage(StackComponent.REGISTRY)).isNull();
        assertThat(sample.usage(StackComponent.CHECKOUT_SERVICE)).isNotNull();
    }

    @Test
    void aParentCycleOrAMissingParentEndsTheAncestry() {
        List<ProcessTable.Entry> entries = List.of(
                process(10, 11, List.of("a"), 1, 1, 0, 0),
                process(11, 10, List.of("b"), 1, 1, 0, 0),
                process(12, 999, List.of("c"), 1, 1, 0, 0));

        assertThat(new ProcessTable(entries).components(BENCHMARK_PID)).isEmpty();
    }

    @Test
    void readsAProcDirectorySkippingWhatIsNotAProcessOrNotReadable(@TempDir Path proc) throws IOException {
        write(
                proc.resolve("200"),
                "200 (postgres) S 1 200 200 0 -1 0 0 0 0 0 10 20 300 100 20 0 1 0",
                "/tmp/pg/bin/postgres\0-D\0/data\0-p\054329\0");
        write(
                proc.resolve("201"),
                "201 (postgres) S 200 201 201 0 -1 0 0 0 0 0 5 5 0 0 20 0 1 0",
                "postgres: io worker 0\0\0\0\0\0\0");
        write(proc.resolve("202"), "garbage", "x\0");
        Files.createDirectories(proc.resolve("203")); // ended while listing: no files
        write(proc.resolve("self"), "1 (init) S 0 1 1 0 -1 0 0 0 0 0 1 1 1 1", "/sbin/init\0");
        Files.writeString(proc.resolve("uptime"), "1.0 1.0");

        ProcessTable table = ProcessTable.read(proc);

        assertThat(table.size()).isEqualTo(2);
        CpuSample.Usage postgres = table.sample(BENCHMARK_PID, 0).usage(StackComponent.POSTGRES);
        assertThat(postgres.ticks()).isEqualTo(440);
        assertThat(postgres.processes()).isEqualTo(2);
        assertThat(postgres.roots()).containsExactly(200L);
    }

    @Test
    void commandLinesAreSplitAtTheirNuls() {
        assertThat(ProcessTable.commandLine("java\0-jar\0a b.jar\0".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("java", "-jar", "a b.jar");
        assertThat(ProcessTable.commandLine("postgres: walwriter \0\0\0".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("postgres: walwriter ");
        assertThat(ProcessTable.commandLine(new byte[0])).isEmpty();
    }

    private static void write(Path directory, String stat, String commandLine) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("stat"), stat + "\n");
        Files.writeString(directory.resolve("cmdline"), commandLine);
    }
}

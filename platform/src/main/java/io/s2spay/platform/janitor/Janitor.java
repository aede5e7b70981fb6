package io.s2spay.platform.janitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link JanitorTask}s: claims a task's due rows, works on them on virtual threads (at most the task's
 * parallelism at once, the whole claim within its lease), and counts what happened in
 * {@code s2spay.janitor.rows{task, result=recorded|left-open|failed}} and {@code s2spay.janitor.runs{task}}. Each
 * service schedules its tasks on its own interval and calls {@link #run}.
 */
public final class Janitor {

    private static final Logger log = LoggerFactory.getLogger(Janitor.class);

    private final MeterRegistry meters;

    public Janitor(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One run of {@code task}; returns how many rows got an outcome recorded. A failing claim ends the run. */
    public <T> int run(JanitorTask<T> task) {
        Timer.Sample sample = Timer.start(meters);
        int recorded = 0;
        try {
            List<T> claimed;
            do {
                try {
                    claimed = task.claimDue(task.batchSize());
                } catch (RuntimeException e) {
                    log.warn("{}: could not claim due rows: {}", task.name(), e.toString());
                    count(task, "claim-failed");
                    return recorded;
                }
                recorded += processAll(task, claimed);
            } while (task.drainsBacklog() && !claimed.isEmpty() && claimed.size() >= task.batchSize());
            return recorded;
        } finally {
            sample.stop(Timer.builder("s2spay.janitor.runs")
                    .description("Janitor runs")
                    .tag("task", task.name())
                    .register(meters));
        }
    }

    private <T> int processAll(JanitorTask<T> task, List<T> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        AtomicInteger recorded = new AtomicInteger();
        Semaphore slots = new Semaphore(Math.max(1, task.parallelism()));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // closing the executor waits for every row of this claim
            for (T row : claimed) {
                threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        if (task.process(row)) {
                            recorded.incrementAndGet();
                            count(task, "recorded");
                        } else {
                            count(task, "left-open");
                        }
                    } catch (RuntimeException e) {
                        log.warn(
                                "{}: {} failed, retried after its lease: {}",
                                task.name(),
                                task.describe(row),
                                e.toString());
                        log.debug("{}: failure of {}", task.name(), task.describe(row), e);
                        count(task, "failed");
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return recorded.get();
    }

    private void count(JanitorTask<?> task, String result) {
        meters.counter("s2spay.janitor.rows", "task", task.name(), "result", result)
                .increment();
    }
}

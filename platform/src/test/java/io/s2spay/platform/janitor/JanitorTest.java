package io.s2spay.platform.janitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JanitorTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Janitor janitor = new Janitor(meters);

    @Test
    void countsRecordedLeftOpenAndFailedRowsAndGoesOnAfterAFailure() {
        Task task = new Task(10, 10, false, List.of(List.of(1, 2, 3, 4)));
        task.failing = 2;
        task.leftOpen = 3;

        int recorded = janitor.run(task);

        assertThat(recorded).isEqualTo(2);
        assertThat(task.processed).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(rows("recorded")).isEqualTo(2);
        assertThat(rows("left-open")).isEqualTo(1);
        assertThat(rows("failed")).isEqualTo(1);
        assertThat(meters.get("s2spay.janitor.runs").tag("task", "test").timer().count())
                .isOne();
    }

    @Test
    void claimsAgainWhileClaimsComeBackFullOnlyWhenTheTaskDrainsItsBacklog() {
        Task draining = new Task(2, 2, true, List.of(List.of(1, 2), List.of(3, 4), List.of(5)));
        Task waiting = new Task(2, 2, false, List.of(List.of(1, 2), List.of(3, 4), List.of(5)));

        assertThat(janitor.run(draining)).isEqualTo(5);
        assertThat(janitor.run(waiting)).isEqualTo(2);
        assertThat(waiting.claims).isEqualTo(1);
    }

    @Test
    void aFailingClaimEndsTheRunWithoutThrowing() {
        Task task = new Task(2, 2, true, List.of());
        task.claimFails = true;

        assertThat(janitor.run(task)).isZero();
        assertThat(rows("claim-failed")).isEqualTo(1);
    }

    @Test
    void worksOnAtMostParallelismRowsAtOnce() throws InterruptedException {
        Task task = new Task(6, 2, false, List.of(List.of(1, 2, 3, 4, 5, 6)));
        task.slow = true;
        Thread run = Thread.ofVirtual().start(() -> janitor.run(task));

        assertThat(task.started.await(5, TimeUnit.SECONDS)).isTrue();
        run.join(10_000);

        assertThat(task.processed).hasSize(6);
        assertThat(task.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aTaskFromItsPartsClaimsWithItsBatchSizeAndRefusesANonPositiveOne() {
        List<Integer> limits = new ArrayList<>();
        JanitorTask<Integer> task = new JanitorTask.Of<>(
                "test",
                3,
                1,
                false,
                limit -> {
                    limits.add(limit);
                    return List.of(7, 8);
                },
                row -> row == 7,
                row -> "row " + row);

        assertThat(janitor.run(task)).isOne();
        assertThat(limits).containsExactly(3);
        assertThat(rows("left-open")).isOne();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new JanitorTask.Of<Integer>("bad", 0, 1, false, limit -> List.of(), row -> true, row -> ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private double rows(String result) {
        var counter = meters.find("s2spay.janitor.rows")
                .tags("task", "test", "result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static final class Task implements JanitorTask<Integer> {
        final int batchSize;
        final int parallelism;
        final boolean drains;
        final Deque<List<Integer>> claimsToAnswer;
        final List<Integer> processed = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        int claims;
        int failing = -1;
        int leftOpen = -1;
        boolean claimFails;
        boolean slow;

        Task(int batchSize, int parallelism, boolean drains, List<List<Integer>> claims) {
            this.batchSize = batchSize;
            this.parallelism = parallelism;
            this.drains = drains;
            this.claimsToAnswer = new ArrayDeque<>(claims);
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public int batchSize() {
            return batchSize;
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public boolean drainsBacklog() {
            return drains;
        }

        @Override
        public List<Integer> claimDue(int limit) {
            if (claimFails) {
                throw new IllegalStateException("database down");
            }
            claims++;
            assertThat(limit).isEqualTo(batchSize);
            return claimsToAnswer.isEmpty() ? List.of() : claimsToAnswer.poll();
        }

        @Override
        public boolean process(Integer row) {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            started.countDown();
            try {
                if (slow) {
                    Thread.sleep(50); // holds a slot so that the others must wait for it
                }
                processed.add(row);
                if (row == failing) {
                    throw new IllegalStateException("gateway down");
                }
                return row != leftOpen;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public String describe(Integer row) {
            return "row " + row;
        }
    }
}

package io.s2spay.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Starts independent servers at the same time and stops the ones that did start when another one fails, so
 * a failed start leaves nothing running.
 */
final class ParallelStart implements AutoCloseable {

    /** A started server and how long its start took. */
    record Started<T extends AutoCloseable>(T server, Duration took) {

        String describe() {
            return server + " (" + seconds(took) + ")";
        }
    }

    // platform threads: the servers' start code blocks inside synchronized blocks, which would pin virtual threads
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("s2spay-testkit-start-", 1).daemon().factory());
    private final List<CompletableFuture<? extends Started<?>>> futures = new ArrayList<>();

    <T extends AutoCloseable> CompletableFuture<Started<T>> start(Supplier<T> starter) {
        CompletableFuture<Started<T>> future = CompletableFuture.supplyAsync(
                () -> {
                    long begin = System.nanoTime();
                    T server = starter.get();
                    return new Started<>(server, Duration.ofNanos(System.nanoTime() - begin));
                },
                executor);
        futures.add(future);
        return future;
    }

    /** Waits for every start; if any failed, stops the started ones and throws the first failure. */
    void awaitAll() {
        RuntimeException failure = null;
        for (CompletableFuture<? extends Started<?>> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            for (CompletableFuture<? extends Started<?>> future : futures) {
                if (!future.isCompletedExceptionally()) {
                    closeQuietly(future.join().server());
                }
            }
            throw failure;
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("s2spay test kit: could not stop " + closeable + ": " + e);
        }
    }

    /** Closes all at the same time and waits for them. */
    static void closeAllQuietly(List<? extends AutoCloseable> closeables) {
        List<Thread> threads = closeables.stream()
                .map(c -> Thread.ofPlatform().name("s2spay-testkit-stop").start(() -> closeQuietly(c)))
                .toList();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}

package io.s2spay.testkit;

import java.time.Duration;
import java.util.Set;

/**
 * JVM shutdown hooks that stop servers only once the JVM's Spring contexts have closed: all hooks run at the same
 * time, and a Kafka consumer or outbox relay that loses its broker or database while closing hangs or fails noisily.
 */
final class ShutdownOrdering {

    /** Shutdown-hook threads of Spring contexts (Framework's and Boot's). */
    private static final Set<String> SPRING_SHUTDOWN_HOOKS =
            Set.of("SpringContextShutdownHook", "SpringApplicationShutdownHook");

    private static final Duration SPRING_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE_TIME = Duration.ofMillis(100);

    private ShutdownOrdering() {}

    static void afterSpringContexts(String name, Runnable stop) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            awaitSpringShutdownHooks();
                            stop.run();
                        },
                        name));
    }

    private static void awaitSpringShutdownHooks() {
        long deadline = System.nanoTime() + SPRING_SHUTDOWN_WAIT.toNanos();
        // all hooks are started together, but on a busy machine the others may start a little after this one
        long settled = System.nanoTime() + SETTLE_TIME.toNanos();
        try {
            while (System.nanoTime() < settled) {
                for (Thread thread : Thread.getAllStackTraces().keySet()) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining > 0
                            && thread != Thread.currentThread()
                            && SPRING_SHUTDOWN_HOOKS.contains(thread.getName())) {
                        thread.join(Duration.ofNanos(remaining));
                    }
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

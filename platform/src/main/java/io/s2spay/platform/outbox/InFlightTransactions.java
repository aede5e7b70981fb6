package io.s2spay.platform.outbox;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;

/**
 * The transactions the relay sent to Kafka and which WAL position it may confirm to the replication slot: the end of
 * the last transaction whose rows, and every row before them, Kafka acknowledged. Confirming no further keeps the
 * relay at-least-once: after a crash the slot sends again every transaction not confirmed.
 *
 * <p>The relay's reading thread calls every method; Kafka's acknowledgements, on the producer's thread, only count
 * down through the callbacks {@link #sent} hands out.
 */
final class InFlightTransactions {

    /** Rows sent and not yet acknowledged, and where the WAL may be confirmed once none are left. */
    private static final class Transaction {
        final AtomicInteger unacknowledged = new AtomicInteger();
        long endLsn = -1;
    }

    private final ArrayDeque<Transaction> committed = new ArrayDeque<>();
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private Transaction open;

    /** A transaction begins; its rows are {@link #sent} until it {@link #commit commits}. */
    void begin() {
        open = new Transaction();
    }

    /** Whether a transaction began and did not commit yet. */
    boolean inTransaction() {
        return open != null;
    }

    /**
     * One row of the open transaction (or of a snapshot, outside any) goes to Kafka: the callback to send it with.
     *
     * @param acknowledged run once Kafka acknowledged the row (for the relay's metrics)
     */
    Callback sent(Runnable acknowledged) {
        Transaction transaction = open;
        if (transaction != null) {
            transaction.unacknowledged.incrementAndGet();
        }
        unacknowledged.incrementAndGet();
        return (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            } else {
                acknowledged.run();
            }
            if (transaction != null) {
                transaction.unacknowledged.decrementAndGet();
            }
            unacknowledged.decrementAndGet();
        };
    }

    /** The open transaction committed; its WAL may be confirmed up to {@code endLsn} once its rows are acknowledged. */
    void commit(long endLsn) {
        if (open == null) {
            throw new IllegalStateException("pgoutput sent a commit without a begin");
        }
        open.endLsn = endLsn;
        committed.add(open);
        open = null;
    }

    /** A position between transactions (a heartbeat): confirmable once everything before it is acknowledged. */
    void position(long lsn) {
        Transaction marker = new Transaction();
        marker.endLsn = lsn;
        committed.add(marker);
    }

    /**
     * The furthest position every row before which Kafka acknowledged, or -1 when it did not move since the last call.
     *
     * @throws OutboxRelayException if Kafka refused a row: nothing from that row on may be confirmed
     */
    long confirmable() {
        throwIfFailed();
        long lsn = -1;
        Transaction oldest;
        while ((oldest = committed.peek()) != null && oldest.unacknowledged.get() == 0) {
            lsn = oldest.endLsn;
            committed.poll();
        }
        // a failure counts a row down too: read it again now that the rows are counted
        throwIfFailed();
        return lsn;
    }

    /** Rows sent and not yet acknowledged. */
    int unacknowledged() {
        return unacknowledged.get();
    }

    /**
     * Waits until at most {@code limit} rows wait for their acknowledgement.
     *
     * @throws OutboxRelayException if Kafka refused a row meanwhile
     */
    void awaitAtMost(int limit) throws InterruptedException {
        while (unacknowledged.get() > limit) {
            throwIfFailed();
            Thread.sleep(1);
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        Exception refused = failure.get();
        if (refused != null) {
            throw new OutboxRelayException("Kafka did not acknowledge an outbox record: " + refused, refused);
        }
    }

    /** The relay cannot go on without sending again what it sent last (it restarts from the slot's position). */
    static final class OutboxRelayException extends RuntimeException {
        OutboxRelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package io.s2spay.platform.janitor;

import java.util.List;

/**
 * One kind of work a {@link Janitor} does, in the manner of Kill Bill's janitor: rows whose outcome is not final are
 * claimed with a lease ({@link LeasedClaim}), each is worked on outside any transaction (a gateway query, at most a
 * resend that the query proved safe), and what was learnt is recorded after re-reading the row under its lock. A
 * failure only delays that row: its lease expires and it is due again.
 */
public interface JanitorTask<T> {

    /** The task's name in metrics and logs ({@code stuck-attempts}). */
    String name();

    /** How many rows one claim takes at the most. */
    int batchSize();

    /** How many claimed rows are worked on at once. */
    default int parallelism() {
        return batchSize();
    }

    /** Whether one run claims again as long as a claim came back full, rather than waiting for the next run. */
    default boolean drainsBacklog() {
        return false;
    }

    /** Claims up to {@code limit} due rows with a lease. */
    List<T> claimDue(int limit);

    /** Works on one claimed row; true when it recorded an outcome, false when the row stays open for later. */
    boolean process(T row);

    /** The row in a log line. */
    String describe(T row);
}

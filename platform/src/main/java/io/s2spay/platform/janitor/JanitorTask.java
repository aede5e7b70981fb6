package io.s2spay.platform.janitor;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

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

    /**
     * A task from its parts: {@code claim} takes a limit and claims, {@code work} processes one row (true when it
     * recorded an outcome), {@code description} names a row in logs.
     */
    record Of<T>(
            String name,
            int batchSize,
            int parallelism,
            boolean drainsBacklog,
            IntFunction<List<T>> claim,
            Predicate<T> work,
            Function<T, String> description)
            implements JanitorTask<T> {

        public Of {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(description, "description");
            if (batchSize <= 0 || parallelism <= 0) {
                throw new IllegalArgumentException(name + ": batch size and parallelism must be positive");
            }
        }

        @Override
        public List<T> claimDue(int limit) {
            return claim.apply(limit);
        }

        @Override
        public boolean process(T row) {
            return work.test(row);
        }

        @Override
        public String describe(T row) {
            return description.apply(row);
        }
    }
}

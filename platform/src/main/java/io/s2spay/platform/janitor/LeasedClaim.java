package io.s2spay.platform.janitor;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one statement behind every janitor: claims up to a limit of a table's open rows that are due, pushing their due
 * time a lease ahead so that other instances skip them while this one works on them without holding a lock. Rows
 * another instance is claiming at this moment are skipped ({@code for update skip locked}), not waited for.
 */
public final class LeasedClaim {

    private final String sql;

    /**
     * @param table the table (a constant: it is put into the SQL)
     * @param keyColumns its primary key columns
     * @param openCondition the SQL condition of the rows still to be worked on (see {@link #inList})
     * @param dueColumn the {@code timestamptz} column saying when a row is due; the claim moves it to the lease's end
     * @param alsoSet further assignments of the claim ({@code "updated_at = now()"}), or null
     */
    public LeasedClaim(String table, List<String> keyColumns, String openCondition, String dueColumn, String alsoSet) {
        Objects.requireNonNull(openCondition, "openCondition");
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("a claim needs the table's key columns");
        }
        String now = "coalesce(cast(:now as timestamptz), now())";
        String keys = String.join(", ", keyColumns);
        String join =
                keyColumns.stream().map(k -> "claimed." + k + " = due." + k).collect(Collectors.joining(" and "));
        this.sql = "update " + table + " claimed set " + dueColumn + " = " + now
                + " + make_interval(secs => :leaseSeconds)" + (alsoSet == null ? "" : ", " + alsoSet)
                + " from (select " + keys + " from " + table
                + " where (" + openCondition + ") and " + dueColumn + " <= " + now
                + " order by " + dueColumn + " limit :limit for update skip locked) due"
                + " where " + join + " returning claimed.*";
    }

    /** The SQL condition "{@code column} is one of {@code values}", from the lifecycle's own state lists. */
    public static String inList(String column, Collection<? extends Enum<?>> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no state to claim in " + column);
        }
        return column + " in (" + values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "))
                + ")";
    }

    /**
     * Claims up to {@code limit} due rows, in the caller's transaction (or its own statement's), and maps them.
     *
     * @param now the application's clock, or null to use the database's
     */
    public <T> List<T> claim(JdbcClient jdbc, Instant now, int limit, Duration lease, RowMapper<T> rows) {
        if (limit <= 0 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a claim needs a positive limit and lease");
        }
        return jdbc.sql(sql)
                .param(
                        "now",
                        now == null ? null : OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param("leaseSeconds", (double) lease.toMillis() / 1000)
                .param("limit", limit)
                .query(rows)
                .list();
    }

    /** The statement, for logs and tests. */
    public String sql() {
        return sql;
    }
}

package io.s2spay.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the stack's SQL cost per payment during a step, from PostgreSQL's {@code pg_stat_statements} (the local
 * stack preloads it and creates the extension): statements and execution time per payment, and the statements that
 * took the most time. Execution time is the server's time inside each statement, not CPU, and logical decoding by
 * the relays' walsenders is not a statement: the step's CPU figure for postgres covers both.
 */
final class StatementStatistics {

    /** One normalized statement's share of a step. */
    record Entry(long calls, double totalMillis, String query) {}

    private static final String OWN = "pg_stat_statements";
    private static final String IN_THIS_DATABASE =
            " from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())"
                    + " and query not like '%" + OWN + "%'";

    private final String url;
    private final String user;
    private final String password;

    private StatementStatistics(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The statistics of the server at {@code url}, or why there are none (no server, no extension). */
    static Result<StatementStatistics> of(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery("select 1 from pg_extension where extname = '" + OWN + "'")) {
            if (!found.next()) {
                return Result.none("the extension " + OWN + " is not created in " + url
                        + " (the local stack preloads and creates it)");
            }
            return Result.of(new StatementStatistics(url, user, password));
        } catch (SQLException e) {
            return Result.none("cannot read " + OWN + " at " + url + ": " + e.getMessage());
        }
    }

    /** Forgets everything counted so far: called when a step starts. */
    void reset() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("select " + OWN + "_reset()");
        }
    }

    /** The statements counted since {@link #reset}, the most time-consuming first. */
    List<Entry> read() throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement statement = connection.prepareStatement(
                        "select calls, total_exec_time, query" + IN_THIS_DATABASE + " order by total_exec_time desc");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(new Entry(rows.getLong(1), rows.getDouble(2), rows.getString(3)));
            }
        }
        return entries;
    }

    /** Prints the totals per payment and the {@code top} statements that took the most time. */
    static void print(PrintStream out, List<Entry> entries, long payments, int top) {
        if (payments <= 0) {
            out.println("SQL per payment: n/a (no payment succeeded)");
            return;
        }
        long calls = entries.stream().mapToLong(Entry::calls).sum();
        double millis = entries.stream().mapToDouble(Entry::totalMillis).sum();
        out.printf(
                Locale.ROOT,
                "SQL per payment (pg_stat_statements): %.1f statements, %.2f ms execution time, %d distinct%n",
                (double) calls / payments,
                millis / payments,
                entries.size());
        for (Entry entry : entries.subList(0, Math.min(top, entries.size()))) {
            out.printf(
                    Locale.ROOT,
                    "  %5.2f calls %6.3f ms  %s%n",
                    (double) entry.calls() / payments,
                    entry.totalMillis() / payments,
                    shortened(entry.query(), 110));
        }
    }

    /** A statement on one line, whitespace collapsed, cut at {@code max} characters. */
    static String shortened(String query, int max) {
        String line = query.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** A value, or why there is none. */
    record Result<T>(Optional<T> value, String reason) {
        static <T> Result<T> of(T value) {
            return new Result<>(Optional.of(value), "");
        }

        static <T> Result<T> none(String reason) {
            return new Result<>(Optional.empty(), reason);
        }
    }
}

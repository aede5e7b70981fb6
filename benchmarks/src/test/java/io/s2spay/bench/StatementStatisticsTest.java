package io.s2spay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementStatisticsTest {

    @Test
    void printsStatementsAndExecutionTimePerPaymentAndTheCostliestFirst() {
        List<StatementStatistics.Entry> entries = List.of(
                new StatementStatistics.Entry(
                        2000, 900.0, "insert into checkout.payment (id,\n   amount) values ($1, $2)"),
                new StatementStatistics.Entry(1000, 100.0, "select 1"),
                new StatementStatistics.Entry(3000, 50.0, "update x set y = $1"));

        String printed = print(entries, 1000, 2);

        assertThat(printed)
                .contains("6.0 statements, 1.05 ms execution time, 3 distinct")
                .contains(" 2.00 calls  0.900 ms  insert into checkout.payment (id, amount) values ($1, $2)")
                .contains(" 1.00 calls  0.100 ms  select 1")
                .doesNotContain("update x");
    }

    @Test
    void noSucceededPaymentGivesNoFigure() {
        assertThat(print(List.of(new StatementStatistics.Entry(1, 1.0, "select 1")), 0, 5))
                .contains("n/a (no payment succeeded)");
    }

    @Test
    void longStatementsAreCutOnOneLine() {
        assertThat(StatementStatistics.shortened("select\t a,\n b from t", 100)).isEqualTo("select a, b from t");
        assertThat(StatementStatistics.shortened("x".repeat(200), 10))
                .hasSize(10)
                .endsWith("…");
    }

    private static String print(List<StatementStatistics.Entry> entries, int payments, int top) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StatementStatistics.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), entries, payments, top);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

package io.s2spay.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    // a real line's shape (proc(5)): the command may hold spaces and parentheses, so it ends at the last ')'
    private static final String LINE = "1234 (java (x) y) S 1 1200 1200 0 -1 4194560 90001 0 12 0 "
            + "3456 789 41 17 20 0 57 0 9876543 4123456789 123456 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 "
            + "0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

    @Test
    void readsTheFieldsAfterACommandWithSpacesAndParentheses() {
        ProcStat stat = ProcStat.parse(LINE);

        assertThat(stat.pid()).isEqualTo(1234);
        assertThat(stat.command()).isEqualTo("java (x) y");
        assertThat(stat.state()).isEqualTo('S');
        assertThat(stat.parentPid()).isEqualTo(1);
        assertThat(stat.processGroup()).isEqualTo(1200);
        assertThat(stat.userTicks()).isEqualTo(3456); // field 14
        assertThat(stat.systemTicks()).isEqualTo(789); // field 15
        assertThat(stat.childrenUserTicks()).isEqualTo(41); // field 16
        assertThat(stat.childrenSystemTicks()).isEqualTo(17); // field 17
        assertThat(stat.ownTicks()).isEqualTo(3456 + 789);
        assertThat(stat.ticksWithReapedChildren()).isEqualTo(3456 + 789 + 41 + 17);
    }

    @Test
    void aCommandThatLooksLikeFieldsDoesNotShiftThem() {
        ProcStat stat = ProcStat.parse("77 (a) R 5 6 7 8 9 10 11 12 13 14 15 16 17 18) Z 9 77 77 0 -1 0 0 0 0 0 "
                + "100 200 300 400 20 0 1 0 5 6 7");

        assertThat(stat.command()).isEqualTo("a) R 5 6 7 8 9 10 11 12 13 14 15 16 17 18");
        assertThat(stat.state()).isEqualTo('Z');
        assertThat(stat.parentPid()).isEqualTo(9);
        assertThat(stat.ticksWithReapedChildren()).isEqualTo(1000);
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStat.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.parse("1234 java S 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.parse("1234 (java) S 1 2 3")).hasMessageContaining("too few fields");
        assertThatThrownBy(() -> ProcStat.parse("x (java) S 1 1200 1200 0 -1 0 0 0 0 0 1 2 3 4"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

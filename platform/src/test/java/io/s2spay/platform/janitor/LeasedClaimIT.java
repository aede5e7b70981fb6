package io.s2spay.platform.janitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.platform.testapp.PlatformIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class LeasedClaimIT extends PlatformIntegrationTest {

    enum State {
        OPEN,
        WAITING,
        DONE
    }

    private static final LeasedClaim CLAIM = new LeasedClaim(
            "janitor_claim_test",
            List.of("tenant", "id"),
            LeasedClaim.inList("state", List.of(State.OPEN, State.WAITING)),
            "due_at",
            "claims = claims + 1");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void table() {
        jdbc.sql("drop table if exists janitor_claim_test").update();
        jdbc.sql("""
                create table janitor_claim_test (tenant text, id int, state text not null, due_at timestamptz not null,
                    claims int not null default 0, primary key (tenant, id))""").update();
        row("a", 1, State.OPEN, now.minusSeconds(30));
        row("a", 2, State.WAITING, now.minusSeconds(20));
        row("b", 1, State.OPEN, now.minusSeconds(10));
        row("b", 2, State.DONE, now.minusSeconds(40));
        row("c", 1, State.OPEN, now.plusSeconds(60));
    }

    @Test
    void claimsTheOpenDueRowsOldestFirstAndPushesThemALeaseAhead() {
        List<String> claimed = CLAIM.claim(jdbc, now, 2, Duration.ofMinutes(5), (rs, i) -> key(rs));

        assertThat(claimed).containsExactly("a/1", "a/2");
        assertThat(dueAt("a", 1)).isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(claims("a", 1)).isOne();
        assertThat(CLAIM.claim(jdbc, now, 10, Duration.ofMinutes(5), (rs, i) -> key(rs)))
                .as("a claimed row is hidden until its lease ends; a DONE or not yet due row is never claimed")
                .containsExactly("b/1");
        assertThat(CLAIM.claim(jdbc, now.plus(Duration.ofMinutes(6)), 10, Duration.ofMinutes(5), (rs, i) -> key(rs)))
                .as("after the lease, and once due")
                .containsExactlyInAnyOrder("a/1", "a/2", "b/1", "c/1");
    }

    @Test
    void usesTheDatabaseClockWithoutAnApplicationInstant() {
        List<String> claimed = CLAIM.claim(jdbc, null, 10, Duration.ofSeconds(90), (rs, i) -> key(rs));

        assertThat(claimed).containsExactlyInAnyOrder("a/1", "a/2", "b/1");
        assertThat(dueAt("a", 1)).isBetween(now.plusSeconds(80), now.plusSeconds(100));
    }

    @Test
    void skipsRowsAnotherInstanceIsClaimingInsteadOfWaitingForThem() throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = Thread.ofVirtual()
                .start(() -> transactions.executeWithoutResult(status -> {
                    jdbc.sql("select * from janitor_claim_test where tenant = 'a' and id = 1 for update")
                            .query()
                            .listOfRows();
                    locked.countDown();
                    await(release);
                }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        List<String> claimed = CLAIM.claim(jdbc, now, 10, Duration.ofMinutes(5), (rs, i) -> key(rs));
        release.countDown();
        other.join(10_000);

        assertThat(claimed).containsExactlyInAnyOrder("a/2", "b/1");
    }

    @Test
    void refusesAnEmptyStateListAndANonPositiveLease() {
        assertThatThrownBy(() -> LeasedClaim.inList("state", List.<State>of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CLAIM.claim(jdbc, now, 10, Duration.ZERO, (rs, i) -> key(rs)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LeasedClaim.inList("state", List.of(State.OPEN, State.WAITING)))
                .isEqualTo("state in ('OPEN', 'WAITING')");
    }

    private void row(String tenant, int id, State state, Instant dueAt) {
        jdbc.sql("insert into janitor_claim_test (tenant, id, state, due_at) values (?, ?, ?, ?)")
                .params(tenant, id, state.name(), Timestamp.from(dueAt))
                .update();
    }

    private Instant dueAt(String tenant, int id) {
        return jdbc.sql("select due_at from janitor_claim_test where tenant = ? and id = ?")
                .params(tenant, id)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    private int claims(String tenant, int id) {
        return jdbc.sql("select claims from janitor_claim_test where tenant = ? and id = ?")
                .params(tenant, id)
                .query(Integer.class)
                .single();
    }

    private static String key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getString("tenant") + "/" + rs.getInt("id");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

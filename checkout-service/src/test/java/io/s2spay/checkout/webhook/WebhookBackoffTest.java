package io.s2spay.checkout.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

    final WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(10), 2.0, Duration.ofHours(1));

    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(100_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void retriesForTheWholeWindowWithALastAttemptAtItsEndThenGivesUp() {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        Instant giveUpAt = created.plus(Duration.ofDays(3));
        Instant now = created;
        int attempts = 0;
        while (true) {
            attempts++;
            var next = backoff.nextAttempt(now, attempts, giveUpAt);
            if (next.isEmpty()) {
                break;
            }
            assertThat(next.get()).isAfter(now).isBeforeOrEqualTo(giveUpAt);
            now = next.get();
        }
        assertThat(now).isEqualTo(giveUpAt);
        // 10 s doubling to 1 h, then hourly for 3 days
        assertThat(attempts).isBetween(75, 85);
    }
}

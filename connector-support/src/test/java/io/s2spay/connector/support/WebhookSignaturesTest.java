package io.s2spay.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

    @Test
    void signsTheTimestampADotAndTheBodyWithHmacSha256() {
        // python3: hmac.new(b'secret', b'1800000000.{"type":"x"}', hashlib.sha256).hexdigest()
        assertThat(HexFormat.of().formatHex(WebhookSignatures.hmacSha256("secret", "1800000000", "{\"type\":\"x\"}")))
                .isEqualTo("9318ce4fbe6a7e1be27c7114bca93da9c29f7666e2f6cb3cc2c595f3027235fa");
    }

    @Test
    void aSignatureMatchesOnlyItself() {
        byte[] signature = WebhookSignatures.hmacSha256("secret", "1800000000", "{\"type\":\"x\"}");
        assertThat(WebhookSignatures.same(signature, signature.clone())).isTrue();
        assertThat(WebhookSignatures.same(
                        signature, WebhookSignatures.hmacSha256("other", "1800000000", "{\"type\":\"x\"}")))
                .isFalse();
        assertThat(WebhookSignatures.same(
                        signature, WebhookSignatures.hmacSha256("secret", "1800000001", "{\"type\":\"x\"}")))
                .isFalse();
        assertThat(WebhookSignatures.same(signature, null)).isFalse();
    }

    @Test
    void aTimestampIsBelievedWithinTheToleranceEitherWay() {
        Duration tolerance = Duration.ofMinutes(5);
        assertThat(WebhookSignatures.withinTolerance(1_800_000_000L - 300, NOW, tolerance))
                .isTrue();
        assertThat(WebhookSignatures.withinTolerance(1_800_000_000L + 300, NOW, tolerance))
                .isTrue();
        assertThat(WebhookSignatures.withinTolerance(1_800_000_000L - 301, NOW, tolerance))
                .isFalse();
        assertThat(WebhookSignatures.withinTolerance(1_800_000_000L + 301, NOW, tolerance))
                .isFalse();
        assertThat(WebhookSignatures.age(1_800_000_000L - 42, NOW)).isEqualTo(Duration.ofSeconds(42));
    }
}

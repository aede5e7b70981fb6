package io.s2spay.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shared webhook delivery's settings and signature. */
class WebhookSettingsTest {

    @Test
    void unsetSettingsTakeTheirDefaults() {
        assertThat(WebhookSettings.DEFAULTS)
                .isEqualTo(new WebhookSettings(
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(5),
                        0,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10)));
    }

    @Test
    void theBackoffDoublesAfterEachAttemptUpToTheMaximum() {
        WebhookSettings settings = new WebhookSettings(Duration.ofMillis(100), Duration.ofSeconds(1), null, null, null);
        assertThat(settings.backoff(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(1_000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void signsTheTimestampADotAndTheBody() {
        // python3: hmac.new(b'secret', b'1800000000.{"type":"x"}', hashlib.sha256).hexdigest()
        assertThat(WebhookSignature.hmacSha256Hex("secret", 1_800_000_000L, "{\"type\":\"x\"}"))
                .isEqualTo("9318ce4fbe6a7e1be27c7114bca93da9c29f7666e2f6cb3cc2c595f3027235fa");
    }
}

package io.s2spay.checkout.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    final WebhookSecrets secrets = WebhookSecrets.withKey("7e5yCAqiisMSxqxVnsymH7jPm9QQOojIa9xBr0x6xV4=");

    @Test
    void makesRandomWhsecSecretsOf32Bytes() {
        String one = secrets.newSecret();
        assertThat(one).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(secrets.newSecret()).isNotEqualTo(one);
    }

    @Test
    void encryptsSoThatOnlyTheSameEndpointDecrypts() {
        String secret = secrets.newSecret();
        byte[] stored = secrets.encryptSecret(secret, "we_1");

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6));
        assertThat(secrets.decryptSecret(stored, "we_1")).isEqualTo(secret);
        assertThat(secrets.encryptSecret(secret, "we_1")).isNotEqualTo(stored);
        assertThatThrownBy(() -> secrets.decryptSecret(stored, "we_2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WebhookSecrets.withKey("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}

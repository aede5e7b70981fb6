package io.s2spay.sandbox.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** OPP's webhook encryption: AES-256-GCM, hex ciphertext without the tag, IV and tag apart. */
class NotificationCipherTest {

    private static final byte[] KEY =
            HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");

    @Test
    void encryptsToHexPartsThatDecryptBack() throws Exception {
        String json = "{\"type\":\"PAYMENT\",\"payload\":{\"id\":\"x\"}}";

        NotificationCipher.Encrypted encrypted = NotificationCipher.encrypt(KEY, json);

        assertThat(encrypted.body()).matches("[0-9A-F]+").hasSize(json.length() * 2);
        assertThat(encrypted.initializationVector()).matches("[0-9A-F]{24}");
        assertThat(encrypted.authenticationTag()).matches("[0-9A-F]{32}");
        assertThat(NotificationCipher.decrypt(
                        KEY, encrypted.body(), encrypted.initializationVector(), encrypted.authenticationTag()))
                .isEqualTo(json);
    }

    @Test
    void usesAFreshInitializationVectorEachTime() {
        assertThat(NotificationCipher.encrypt(KEY, "same").initializationVector())
                .isNotEqualTo(NotificationCipher.encrypt(KEY, "same").initializationVector());
    }

    @Test
    void refusesATamperedTag() {
        NotificationCipher.Encrypted encrypted = NotificationCipher.encrypt(KEY, "{}");
        String tag = encrypted.authenticationTag();
        String tampered = (tag.charAt(0) == '0' ? "1" : "0") + tag.substring(1);

        assertThatThrownBy(() ->
                        NotificationCipher.decrypt(KEY, encrypted.body(), encrypted.initializationVector(), tampered))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void refusesAnotherKey() {
        NotificationCipher.Encrypted encrypted = NotificationCipher.encrypt(KEY, "{}");
        byte[] other = KEY.clone();
        other[0] = 9;

        assertThatThrownBy(() -> NotificationCipher.decrypt(
                        other, encrypted.body(), encrypted.initializationVector(), encrypted.authenticationTag()))
                .isInstanceOf(AEADBadTagException.class);
    }
}

package io.s2spay.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardCipherTest {

    private static final String KEY_1 = key(1);
    private static final String KEY_2 = key(2);

    private final CardCipher cipher = new CardCipher("k1", KEY_1, Map.of());

    @Test
    void decryptsWhatItEncrypted() {
        byte[] sealed = cipher.encrypt("4200000000000000", "card_1", "merchant-a", "number");

        assertThat(cipher.decrypt("k1", sealed, "card_1", "merchant-a", "number"))
                .isEqualTo("4200000000000000");
    }

    @Test
    void sealedValueHasVersionIvAndTagAndNoPlaintext() {
        byte[] sealed = cipher.encrypt("4200000000000000", "card_1", "merchant-a", "number");

        assertThat(sealed).hasSize(1 + 12 + 16 + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("4200000000000000");
    }

    @Test
    void usesAFreshIvForEveryValue() {
        byte[] first = cipher.encrypt("123", "card_1", "merchant-a", "cvv");
        byte[] second = cipher.encrypt("123", "card_1", "merchant-a", "cvv");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void rejectsATamperedCiphertext() {
        byte[] sealed = cipher.encrypt("4200000000000000", "card_1", "merchant-a", "number");
        sealed[20] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt("k1", sealed, "card_1", "merchant-a", "number"))
                .isInstanceOf(CardVaultException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void rejectsATamperedIv() {
        byte[] sealed = cipher.encrypt("4200000000000000", "card_1", "merchant-a", "number");
        sealed[3] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt("k1", sealed, "card_1", "merchant-a", "number"))
                .isInstanceOf(CardVaultException.class);
    }

    @Test
    void rejectsATruncatedCiphertext() {
        byte[] sealed = cipher.encrypt("4200000000000000", "card_1", "merchant-a", "number");
        byte[] truncated = java.util.Arrays.copyOf(sealed, 20);

        assertThatThrownBy(() -> cipher.decrypt("k1", truncated, "card_1", "merchant-a", "number"))
                .isInstanceOf(CardVaultException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void rejectsACiphertextMovedToAnotherCard() {
        byte[] sealed = cipher.encrypt("4200000000000000", "card_1", "merchant-a", "number");

        assertThatThrownBy(() -> cipher.decrypt("k1", sealed, "card_2", "merchant-a", "number"))
                .isInstanceOf(CardVaultException.class);
    }

    @Test
    void rejectsACiphertextMovedToAnotherMerchant() {
        byte[] sealed = cipher.encrypt("4200000000000000", "card_1", "merchant-a", "number");

        assertThatThrownBy(() -> cipher.decrypt("k1", sealed, "card_1", "merchant-b", "number"))
                .isInstanceOf(CardVaultException.class);
    }

    @Test
    void rejectsACiphertextMovedToAnotherField() {
        byte[] sealed = cipher.encrypt("123", "card_1", "merchant-a", "cvv");

        assertThatThrownBy(() -> cipher.decrypt("k1", sealed, "card_1", "merchant-a", "holder"))
                .isInstanceOf(CardVaultException.class);
    }

    @Test
    void rejectsTheWrongKey() {
        byte[] sealed = cipher.encrypt("4200000000000000", "card_1", "merchant-a", "number");
        CardCipher otherKeyUnderSameId = new CardCipher("k1", KEY_2, Map.of());

        assertThatThrownBy(() -> otherKeyUnderSameId.decrypt("k1", sealed, "card_1", "merchant-a", "number"))
                .isInstanceOf(CardVaultException.class);
    }

    @Test
    void rejectsAnUnknownKeyId() {
        byte[] sealed = cipher.encrypt("4200000000000000", "card_1", "merchant-a", "number");

        assertThatThrownBy(() -> cipher.decrypt("k9", sealed, "card_1", "merchant-a", "number"))
                .isInstanceOf(CardVaultException.class)
                .hasMessageContaining("'k9'");
    }

    @Test
    void decryptsWithARetiredKeyAfterRotation() {
        byte[] sealedBeforeRotation = cipher.encrypt("5454545454545454", "card_1", "merchant-a", "number");
        CardCipher rotated = new CardCipher("k2", KEY_2, Map.of("k1", KEY_1));

        assertThat(rotated.currentKeyId()).isEqualTo("k2");
        assertThat(rotated.decrypt("k1", sealedBeforeRotation, "card_1", "merchant-a", "number"))
                .isEqualTo("5454545454545454");
        byte[] sealedAfterRotation = rotated.encrypt("5454545454545454", "card_2", "merchant-a", "number");
        assertThat(rotated.decrypt("k2", sealedAfterRotation, "card_2", "merchant-a", "number"))
                .isEqualTo("5454545454545454");
    }

    @Test
    void refusesAKeyThatIsNotTwoHundredFiftySixBits() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new CardCipher("k1", shortKey, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void refusesAKeyThatIsNotBase64() {
        assertThatThrownBy(() -> new CardCipher("k1", "not base64!", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void refusesAMissingKey() {
        assertThatThrownBy(() -> new CardCipher("k1", "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s2spay.vault.encryption-key");
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}

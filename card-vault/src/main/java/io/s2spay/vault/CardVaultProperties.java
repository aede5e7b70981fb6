package io.s2spay.vault;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the card vault ({@code s2spay.vault.*}); the vault is active when an encryption key is set.
 *
 * @param encryptionKey base64 of the 32-byte AES key new cards are encrypted with
 * @param keyId the id stored with each card encrypted by {@code encryptionKey}
 * @param retiredKeys earlier keys by id, still used to decrypt cards stored before a rotation
 * @param migrate whether this application migrates the {@code vault} schema at start-up
 */
@ConfigurationProperties("s2spay.vault")
public record CardVaultProperties(
        String encryptionKey,
        @DefaultValue("k1") String keyId,
        Map<String, String> retiredKeys,
        @DefaultValue("true") boolean migrate) {

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "CardVaultProperties[keyId=" + keyId + ", retiredKeyIds="
                + (retiredKeys == null ? "[]" : retiredKeys.keySet()) + ", migrate=" + migrate + "]";
    }
}

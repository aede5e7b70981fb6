package io.s2spay.vault;

import java.time.Duration;
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
 * @param securityCodeRetention security codes of cards stored longer ago than this are erased even when no
 *        authorization completed (a rejected command, a payment never executed); must outlast the executor's
 *        {@code s2spay.executor.recovery.resubmit-within}, which resends with the security code
 * @param securityCodeErasure the job that erases them
 */
@ConfigurationProperties("s2spay.vault")
public record CardVaultProperties(
        String encryptionKey,
        @DefaultValue("k1") String keyId,
        Map<String, String> retiredKeys,
        @DefaultValue("true") boolean migrate,
        @DefaultValue("1h") Duration securityCodeRetention,
        @DefaultValue SecurityCodeErasure securityCodeErasure) {

    public CardVaultProperties {
        if (securityCodeRetention.isZero() || securityCodeRetention.isNegative()) {
            throw new IllegalArgumentException("s2spay.vault.security-code-retention must be positive");
        }
    }

    /**
     * @param enabled  whether this application runs the erasure (idempotent, so several services may)
     * @param interval pause between two runs: a security code lives at most retention + interval
     */
    public record SecurityCodeErasure(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("15m") Duration interval) {

        public SecurityCodeErasure {
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("s2spay.vault.security-code-erasure.interval must be positive");
            }
        }
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "CardVaultProperties[keyId=" + keyId + ", retiredKeyIds="
                + (retiredKeys == null ? "[]" : retiredKeys.keySet()) + ", migrate=" + migrate
                + ", securityCodeRetention=" + securityCodeRetention + ", securityCodeErasure=" + securityCodeErasure
                + "]";
    }
}

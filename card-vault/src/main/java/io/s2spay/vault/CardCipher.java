package io.s2spay.vault;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of one card field, bound to its row and field by the associated data so
 * that a ciphertext copied into another row, merchant or column fails to decrypt.
 *
 * <p>Sealed format: {@code version(1) | iv(12) | ciphertext+tag(16)}. New values use the current key;
 * retired keys stay available for decryption so keys can be rotated without rewriting the table.
 */
final class CardCipher {

    private static final byte FORMAT_VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();

    CardCipher(String currentKeyId, String currentKeyBase64, Map<String, String> retiredKeysBase64) {
        if (currentKeyId == null || currentKeyId.isBlank()) {
            throw new IllegalArgumentException("s2spay.vault.key-id must not be blank");
        }
        this.currentKeyId = currentKeyId;
        keys.put(currentKeyId, decodeKey("s2spay.vault.encryption-key", currentKeyBase64));
        if (retiredKeysBase64 != null) {
            retiredKeysBase64.forEach((keyId, key) -> {
                if (keyId.equals(currentKeyId)) {
                    throw new IllegalArgumentException(
                            "s2spay.vault.retired-keys." + keyId + " has the id of the current key");
                }
                keys.put(keyId, decodeKey("s2spay.vault.retired-keys." + keyId, key));
            });
        }
    }

    String currentKeyId() {
        return currentKeyId;
    }

    /** Encrypts {@code plaintext} with the current key for {@code field} of card {@code vaultId}. */
    byte[] encrypt(String plaintext, String vaultId, String merchantId, String field) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(vaultId, merchantId, field));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + ciphertext.length)
                    .put(FORMAT_VERSION)
                    .put(iv)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available", e);
        }
    }

    /**
     * Decrypts a value sealed by {@link #encrypt} with key {@code keyId}.
     *
     * @throws CardVaultException when the key is unknown, or the value or its binding was altered
     */
    String decrypt(String keyId, byte[] sealed, String vaultId, String merchantId, String field) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new CardVaultException("card " + vaultId + " is encrypted with key '" + keyId
                    + "', which is neither s2spay.vault.key-id nor one of s2spay.vault.retired-keys");
        }
        if (sealed == null || sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_VERSION) {
            throw new CardVaultException("card " + vaultId + " has a malformed " + field + " ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(associatedData(vaultId, merchantId, field));
            byte[] plaintext = cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CardVaultException(
                    "card " + vaultId + ": " + field
                            + " failed authentication (tampered, moved from another row, or wrong key)",
                    e);
        } catch (GeneralSecurityException e) {
            throw new CardVaultException("card " + vaultId + ": " + field + " cannot be decrypted", e);
        }
    }

    /** Length-prefixed parts, so that no two different (vault, merchant, field) triples look alike. */
    private static byte[] associatedData(String vaultId, String merchantId, String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : new String[] {"s2spay-vault-v1", vaultId, merchantId, field}) {
            byte[] bytes = Objects.requireNonNull(part).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static SecretKey decodeKey(String property, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(property + " must be set to a base64-encoded 256-bit key");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(property + " must decode to 32 bytes (AES-256), not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}

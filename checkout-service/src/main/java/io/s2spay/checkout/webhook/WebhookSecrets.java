package io.s2spay.checkout.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Makes endpoint secrets ({@code whsec_} + 32 random bytes, base64url) and keeps them encrypted at rest with
 * AES-GCM; the associated data (the endpoint id) ties each ciphertext to its row, so a copied value does not
 * decrypt for another endpoint.
 */
@Component
class WebhookSecrets {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    @Autowired
    WebhookSecrets(WebhookProperties properties) {
        this.key = key(properties.secretEncryptionKey());
    }

    private WebhookSecrets(SecretKeySpec key) {
        this.key = key;
    }

    static WebhookSecrets withKey(String base64Key) {
        return new WebhookSecrets(key(base64Key));
    }

    private static SecretKeySpec key(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("s2spay.checkout.webhooks.secret-encryption-key is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("s2spay.checkout.webhooks.secret-encryption-key must be 32 bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    byte[] encrypt(byte[] plain, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    byte[] decrypt(byte[] stored, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored webhook secret cannot be decrypted with the configured key", e);
        }
    }

    byte[] encryptSecret(String secret, String endpointId) {
        return encrypt(secret.getBytes(StandardCharsets.UTF_8), endpointId);
    }

    String decryptSecret(byte[] stored, String endpointId) {
        return new String(decrypt(stored, endpointId), StandardCharsets.UTF_8);
    }
}

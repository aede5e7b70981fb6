package io.s2spay.sandbox.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * OPP's webhook encryption: AES-256-GCM with the merchant's 64-hex secret as key, a fresh 12-byte IV, a 128-bit
 * tag; the body is the hex ciphertext without the tag, the IV and the tag travel hex-encoded in the
 * {@code X-Initialization-Vector} and {@code X-Authentication-Tag} headers.
 */
public final class NotificationCipher {

    private static final int TAG_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A notification ready to send. */
    public record Encrypted(String body, String initializationVector, String authenticationTag) {}

    private NotificationCipher() {}

    public static Encrypted encrypt(byte[] key, String plaintext) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = Arrays.copyOfRange(sealed, 0, sealed.length - TAG_BYTES);
            byte[] tag = Arrays.copyOfRange(sealed, sealed.length - TAG_BYTES, sealed.length);
            return new Encrypted(HEX.formatHex(ciphertext), HEX.formatHex(iv), HEX.formatHex(tag));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** The documented decryption, as a merchant performs it; fails when anything was tampered with. */
    public static String decrypt(byte[] key, String body, String initializationVector, String authenticationTag)
            throws GeneralSecurityException {
        byte[] ciphertext = HexFormat.of().parseHex(body.trim());
        byte[] iv = HexFormat.of().parseHex(initializationVector.trim());
        byte[] tag = HexFormat.of().parseHex(authenticationTag.trim());
        byte[] sealed = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(tag.length * 8, iv));
        return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
    }
}

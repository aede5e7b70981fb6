package io.s2spay.connector.opp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * Decrypts and authenticates OPP webhooks: the body is hex-encoded AES-256-GCM ciphertext, the
 * {@code X-Initialization-Vector} and {@code X-Authentication-Tag} headers carry the IV and the 128-bit tag in hex,
 * and the key is the 64-hex-character secret of the merchant's OPP account. Thread-safe.
 */
public final class OppNotificationDecoder {

    private static final HexFormat HEX = HexFormat.of();
    private static final int TAG_BYTES = 16;

    private final SecretKeySpec key;

    /** A decoder for the webhook secret {@code secretHex} (64 hexadecimal characters). */
    public OppNotificationDecoder(String secretHex) {
        if (secretHex == null || !OppProperties.SECRET.matcher(secretHex).matches()) {
            throw new IllegalArgumentException("the OPP notification secret must be 64 hexadecimal characters");
        }
        this.key = new SecretKeySpec(HEX.parseHex(secretHex), "AES");
    }

    /**
     * The notification in {@code body}, verified with the authentication tag.
     *
     * @throws InvalidOppNotificationException when it is malformed, fails authentication or has no readable payload
     */
    public OppNotification decode(String body, String initializationVectorHeader, String authenticationTagHeader) {
        byte[] ciphertext = hex(body, "body");
        byte[] iv = hex(initializationVectorHeader, "X-Initialization-Vector header");
        byte[] tag = hex(authenticationTagHeader, "X-Authentication-Tag header");
        if (iv.length < 12 || iv.length > 16) {
            throw new InvalidOppNotificationException(
                    InvalidOppNotificationException.Reason.MALFORMED,
                    "X-Initialization-Vector must be 12 to 16 bytes, was " + iv.length);
        }
        if (tag.length != TAG_BYTES) {
            throw new InvalidOppNotificationException(
                    InvalidOppNotificationException.Reason.MALFORMED,
                    "X-Authentication-Tag must be 16 bytes, was " + tag.length);
        }
        byte[] sealed = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
            plaintext = cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new InvalidOppNotificationException(
                    InvalidOppNotificationException.Reason.AUTHENTICATION_FAILED,
                    "notification failed authentication: tampered with, or not encrypted with this account's secret",
                    e);
        } catch (GeneralSecurityException e) {
            throw new InvalidOppNotificationException(
                    InvalidOppNotificationException.Reason.MALFORMED,
                    "notification could not be decrypted: " + e.getMessage(),
                    e);
        }
        return read(new String(plaintext, StandardCharsets.UTF_8));
    }

    private static OppNotification read(String json) {
        JsonNode document = OppResponses.parse(json);
        if (document == null) {
            throw new InvalidOppNotificationException(
                    InvalidOppNotificationException.Reason.UNREADABLE_PAYLOAD,
                    "decrypted notification is not a JSON object");
        }
        String type = OppResponses.text(document, "type");
        JsonNode payload = document.get("payload");
        if (type == null || payload == null || !payload.isObject()) {
            throw new InvalidOppNotificationException(
                    InvalidOppNotificationException.Reason.UNREADABLE_PAYLOAD,
                    "decrypted notification has no type or no payload");
        }
        return new OppNotification(
                type, OppResponses.transaction(payload, null), OppResponses.text(document, "action"));
    }

    private static byte[] hex(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidOppNotificationException(
                    InvalidOppNotificationException.Reason.MALFORMED, "notification " + what + " is missing");
        }
        try {
            return HEX.parseHex(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidOppNotificationException(
                    InvalidOppNotificationException.Reason.MALFORMED,
                    "notification " + what + " is not hexadecimal",
                    e);
        }
    }
}

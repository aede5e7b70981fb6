package io.s2spay.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The simulated APIs' webhook signature: HMAC-SHA256 over {@code timestamp + "." + body}, in hex. */
public final class WebhookSignature {

    private WebhookSignature() {}

    /** Hex HMAC-SHA256 with the secret's UTF-8 bytes over {@code timestamp + "." + body}. */
    public static String hmacSha256Hex(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

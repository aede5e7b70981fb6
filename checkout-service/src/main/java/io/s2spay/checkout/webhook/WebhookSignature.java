package io.s2spay.checkout.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code S2spay-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}, the
 * key being the UTF-8 bytes of the whole {@code whsec_…} secret (Stripe's scheme).
 */
final class WebhookSignature {

    static final String HEADER = "S2spay-Signature";

    private WebhookSignature() {}

    static String header(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + v1(secret, timestamp, body);
    }

    static String v1(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

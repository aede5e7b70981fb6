package io.s2spay.checkout.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The verification snippet of checkout-service/README.md, word for word, so that the tests run what merchants copy. */
final class ReadmeVerifier {

    private ReadmeVerifier() {}

    // --- README snippet starts
    static boolean verify(String secret, String signatureHeader, String rawBody, long nowEpochSeconds) {
        String t = null;
        String v1 = null;
        for (String part : signatureHeader.split(",")) {
            if (part.startsWith("t=")) t = part.substring(2);
            if (part.startsWith("v1=")) v1 = part.substring(3);
        }
        if (t == null || v1 == null) return false;
        if (Math.abs(nowEpochSeconds - Long.parseLong(t)) > 300) return false; // refuse replays older than 5 min
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + rawBody).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (Exception e) {
            return false;
        }
    }
    // --- README snippet ends
}

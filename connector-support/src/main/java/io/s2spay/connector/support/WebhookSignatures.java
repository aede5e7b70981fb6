package io.s2spay.connector.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The check of a webhook signed with HMAC-SHA256 over {@code timestamp + "." + raw body}: the signature computed, the
 * one received compared in constant time, and the signed timestamp held within a tolerance of now (so an old webhook
 * replayed is refused). Each connector reads its own headers and states its own refusals.
 */
public final class WebhookSignatures {

    private WebhookSignatures() {}

    /** HMAC-SHA256 with the UTF-8 bytes of {@code secret} over {@code timestamp + "." + body}. */
    public static byte[] hmacSha256(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether the two signatures are the same, compared in constant time. */
    public static boolean same(byte[] expected, byte[] received) {
        return received != null && MessageDigest.isEqual(expected, received);
    }

    /** How far the signed timestamp (Unix seconds) is from now, either way. */
    public static Duration age(long epochSeconds, Clock clock) {
        return Duration.between(Instant.ofEpochSecond(epochSeconds), clock.instant())
                .abs();
    }

    /** Whether the signed timestamp (Unix seconds) is within {@code tolerance} of now. */
    public static boolean withinTolerance(long epochSeconds, Clock clock, Duration tolerance) {
        return age(epochSeconds, clock).compareTo(tolerance) <= 0;
    }
}

package io.s2spay.checkout.payment;

import io.s2spay.checkout.web.InvalidRequestException;
import java.util.UUID;
import java.util.regex.Pattern;

/** The request headers every write of the API reads alike: {@code Idempotency-Key} and {@code X-Correlation-Id}. */
final class RequestHeaders {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestHeaders() {}

    /** Refuses a malformed {@code Idempotency-Key} (400); a missing one is fine. */
    static void checkIdempotencyKey(String key) {
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidRequestException(
                    "Idempotency-Key", "must be 1 to 255 printable ASCII characters without spaces");
        }
    }

    /** The caller's correlation id when it is well-formed (it goes into every message), else a new one. */
    static String correlationId(String header) {
        return header != null && CORRELATION_ID.matcher(header).matches()
                ? header
                : UUID.randomUUID().toString();
    }
}

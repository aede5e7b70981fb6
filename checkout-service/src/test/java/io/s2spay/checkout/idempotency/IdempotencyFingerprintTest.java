package io.s2spay.checkout.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.checkout.CheckoutProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyFingerprintTest {

    private static final byte[] BODY =
            "{\"amount\":\"92.00\",\"card\":{\"number\":\"4200000000000000\"}}".getBytes(StandardCharsets.UTF_8);

    private final IdempotencyStore store = store(key(1));

    @Test
    void sameRequestHasTheSameFingerprint() {
        assertThat(store.fingerprint("POST", "/v1/payments", BODY))
                .isEqualTo(store.fingerprint("POST", "/v1/payments", BODY.clone()))
                .hasSize(64);
    }

    @Test
    void anyDifferenceInBodyPathOrMethodChangesTheFingerprint() {
        String fingerprint = store.fingerprint("POST", "/v1/payments", BODY);
        byte[] otherBody = new String(BODY, StandardCharsets.UTF_8)
                .replace("92.00", "92.01")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(store.fingerprint("POST", "/v1/payments", otherBody)).isNotEqualTo(fingerprint);
        assertThat(store.fingerprint("POST", "/v1/refunds", BODY)).isNotEqualTo(fingerprint);
        assertThat(store.fingerprint("PUT", "/v1/payments", BODY)).isNotEqualTo(fingerprint);
    }

    @Test
    void aRetryFormattedDifferentlyIsTheSameRequest() {
        byte[] reformatted = """
                {
                  "card": { "number": "4200000000000000" },
                  "amount": "92.00"
                }
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(store.fingerprint("POST", "/v1/payments", reformatted))
                .isEqualTo(store.fingerprint("POST", "/v1/payments", BODY));
    }

    @Test
    void aValueOfAnotherJsonTypeIsAnotherRequest() {
        byte[] numberAmount =
                "{\"amount\":92.00,\"card\":{\"number\":\"4200000000000000\"}}".getBytes(StandardCharsets.UTF_8);

        assertThat(store.fingerprint("POST", "/v1/payments", numberAmount))
                .isNotEqualTo(store.fingerprint("POST", "/v1/payments", BODY));
    }

    @Test
    void fingerprintIsKeyedSoItCannotBeRecomputedWithoutTheSecret() {
        assertThat(store(key(2)).fingerprint("POST", "/v1/payments", BODY))
                .isNotEqualTo(store.fingerprint("POST", "/v1/payments", BODY));
    }

    @Test
    void refusesAShortFingerprintKey() {
        assertThatThrownBy(() -> store(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    private static IdempotencyStore store(String key) {
        return new IdempotencyStore(
                new org.springframework.jdbc.datasource.SimpleDriverDataSource(),
                Clock.systemUTC(),
                new CheckoutProperties(
                        Duration.ofSeconds(5),
                        Map.of(),
                        new CheckoutProperties.Idempotency(Duration.ofHours(24), key, Duration.ofSeconds(10)),
                        new CheckoutProperties.ReadModel(true, 3),
                        "http://127.0.0.1:8080",
                        new CheckoutProperties.ShopperReturn("unused", Duration.ofSeconds(5))));
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return Base64.getEncoder().encodeToString(key);
    }
}

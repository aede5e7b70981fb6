package io.s2spay.checkout.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.checkout.CheckoutProperties;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MerchantAuthenticatorTest {

    private final MerchantAuthenticator authenticator = new MerchantAuthenticator(new CheckoutProperties(
            Duration.ofSeconds(5),
            Map.of(
                    "merchant-demo",
                    merchant("sk_test_s2spay_demo_0001"),
                    "merchant-other",
                    merchant("sk_test_s2spay_other_0002")),
            new CheckoutProperties.Idempotency(Duration.ofHours(24), "unused", Duration.ofSeconds(10)),
            new CheckoutProperties.ReadModel(true, 3),
            "http://127.0.0.1:8080",
            new CheckoutProperties.ShopperReturn("unused", Duration.ofSeconds(5))));

    @Test
    void findsTheMerchantOfABearerKey() {
        assertThat(authenticator.authenticate("Bearer sk_test_s2spay_demo_0001"))
                .contains(new AuthenticatedMerchant("merchant-demo"));
        assertThat(authenticator.authenticate("Bearer sk_test_s2spay_other_0002"))
                .contains(new AuthenticatedMerchant("merchant-other"));
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        assertThat(authenticator.authenticate("bearer sk_test_s2spay_demo_0001"))
                .contains(new AuthenticatedMerchant("merchant-demo"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "Bearer ",
                "Bearer sk_test_s2spay_demo_0002",
                "Basic c2tfdGVzdA==",
                "sk_test_s2spay_demo_0001",
                "Bearer sk_test_s2spay_demo_0001x",
                "Bearer SK_TEST_S2SPAY_DEMO_0001"
            })
    void refusesAMissingWrongOrMalformedKey(String header) {
        assertThat(authenticator.authenticate(header)).isEmpty();
    }

    @Test
    void acceptsUpperCaseHexDigestsInConfiguration() {
        MerchantAuthenticator upper = new MerchantAuthenticator(new CheckoutProperties(
                Duration.ofSeconds(5),
                Map.of(
                        "m",
                        new CheckoutProperties.Merchant(
                                HexFormat.of().withUpperCase().formatHex(MerchantAuthenticator.sha256("key-1")))),
                new CheckoutProperties.Idempotency(Duration.ofHours(24), "unused", Duration.ofSeconds(10)),
                new CheckoutProperties.ReadModel(true, 3),
                "http://127.0.0.1:8080",
                new CheckoutProperties.ShopperReturn("unused", Duration.ofSeconds(5))));

        assertThat(upper.authenticate("Bearer key-1")).contains(new AuthenticatedMerchant("m"));
    }

    private static CheckoutProperties.Merchant merchant(String key) {
        return new CheckoutProperties.Merchant(HexFormat.of().formatHex(MerchantAuthenticator.sha256(key)));
    }
}

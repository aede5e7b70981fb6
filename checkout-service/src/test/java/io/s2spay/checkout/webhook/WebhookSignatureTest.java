package io.s2spay.checkout.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String SECRET = "whsec_test_secret";
    static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"payment.captured\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithTheWholeSecretAsKey() {
        // the README's shell check, run once: printf '%s' '1733400000.<body>' | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(WebhookSignature.header(SECRET, 1733400000L, BODY))
                .isEqualTo("t=1733400000,v1=dc873d4a59c0222f212a21950caa49a4b9244b952897246a56d64bc33e75f2bb");
    }

    @Test
    void theReadmeVerifierAcceptsTheSignatureAndRefusesAChangedBodyOrAnOldTimestamp() {
        String header = WebhookSignature.header(SECRET, 1733400000L, BODY);
        String body = new String(BODY, StandardCharsets.UTF_8);

        assertThat(ReadmeVerifier.verify(SECRET, header, body, 1733400000L + 60)).isTrue();
        assertThat(ReadmeVerifier.verify(SECRET, header, body.replace("captured", "refunded"), 1733400000L)).isFalse();
        assertThat(ReadmeVerifier.verify("whsec_other", header, body, 1733400000L)).isFalse();
        assertThat(ReadmeVerifier.verify(SECRET, header, body, 1733400000L + 301)).isFalse();
        assertThat(ReadmeVerifier.verify(SECRET, "t=1733400000", body, 1733400000L)).isFalse();
    }
}

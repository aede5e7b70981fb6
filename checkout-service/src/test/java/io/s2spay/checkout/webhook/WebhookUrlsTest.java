package io.s2spay.checkout.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    @Test
    void acceptsHttpsUrls() {
        assertThat(WebhookUrls.problem("https://shop.example/hooks?x=1", false)).isEmpty();
        assertThat(WebhookUrls.problem("https://shop.example:8443/s2spay", false))
                .isEmpty();
    }

    @Test
    void acceptsHttpOnlyOnLoopbackHostsAndOnlyWhenAllowed() {
        assertThat(WebhookUrls.problem("http://127.0.0.1:9000/hooks", true)).isEmpty();
        assertThat(WebhookUrls.problem("http://localhost/hooks", true)).isEmpty();
        assertThat(WebhookUrls.problem("http://[::1]:9000/hooks", true)).isEmpty();
        assertThat(WebhookUrls.problem("http://127.0.0.1:9000/hooks", false)).contains("must use https");
        assertThat(WebhookUrls.problem("http://shop.example/hooks", true))
                .hasValueSatisfying(problem -> assertThat(problem).contains("https"));
        assertThat(WebhookUrls.problem("http://127.0.0.1.shop.example/hooks", true))
                .isPresent();
        assertThat(WebhookUrls.problem("http://127.0.0.256/hooks", true)).isPresent();
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpsUrlWithAHost() {
        assertThat(WebhookUrls.problem(null, false)).contains("is required");
        assertThat(WebhookUrls.problem(" ", false)).contains("is required");
        assertThat(WebhookUrls.problem("shop.example/hooks", false)).isPresent();
        assertThat(WebhookUrls.problem("ftp://shop.example/hooks", false)).contains("must use https");
        assertThat(WebhookUrls.problem("https:///hooks", false)).isPresent();
        assertThat(WebhookUrls.problem("https://user:pw@shop.example/hooks", false))
                .contains("must not contain user information");
        assertThat(WebhookUrls.problem("https://shop.example/hooks#x", false)).contains("must not contain a fragment");
        assertThat(WebhookUrls.problem("https://shop.example/ hooks", false)).contains("is not a valid URL");
        assertThat(WebhookUrls.problem("https://shop.example/" + "a".repeat(2100), false))
                .isPresent();
    }
}

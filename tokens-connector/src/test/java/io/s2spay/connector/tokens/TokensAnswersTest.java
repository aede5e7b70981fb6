package io.s2spay.connector.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.connector.support.WebhookSignatures;
import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.InvalidNotificationException;
import io.s2spay.gateway.NotificationMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's words in s2spay's: result codes, webhook signatures, and the configuration's validation. */
class TokensAnswersTest {

    private static final TokensProperties.Account ACCOUNT =
            new TokensProperties.Account("pk_test_a", "sk_test_a", "whsec_test_a");
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final TokensNotifications DECODER =
            new TokensNotifications(Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"data\":{\"object\":"
            + "{\"id\":\"pay_1\",\"status\":\"succeeded\",\"amount\":9200,\"currency\":\"eur\",\"reference\":\"r-1\","
            + "\"payment_method_id\":\"pm_1\",\"card\":{\"brand\":\"mastercard\",\"last4\":\"5454\"}}}}";

    private static NotificationMessage signed(String secret, long t, String body) {
        String v1 = HexFormat.of().formatHex(WebhookSignatures.hmacSha256(secret, String.valueOf(t), body));
        return new NotificationMessage(body, Map.of("signature", "t=" + t + ",v1=" + v1));
    }

    @Test
    void classifiesStatusesDeclinesAndFailures() {
        assertThat(TokensAnswers.classify("succeeded").outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(TokensAnswers.classify("requires_action").outcome()).isEqualTo(GatewayOutcome.PENDING);
        assertThat(TokensAnswers.classify("insufficient_funds").outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(TokensAnswers.classify("card_declined").outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(TokensAnswers.classify("authentication_expired").category()).isEqualTo("REJECTED_BY_3DS");
        assertThat(TokensAnswers.classify("processing_error").outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(TokensAnswers.classify("amount_too_large").outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(TokensAnswers.classify("something_new").outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(TokensAnswers.classify(null).outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(TokensAnswers.brand("mastercard")).isEqualTo("MASTER");
    }

    @Test
    void decodesAnAuthenticWebhook() {
        GatewayNotification notification = DECODER.decode(ACCOUNT, signed("whsec_test_a", NOW.getEpochSecond(), BODY));
        assertThat(notification.subject()).isEqualTo(GatewayNotification.Subject.PAYMENT);
        assertThat(notification.transaction().gatewayTransactionId()).isEqualTo("pay_1");
        assertThat(notification.transaction().storedCardId()).isEqualTo("pm_1");
        assertThat(notification.transaction().currency()).isEqualTo("EUR");
        assertThat(notification.transaction().paymentBrand()).isEqualTo("MASTER");
    }

    @Test
    void refusesTamperedWronglyKeyedStaleAndMalformedWebhooks() {
        long t = NOW.getEpochSecond();
        NotificationMessage good = signed("whsec_test_a", t, BODY);
        NotificationMessage tampered = new NotificationMessage(BODY.replace("9200", "1"), good.headers());
        assertReason(tampered, InvalidNotificationException.Reason.AUTHENTICATION_FAILED);
        assertReason(signed("whsec_other", t, BODY), InvalidNotificationException.Reason.AUTHENTICATION_FAILED);
        assertReason(signed("whsec_test_a", t - 301, BODY), InvalidNotificationException.Reason.AUTHENTICATION_FAILED);
        assertReason(new NotificationMessage(BODY, Map.of()), InvalidNotificationException.Reason.MALFORMED);
        assertReason(
                new NotificationMessage(BODY, Map.of("Signature", "t=1")),
                InvalidNotificationException.Reason.MALFORMED);
        assertReason(
                new NotificationMessage(BODY, Map.of("Signature", "t=x,v1=zz")),
                InvalidNotificationException.Reason.MALFORMED);
        assertReason(
                signed("whsec_test_a", t, "{\"type\":\"payment.succeeded\"}"),
                InvalidNotificationException.Reason.UNREADABLE_PAYLOAD);
    }

    private static void assertReason(NotificationMessage message, InvalidNotificationException.Reason reason) {
        assertThatThrownBy(() -> DECODER.decode(ACCOUNT, message))
                .isInstanceOfSatisfying(
                        InvalidNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void validatesTheConfigurationNamingTheProperty() {
        assertThatThrownBy(() -> TokensProperties.of(null, Map.of())).hasMessageContaining("s2spay.tokens.base-url");
        assertThatThrownBy(() -> TokensProperties.of("http://h/tokens-api", Map.of()))
                .hasMessageContaining("must end in \"/\"");
        assertThatThrownBy(() -> TokensProperties.of("ftp://h/", Map.of())).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> TokensProperties.of(
                        "http://h/", Map.of("a", new TokensProperties.Account("sk_x", "sk_y", "w"))))
                .hasMessageContaining("s2spay.tokens.accounts.a.publishable-key");
        assertThatThrownBy(() -> TokensProperties.of(
                        "http://h/", Map.of("a", new TokensProperties.Account("pk_x", "pk_y", "w"))))
                .hasMessageContaining("s2spay.tokens.accounts.a.secret-key");
        assertThatThrownBy(() -> TokensProperties.of(
                        "http://h/", Map.of("a", new TokensProperties.Account("pk_x", "sk_y", " "))))
                .hasMessageContaining("s2spay.tokens.accounts.a.webhook-secret");
        assertThatThrownBy(() -> TokensProperties.of("http://h/", Map.of()).withTimeouts(Duration.ZERO, null))
                .hasMessageContaining("s2spay.tokens.connect-timeout");
        assertThat(new TokensProperties.Account("pk_x", "sk_secret", "whsec").toString())
                .doesNotContain("sk_secret");
    }

    @Test
    void theDeadlinesCoverEveryCallAndResend() {
        TokensProperties settings = TokensProperties.of("http://h/", Map.of());
        assertThat(TokensDeadlines.call(settings)).isEqualTo(Duration.ofSeconds(12));
        assertThat(TokensDeadlines.longestSubmission(settings))
                .isGreaterThan(TokensDeadlines.longestResolution(settings).multipliedBy(2));
    }
}

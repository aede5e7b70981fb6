package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.connector.opp.OppGateway;
import io.s2spay.connector.opp.OppGatewayClient;
import io.s2spay.connector.opp.OppNotificationDecoders;
import io.s2spay.connector.opp.OppProperties;
import io.s2spay.connector.orders.OrdersGateway;
import io.s2spay.connector.orders.OrdersProperties;
import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.connector.tokens.TokensGateway;
import io.s2spay.connector.tokens.TokensProperties;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.vault.CardVaultProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StuckAttemptRecoveryTest {

    /** The connector settings of payment-executor.yml: 2 s + 10 s per call, 4 queries from 250 ms, one resend. */
    private static final OppProperties CONNECTOR = OppProperties.of(
                    "http://127.0.0.1:8090/",
                    Map.of("merchant-demo", new OppProperties.Account("entity", "token", null)),
                    null)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .withResolution(new ResolutionSettings(4, Duration.ofMillis(250), 2.0, 1));

    private static ExecutorProperties.Recovery recovery(Duration lease) {
        return new ExecutorProperties.Recovery(true, Duration.ofSeconds(10), 20, lease, Duration.ofMinutes(10));
    }

    private static Duration longestRecovery() {
        return SingleGateway.of(
                        new OppGateway(new OppGatewayClient(CONNECTOR), new OppNotificationDecoders(CONNECTOR)),
                        new ExecutorProperties(null, Duration.ofMinutes(3), null))
                .longestRecovery();
    }

    @Test
    void refusesToStartWithTheFormerTwoMinuteLease() {
        assertThatThrownBy(() -> StuckAttemptRecovery.requireLeaseBeyondLongestRecovery(
                        recovery(Duration.ofMinutes(2)), longestRecovery()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s2spay.executor.recovery.lease (PT2M)")
                .hasMessageContaining("PT3M5.75S");
    }

    @Test
    void refusesALeaseEqualToTheLongestRecovery() {
        assertThatThrownBy(() -> StuckAttemptRecovery.requireLeaseBeyondLongestRecovery(
                        recovery(longestRecovery()), longestRecovery()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToStartWhenTheVaultErasesSecurityCodesBeforeResendsStop() {
        assertThatThrownBy(() -> StuckAttemptRecovery.requireSecurityCodesKeptForResubmission(
                        recovery(Duration.ofMinutes(5)), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s2spay.vault.security-code-retention (PT10M)")
                .hasMessageContaining("s2spay.executor.recovery.resubmit-within (PT10M)");
    }

    @Test
    void theDefaultSecurityCodeRetentionOutlastsTheDefaultResubmissionWindow() {
        MapConfigurationPropertySource none = new MapConfigurationPropertySource(Map.of());
        ExecutorProperties executor = new Binder(none).bindOrCreate("s2spay.executor", ExecutorProperties.class);
        CardVaultProperties vault = new Binder(none).bindOrCreate("s2spay.vault", CardVaultProperties.class);

        assertThatCode(() -> StuckAttemptRecovery.requireSecurityCodesKeptForResubmission(
                        executor.recovery(), vault.securityCodeRetention()))
                .doesNotThrowAnyException();
    }

    @Test
    void theDefaultLeaseOutlastsTheLongestRecoveryWithTheShippedConnectorSettings() {
        ExecutorProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("s2spay.executor", ExecutorProperties.class);

        assertThat(defaults.recovery().lease()).isEqualTo(Duration.ofMinutes(15));
        assertThatCode(() ->
                        StuckAttemptRecovery.requireLeaseBeyondLongestRecovery(defaults.recovery(), longestRecovery()))
                .doesNotThrowAnyException();
    }

    /**
     * The executor carries the tokens and orders connectors at run time: with their shipped settings (12 s per call,
     * five look-ups, one resend) an attempt's recovery takes longer than OPP's, and the default lease must outlast it
     * too, or an executor configured with one of them refuses to start.
     */
    @Test
    void theDefaultLeaseOutlastsTheLongestRecoveryOfTheTokensAndOrdersConnectorsShippedSettings() {
        ExecutorProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("s2spay.executor", ExecutorProperties.class);
        GatewayPort tokens = new TokensGateway(TokensProperties.of(
                "http://127.0.0.1:8090/tokens-api/",
                Map.of("shop-se", new TokensProperties.Account("pk_test_a", "sk_test_a", "whsec_test_a"))));
        GatewayPort orders = new OrdersGateway(OrdersProperties.of(
                "http://127.0.0.1:8090/orders-api/",
                Map.of(
                        "shop-se",
                        new OrdersProperties.Account(
                                "merchant-a", "key", "secret", "webhook-secret-0123456789", "TERM-SELF", "TERM-MIT"))));

        for (GatewayPort connector : java.util.List.of(tokens, orders)) {
            assertThatCode(() -> StuckAttemptRecovery.requireLeaseBeyondLongestRecovery(
                            defaults.recovery(), connector.deadlines().longestRecovery()))
                    .as(connector.getClass().getSimpleName())
                    .doesNotThrowAnyException();
        }
    }
}

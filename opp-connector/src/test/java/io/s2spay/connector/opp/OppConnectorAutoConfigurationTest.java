package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OppConnectorAutoConfigurationTest {

    private static final String SECRET = "a".repeat(64);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OppConnectorAutoConfiguration.class));

    @Test
    void staysOffWithoutABaseUrl() {
        runner.run(context -> assertThat(context)
                .doesNotHaveBean(OppGatewayClient.class)
                .doesNotHaveBean(OppNotificationDecoders.class));
    }

    @Test
    void bindsAccountsTimeoutsAndSecrets() {
        runner.withPropertyValues(
                        "s2spay.opp.base-url=http://127.0.0.1:8090/",
                        "s2spay.opp.connect-timeout=1500ms",
                        "s2spay.opp.read-timeout=7s",
                        "s2spay.opp.notification-secret=" + SECRET,
                        "s2spay.opp.accounts.merchant-a.entity-id=8a8294174b7ecb28014b9699220015ca",
                        "s2spay.opp.accounts.merchant-a.access-token=OGE4Mjk0MTc0YjdlY2IyODAxNGI5Njk5MjIwMDE1Y2N8c3k2S0pzVDg=",
                        "s2spay.opp.accounts.merchant-b.entity-id=entity-b",
                        "s2spay.opp.accounts.merchant-b.access-token=token-b",
                        "s2spay.opp.accounts.merchant-b.notification-secret=" + "b".repeat(64),
                        "s2spay.opp.circuit-breaker.failure-rate-threshold=25",
                        "s2spay.opp.resolution.max-queries=3")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OppGatewayClient.class);
                    OppProperties properties =
                            context.getBean(OppGatewayClient.class).properties();
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(properties.account("merchant-a").entityId())
                            .isEqualTo("8a8294174b7ecb28014b9699220015ca");
                    assertThat(properties.notificationSecretFor("merchant-a")).isEqualTo(SECRET);
                    assertThat(properties.notificationSecretFor("merchant-b")).isEqualTo("b".repeat(64));
                    assertThat(properties.circuitBreaker().failureRateThreshold())
                            .isEqualTo(25);
                    assertThat(properties.circuitBreaker().slidingWindowSize()).isEqualTo(20);
                    assertThat(properties.resolution().maxQueries()).isEqualTo(3);
                    assertThat(properties.toString()).doesNotContain("OGE4Mjk0", SECRET);
                    assertThat(context.getBean(OppNotificationDecoders.class).forMerchant("merchant-b"))
                            .isNotNull();
                });
    }

    @Test
    void defaultsTimeouts() {
        runner.withPropertyValues("s2spay.opp.base-url=https://eu-test.oppwa.com/")
                .run(context -> {
                    OppProperties properties = context.getBean(OppProperties.class);
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
                });
    }

    @Test
    void failsAtStartupWhenTheBaseUrlDoesNotEndInASlash() {
        runner.withPropertyValues("s2spay.opp.base-url=https://eu-test.oppwa.com")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("s2spay.opp.base-url must end in \"/\"")
                            .hasMessageContaining("https://eu-test.oppwa.com/");
                });
    }

    @Test
    void failsAtStartupForAnIncompleteAccountOrABadSecret() {
        runner.withPropertyValues("s2spay.opp.base-url=http://127.0.0.1:8090/", "s2spay.opp.accounts.m1.entity-id=e")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("s2spay.opp.accounts.m1.access-token is required"));
        runner.withPropertyValues(
                        "s2spay.opp.base-url=http://127.0.0.1:8090/", "s2spay.opp.notification-secret=not-hex")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("64 hexadecimal characters"));
    }

    @Test
    void failsAtStartupWhenTwoMerchantsShareAGatewayEntityId() {
        // a merchantTransactionId clash on one shared OPP account would let one merchant adopt the other's payment
        runner.withPropertyValues(
                        "s2spay.opp.base-url=http://127.0.0.1:8090/",
                        "s2spay.opp.accounts.merchant-a.entity-id=8a8294174b7ecb28014b9699220015ca",
                        "s2spay.opp.accounts.merchant-a.access-token=token-a",
                        "s2spay.opp.accounts.merchant-c.entity-id=entity-c",
                        "s2spay.opp.accounts.merchant-c.access-token=token-c",
                        "s2spay.opp.accounts.merchant-b.entity-id= 8A8294174B7ECB28014B9699220015CA",
                        "s2spay.opp.accounts.merchant-b.access-token=token-b")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("s2spay.opp.accounts.merchant-a.entity-id")
                            .hasMessageContaining("s2spay.opp.accounts.merchant-b.entity-id")
                            .hasMessageNotContaining("merchant-c")
                            .hasMessageNotContaining("token-");
                });
    }

    @Test
    void acceptsMerchantsOnDistinctEntityIds() {
        OppProperties properties = OppProperties.of(
                "http://127.0.0.1:8090/",
                java.util.Map.of(
                        "merchant-a", new OppProperties.Account("entity-a", "token", null),
                        "merchant-b", new OppProperties.Account("entity-b", "token", null)),
                null);
        assertThat(properties.requireDistinctEntityIds()).isSameAs(properties);
    }

    @Test
    void registersItsCircuitBreakerInTheApplicationsResilience4jRegistry() {
        runner.withPropertyValues("s2spay.opp.base-url=http://127.0.0.1:8090/")
                .withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
                .run(context -> {
                    CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
                    assertThat(registry.find(OppGatewayClient.CIRCUIT_BREAKER_NAME))
                            .isPresent();
                    assertThat(context.getBean(OppGatewayClient.class).circuitBreaker())
                            .isSameAs(registry.find(OppGatewayClient.CIRCUIT_BREAKER_NAME)
                                    .orElseThrow());
                });
    }

    @Test
    void refusesAMerchantWithoutAccount() {
        OppProperties properties = OppProperties.of("http://127.0.0.1:8090/", java.util.Map.of(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> properties.account("nobody"))
                .isInstanceOf(UnknownOppAccountException.class)
                .hasMessageContaining("s2spay.opp.accounts.nobody");
    }
}

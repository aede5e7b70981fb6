package io.s2spay.connector.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.s2spay.gateway.GatewayPort;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration: off without a base URL, binds every property, refuses wrong values by name. */
class OrdersConnectorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrdersConnectorAutoConfiguration.class));

    private static final String[] ACCOUNT = {
        "s2spay.orders.accounts.shop-se.merchant-id=merchant-a",
        "s2spay.orders.accounts.shop-se.api-key=key-a",
        "s2spay.orders.accounts.shop-se.api-secret=secret-a",
        "s2spay.orders.accounts.shop-se.webhook-secret=webhook-secret-a",
        "s2spay.orders.accounts.shop-se.self-hosted-terminal-id=TERM-A-SELF",
        "s2spay.orders.accounts.shop-se.mit-terminal-id=TERM-A-MIT"
    };

    @Test
    void staysOffWithoutABaseUrl() {
        runner.withPropertyValues(ACCOUNT).run(context -> assertThat(context).doesNotHaveBean(OrdersGateway.class));
    }

    @Test
    void bindsTheAccountsTimeoutsAndResolution() {
        runner.withPropertyValues(ACCOUNT)
                .withPropertyValues(
                        "s2spay.orders.base-url=http://127.0.0.1:8090/orders-api/",
                        "s2spay.orders.read-timeout=7s",
                        "s2spay.orders.notification-tolerance=2m",
                        "s2spay.orders.circuit-breaker.failure-rate-threshold=25",
                        "s2spay.orders.resolution.max-queries=3")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OrdersGateway.class);
                    OrdersGateway gateway = context.getBean(OrdersGateway.class);
                    assertThat(context.getBean(GatewayPort.class).name()).isEqualTo("orders");
                    OrdersProperties properties = gateway.properties();
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.notificationTolerance()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(properties.account("shop-se").merchantId()).isEqualTo("merchant-a");
                    assertThat(properties.account("shop-se").mitTerminalId()).isEqualTo("TERM-A-MIT");
                    assertThat(properties.circuitBreaker().failureRateThreshold())
                            .isEqualTo(25);
                    assertThat(properties.resolution().maxQueries()).isEqualTo(3);
                    assertThat(properties.toString()).doesNotContain("secret-a", "key-a", "webhook-secret-a");
                    assertThat(gateway.hasAccount("shop-se")).isTrue();
                });
    }

    @Test
    void registersItsCircuitBreakerInTheApplicationsRegistry() {
        runner.withPropertyValues(ACCOUNT)
                .withPropertyValues("s2spay.orders.base-url=http://127.0.0.1:8090/orders-api/")
                .withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
                .run(context -> assertThat(
                                context.getBean(CircuitBreakerRegistry.class).find("orders-gateway"))
                        .isPresent());
    }

    @Test
    void refusesWrongValuesNamingTheProperty() {
        assertFails(
                "s2spay.orders.base-url must end in \"/\"", "s2spay.orders.base-url=http://127.0.0.1:8090/orders-api");
        assertFails("s2spay.orders.base-url must be an absolute http(s) URL", "s2spay.orders.base-url=ftp://host/");
        assertFails(
                "s2spay.orders.read-timeout must be positive",
                "s2spay.orders.base-url=http://127.0.0.1:8090/orders-api/",
                "s2spay.orders.read-timeout=0s");
        assertFails(
                "s2spay.orders.accounts.broken.api-secret is required",
                "s2spay.orders.base-url=http://127.0.0.1:8090/orders-api/",
                "s2spay.orders.accounts.broken.merchant-id=m",
                "s2spay.orders.accounts.broken.api-key=k",
                "s2spay.orders.accounts.broken.webhook-secret=w",
                "s2spay.orders.accounts.broken.self-hosted-terminal-id=t");
        assertFails(
                "s2spay.orders.circuit-breaker.failure-rate-threshold must be 1..100",
                "s2spay.orders.base-url=http://127.0.0.1:8090/orders-api/",
                "s2spay.orders.circuit-breaker.failure-rate-threshold=0");
        assertFails(
                "s2spay.orders.resolution",
                "s2spay.orders.base-url=http://127.0.0.1:8090/orders-api/",
                "s2spay.orders.resolution.max-queries=0");
    }

    private void assertFails(String message, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = cause; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(message);
        });
    }
}

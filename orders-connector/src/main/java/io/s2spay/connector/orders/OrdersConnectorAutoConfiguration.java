package io.s2spay.connector.orders;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the {@link OrdersGateway} from {@code s2spay.orders.*}, only when {@code s2spay.orders.base-url} is set,
 * beside any other gateway family (the services choose among them). With a Resilience4j
 * {@link CircuitBreakerRegistry} in the application the connector's circuit breaker is registered there.
 */
// after OPP's (named, not imported: a connector knows no other connector), whose OppGateway is conditional on no
// other GatewayPort bean yet: the two families must coexist until the services wire the choice
@AutoConfiguration(afterName = "io.s2spay.connector.opp.OppConnectorAutoConfiguration")
@ConditionalOnProperty(prefix = "s2spay.orders", name = "base-url")
@EnableConfigurationProperties(OrdersProperties.class)
public class OrdersConnectorAutoConfiguration {

    @Bean(destroyMethod = "close")
    OrdersGateway ordersGateway(OrdersProperties properties, ObjectProvider<CircuitBreakerRegistry> registries) {
        CircuitBreakerRegistry registry = registries.getIfAvailable();
        CircuitBreaker circuitBreaker = registry != null
                ? registry.circuitBreaker(
                        OrdersGateway.circuitBreakerName(), OrdersGateway.circuitBreakerConfig(properties))
                : OrdersGateway.defaultCircuitBreaker(properties);
        return new OrdersGateway(properties, circuitBreaker, builder -> {}, Clock.systemUTC());
    }
}

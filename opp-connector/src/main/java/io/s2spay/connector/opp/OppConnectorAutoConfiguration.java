package io.s2spay.connector.opp;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the {@link OppGatewayClient} and the webhook decoders from {@code s2spay.opp.*}, only when
 * {@code s2spay.opp.base-url} is set. When the application has a Resilience4j {@link CircuitBreakerRegistry}
 * (resilience4j-spring-boot4), the connector's circuit breaker is registered there, so its metrics and health show up.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "s2spay.opp", name = "base-url")
@EnableConfigurationProperties(OppProperties.class)
public class OppConnectorAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    OppGatewayClient oppGatewayClient(OppProperties properties, ObjectProvider<CircuitBreakerRegistry> registries) {
        properties.requireDistinctEntityIds();
        CircuitBreakerRegistry registry = registries.getIfAvailable();
        CircuitBreaker circuitBreaker = registry != null
                ? registry.circuitBreaker(
                        OppGatewayClient.CIRCUIT_BREAKER_NAME,
                        OppGatewayClient.circuitBreakerConfig(properties.circuitBreaker()))
                : CircuitBreaker.of(
                        OppGatewayClient.CIRCUIT_BREAKER_NAME,
                        OppGatewayClient.circuitBreakerConfig(properties.circuitBreaker()));
        return new OppGatewayClient(properties, circuitBreaker, builder -> {});
    }

    @Bean
    @ConditionalOnMissingBean
    OppNotificationDecoders oppNotificationDecoders(OppProperties properties) {
        return new OppNotificationDecoders(properties.requireDistinctEntityIds());
    }

    /**
     * OPP behind the gateway port: what the services use. Backed off only by another OPP adapter, not by any
     * {@code GatewayPort}: a service runs with one adapter per gateway family, side by side.
     */
    @Bean
    @ConditionalOnMissingBean(OppGateway.class)
    OppGateway oppGateway(OppGatewayClient client, OppNotificationDecoders decoders) {
        return new OppGateway(client, decoders);
    }
}

package io.s2spay.connector.tokens;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the {@link TokensGateway} from {@code s2spay.tokens.*}, only when {@code s2spay.tokens.base-url} is set,
 * beside any other gateway family (the application chooses among the port's beans). With a Resilience4j
 * {@link CircuitBreakerRegistry} in the application, the circuit breaker is registered there (metrics, health).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "s2spay.tokens", name = "base-url")
@EnableConfigurationProperties(TokensProperties.class)
public class TokensConnectorAutoConfiguration {

    @Bean(destroyMethod = "close")
    TokensGateway tokensGateway(TokensProperties properties, ObjectProvider<CircuitBreakerRegistry> registries) {
        CircuitBreakerRegistry registry = registries.getIfAvailable();
        CircuitBreaker circuitBreaker = registry != null
                ? registry.circuitBreaker(
                        TokensTransport.CIRCUIT_BREAKER_NAME,
                        properties.circuitBreaker().config())
                : CircuitBreaker.of(
                        TokensTransport.CIRCUIT_BREAKER_NAME,
                        properties.circuitBreaker().config());
        return new TokensGateway(properties, circuitBreaker);
    }
}

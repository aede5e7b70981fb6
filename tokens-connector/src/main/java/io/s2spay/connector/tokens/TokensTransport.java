package io.s2spay.connector.tokens;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.s2spay.connector.support.GatewayHttpTransport;
import io.s2spay.connector.support.HttpExchangeResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP exchange with the tokens API: the Bearer key and JSON bodies, sent through the shared
 * {@link GatewayHttpTransport} (timeouts, circuit breaker whose open state is a request not sent, a request never sent
 * told apart from an answer lost). Bodies are never logged: a token request carries card data.
 */
final class TokensTransport implements AutoCloseable {

    static final String CIRCUIT_BREAKER_NAME = "tokens-gateway";
    private static final Logger log = LoggerFactory.getLogger(TokensGateway.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final GatewayHttpTransport transport;

    TokensTransport(TokensProperties properties, CircuitBreaker circuitBreaker) {
        this.transport = new GatewayHttpTransport(
                URI.create(properties.baseUrl()),
                properties.connectTimeout(),
                properties.readTimeout(),
                circuitBreaker,
                "the gateway");
    }

    CircuitBreaker circuitBreaker() {
        return transport.circuitBreaker();
    }

    TokensExchange post(String key, String path, Object body) {
        return exchange(
                HttpRequest.newBuilder(transport.uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                MAPPER.writeValueAsString(body), StandardCharsets.UTF_8)),
                key,
                "POST " + path);
    }

    TokensExchange get(String key, String pathAndQuery) {
        return exchange(HttpRequest.newBuilder(transport.uri(pathAndQuery)).GET(), key, "GET " + pathAndQuery);
    }

    TokensExchange delete(String key, String path) {
        return exchange(HttpRequest.newBuilder(transport.uri(path)).DELETE(), key, "DELETE " + path);
    }

    private TokensExchange exchange(HttpRequest.Builder builder, String key, String description) {
        builder.header("Authorization", "Bearer " + key).header("Accept", "application/json");
        HttpExchangeResult result = transport.send(builder);
        TokensExchange exchange = switch (result.kind()) {
            case ANSWERED -> TokensExchange.answered(result.status(), json(result.body()));
            case NOT_SENT -> TokensExchange.notSent(result.reason());
            case NO_ANSWER -> TokensExchange.noAnswer(result.reason());
        };
        log.info("Tokens API {}: {} in {} ms", description, exchange.describe(), result.millis());
        return exchange;
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}

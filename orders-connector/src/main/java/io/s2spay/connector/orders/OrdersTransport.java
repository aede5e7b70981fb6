package io.s2spay.connector.orders;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.s2spay.connector.support.GatewayHttpTransport;
import io.s2spay.connector.support.HttpExchangeResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP exchange with the orders API: the account's three headers and JSON bodies, sent through the shared
 * {@link GatewayHttpTransport} (timeouts, circuit breaker, a request never sent told apart from an answer lost).
 * Request bodies are never logged (they carry card data). Every call returns an {@link OrdersExchange}; none throws
 * for a transport failure.
 */
final class OrdersTransport implements AutoCloseable {

    static final String CIRCUIT_BREAKER_NAME = "orders-gateway";
    private static final Logger log = LoggerFactory.getLogger(OrdersGateway.class);

    private final GatewayHttpTransport transport;
    private final Consumer<HttpRequest.Builder> requestCustomizer;

    OrdersTransport(
            OrdersProperties properties,
            CircuitBreaker circuitBreaker,
            Consumer<HttpRequest.Builder> requestCustomizer) {
        this.transport = new GatewayHttpTransport(
                URI.create(properties.baseUrl()),
                properties.connectTimeout(),
                properties.readTimeout(),
                circuitBreaker,
                "the orders API");
        this.requestCustomizer = Objects.requireNonNull(requestCustomizer);
    }

    CircuitBreaker circuitBreaker() {
        return transport.circuitBreaker();
    }

    OrdersExchange post(OrdersProperties.Account account, String path, String json, String description) {
        return exchange(
                HttpRequest.newBuilder(transport.uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                account,
                "POST " + description);
    }

    OrdersExchange get(OrdersProperties.Account account, String path, String description) {
        return exchange(HttpRequest.newBuilder(transport.uri(path)).GET(), account, "GET " + description);
    }

    OrdersExchange delete(OrdersProperties.Account account, String path, String description) {
        return exchange(HttpRequest.newBuilder(transport.uri(path)).DELETE(), account, "DELETE " + description);
    }

    private OrdersExchange exchange(HttpRequest.Builder builder, OrdersProperties.Account account, String description) {
        builder.header("Accept", "application/json")
                .header("MERCHANT-ID", account.merchantId())
                .header("API-KEY", account.apiKey())
                .header("API-SECRET", account.apiSecret());
        requestCustomizer.accept(builder);
        HttpExchangeResult result = transport.send(builder);
        OrdersExchange exchange = switch (result.kind()) {
            case ANSWERED -> OrdersExchange.answered(result.status(), result.body());
            case NOT_SENT -> OrdersExchange.notSent(result.reason());
            case NO_ANSWER -> OrdersExchange.noAnswer(result.reason());
        };
        log.info(
                "orders API {} merchant={} -> {} in {} ms",
                description,
                account.merchantId(),
                exchange.describe(),
                result.millis());
        return exchange;
    }

    @Override
    public void close() {
        transport.close();
    }
}

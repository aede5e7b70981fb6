package io.s2spay.connector.orders;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP exchange with the orders API, and nothing else: the account's three headers, the timeouts (connect,
 * headers, and the whole exchange body included), the circuit breaker (its open state is a request not sent), and
 * telling a request never sent apart from one whose answer was lost. Request bodies are never logged (they carry
 * card data). Every call returns an {@link OrdersExchange}; none throws for a transport failure.
 */
final class OrdersTransport implements AutoCloseable {

    static final String CIRCUIT_BREAKER_NAME = "orders-gateway";
    private static final Logger log = LoggerFactory.getLogger(OrdersGateway.class);

    private final OrdersProperties properties;
    private final URI baseUri;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Consumer<HttpRequest.Builder> requestCustomizer;

    OrdersTransport(
            OrdersProperties properties,
            CircuitBreaker circuitBreaker,
            Consumer<HttpRequest.Builder> requestCustomizer) {
        this.properties = Objects.requireNonNull(properties);
        this.baseUri = URI.create(properties.baseUrl());
        this.circuitBreaker = Objects.requireNonNull(circuitBreaker);
        this.requestCustomizer = Objects.requireNonNull(requestCustomizer);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        // bounds the whole exchange, body included; HttpRequest.timeout only bounds the wait for the headers
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.connectTimeout().plus(properties.readTimeout()))
                .cancelRunningFuture(true)
                .build());
    }

    /** The circuit breaker's settings: transport errors, timeouts and HTTP 5xx count as failures. */
    static CircuitBreakerConfig circuitBreakerConfig(OrdersProperties.CircuitBreaker settings) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordExceptions(IOException.class, TimeoutException.class)
                .recordResult(result -> result instanceof HttpResponse<?> response && response.statusCode() >= 500)
                .build();
    }

    CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    OrdersExchange post(OrdersProperties.Account account, String path, String json, String description) {
        return exchange(
                HttpRequest.newBuilder(baseUri.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                account,
                "POST " + description);
    }

    OrdersExchange get(OrdersProperties.Account account, String path, String description) {
        return exchange(HttpRequest.newBuilder(baseUri.resolve(path)).GET(), account, "GET " + description);
    }

    OrdersExchange delete(OrdersProperties.Account account, String path, String description) {
        return exchange(HttpRequest.newBuilder(baseUri.resolve(path)).DELETE(), account, "DELETE " + description);
    }

    private OrdersExchange exchange(HttpRequest.Builder builder, OrdersProperties.Account account, String description) {
        builder.timeout(properties.readTimeout())
                .header("Accept", "application/json")
                .header("MERCHANT-ID", account.merchantId())
                .header("API-KEY", account.apiKey())
                .header("API-SECRET", account.apiSecret());
        requestCustomizer.accept(builder);
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        OrdersExchange exchange;
        try {
            HttpResponse<String> response = circuitBreaker.executeCheckedSupplier(() -> send(request));
            exchange = OrdersExchange.answered(response.statusCode(), response.body());
        } catch (CallNotPermittedException e) {
            exchange = OrdersExchange.notSent(
                    "circuit breaker " + CIRCUIT_BREAKER_NAME + " is open: the orders API kept failing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange = OrdersExchange.noAnswer("interrupted while waiting for the orders API");
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            exchange = failure(e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info(
                "orders API {} merchant={} -> {} in {} ms",
                description,
                account.merchantId(),
                exchange.describe(),
                millis);
        return exchange;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        CompletableFuture<HttpResponse<String>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return timeLimiter.executeFutureSupplier(() -> future);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private OrdersExchange failure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                // the TCP connection was never established, so the request cannot have been sent
                return OrdersExchange.notSent("could not connect to " + baseUri.getAuthority() + ": " + cause);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
                return OrdersExchange.noAnswer("timeout: no complete answer within "
                        + properties.readTimeout().toMillis() + " ms");
            }
        }
        return OrdersExchange.noAnswer("connection failed after the request was sent (" + e + ")");
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }
}

package io.s2spay.connector.tokens;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP exchange with the tokens API, and nothing else: the Bearer key, JSON bodies, the timeouts (connect, headers
 * and the whole exchange), the circuit breaker (whose open state is a request not sent), and telling a request never
 * sent apart from one whose answer was lost. Bodies are never logged: a token request carries card data.
 */
final class TokensTransport implements AutoCloseable {

    static final String CIRCUIT_BREAKER_NAME = "tokens-gateway";
    private static final Logger log = LoggerFactory.getLogger(TokensGateway.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final TokensProperties properties;
    private final URI baseUri;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;

    TokensTransport(TokensProperties properties, CircuitBreaker circuitBreaker) {
        this.properties = properties;
        this.baseUri = URI.create(properties.baseUrl());
        this.circuitBreaker = circuitBreaker;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.connectTimeout().plus(properties.readTimeout()))
                .cancelRunningFuture(true)
                .build());
    }

    /** The circuit breaker's settings: transport failures and HTTP 5xx count as failures, refusals do not. */
    static CircuitBreakerConfig circuitBreakerConfig(TokensProperties.CircuitBreaker settings) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .recordResult(result -> result instanceof HttpResponse<?> response && response.statusCode() >= 500)
                .build();
    }

    CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    TokensExchange post(String key, String path, Object body) {
        return exchange(
                HttpRequest.newBuilder(baseUri.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                MAPPER.writeValueAsString(body), StandardCharsets.UTF_8)),
                key,
                "POST " + path);
    }

    TokensExchange get(String key, String pathAndQuery) {
        return exchange(HttpRequest.newBuilder(baseUri.resolve(pathAndQuery)).GET(), key, "GET " + pathAndQuery);
    }

    TokensExchange delete(String key, String path) {
        return exchange(HttpRequest.newBuilder(baseUri.resolve(path)).DELETE(), key, "DELETE " + path);
    }

    private TokensExchange exchange(HttpRequest.Builder builder, String key, String description) {
        HttpRequest request = builder.timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json")
                .build();
        long start = System.nanoTime();
        TokensExchange exchange;
        try {
            HttpResponse<String> response = circuitBreaker.executeCheckedSupplier(() -> send(request));
            exchange = TokensExchange.answered(response.statusCode(), json(response.body()));
        } catch (CallNotPermittedException e) {
            exchange = TokensExchange.notSent(
                    "circuit breaker " + CIRCUIT_BREAKER_NAME + " is open: the gateway kept failing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange = TokensExchange.noAnswer("interrupted while waiting for the gateway");
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            exchange = failure(e);
        }
        log.info(
                "Tokens API {}: {} in {} ms",
                description,
                exchange.describe(),
                (System.nanoTime() - start) / 1_000_000);
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

    private static JsonNode json(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private TokensExchange failure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                // the TCP connection was never established, so the request cannot have been sent
                return TokensExchange.notSent("could not connect to " + baseUri.getAuthority() + ": " + cause);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
                return TokensExchange.noAnswer("timeout: no complete answer within "
                        + properties.readTimeout().toMillis() + " ms");
            }
        }
        return TokensExchange.noAnswer("connection failed after the request was sent (" + e + ")");
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }
}

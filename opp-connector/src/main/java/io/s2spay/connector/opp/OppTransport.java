package io.s2spay.connector.opp;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
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
 * The HTTP exchange with OPP, and nothing else: the account's bearer token, the timeouts (connect, headers, and the
 * whole exchange body included), the circuit breaker, and telling a request that was never sent apart from one whose
 * answer was lost. Every call returns an {@link OppExchange}; none throws for a transport failure.
 */
final class OppTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OppGatewayClient.class);

    private final OppProperties properties;
    private final URI baseUri;
    private final ExecutorService executor;
    private final HttpClient http;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Consumer<HttpRequest.Builder> requestCustomizer;

    OppTransport(
            OppProperties properties, CircuitBreaker circuitBreaker, Consumer<HttpRequest.Builder> requestCustomizer) {
        this.properties = Objects.requireNonNull(properties);
        this.baseUri = URI.create(properties.baseUrl());
        this.circuitBreaker = Objects.requireNonNull(circuitBreaker);
        this.requestCustomizer = Objects.requireNonNull(requestCustomizer);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
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

    CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** {@code POST} of a form to {@code path} (the entity id travels in the form). */
    OppExchange post(OppProperties.Account account, String path, OppForm form, String description) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path, null, null))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.encode(), StandardCharsets.UTF_8));
        if (log.isDebugEnabled()) {
            log.debug("OPP POST {} {}", path, form);
        }
        return exchange(builder, account, "POST " + description);
    }

    /** {@code GET} of {@code path} for the account's entity (and a merchantTransactionId, if given). */
    OppExchange get(OppProperties.Account account, String path, String merchantTransactionId, String description) {
        return exchange(
                HttpRequest.newBuilder(uri(path, account.entityId(), merchantTransactionId))
                        .GET(),
                account,
                description);
    }

    /** {@code DELETE} of {@code path} for the account's entity. */
    OppExchange delete(OppProperties.Account account, String path, String description) {
        return exchange(
                HttpRequest.newBuilder(uri(path, account.entityId(), null)).DELETE(), account, description);
    }

    private URI uri(String relativePath, String entityId, String merchantTransactionId) {
        StringBuilder uri = new StringBuilder(relativePath);
        if (entityId != null) {
            uri.append("?entityId=").append(URLEncoder.encode(entityId, StandardCharsets.UTF_8));
            if (merchantTransactionId != null) {
                uri.append("&merchantTransactionId=")
                        .append(URLEncoder.encode(merchantTransactionId, StandardCharsets.UTF_8));
            }
        }
        return baseUri.resolve(uri.toString());
    }

    private OppExchange exchange(HttpRequest.Builder builder, OppProperties.Account account, String description) {
        builder.timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + account.accessToken())
                .header("Accept", "application/json");
        requestCustomizer.accept(builder);
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        OppExchange exchange;
        try {
            HttpResponse<String> response = circuitBreaker.executeCheckedSupplier(() -> send(request));
            exchange = OppExchange.answered(response.statusCode(), response.body());
        } catch (CallNotPermittedException e) {
            exchange = OppExchange.notSent(
                    "circuit breaker " + OppGatewayClient.CIRCUIT_BREAKER_NAME + " is open: the gateway kept failing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange = OppExchange.noAnswer("interrupted while waiting for the gateway");
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            exchange = failure(e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        exchange.log(description, millis);
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

    private OppExchange failure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                // the TCP connection was never established, so the request cannot have been sent
                return OppExchange.notSent("could not connect to " + baseUri.getAuthority() + ": " + cause);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
                return OppExchange.noAnswer("timeout: no complete answer within "
                        + properties.readTimeout().toMillis() + " ms");
            }
        }
        return OppExchange.noAnswer("connection failed after the request was sent (" + e + ")");
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }
}

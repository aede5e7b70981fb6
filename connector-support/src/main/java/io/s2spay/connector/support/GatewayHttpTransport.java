package io.s2spay.connector.support;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * The part of a connector's HTTP exchange every gateway shares: HTTP/1.1 without redirects on virtual threads, the
 * connect timeout, the read timeout of the headers and of the whole exchange body included, the circuit breaker
 * (its open state is a request not sent), and telling a request never sent (no connection, circuit open) apart from
 * one whose answer was lost (timeout, reset). The connector adds its authentication headers, paths and bodies, reads
 * the answer and logs it. {@link #send} never throws for a transport failure.
 */
public final class GatewayHttpTransport implements AutoCloseable {

    private final URI baseUri;
    private final Duration readTimeout;
    private final CircuitBreaker circuitBreaker;
    private final String counterpart;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final TimeLimiter timeLimiter;

    /**
     * @param counterpart what the failure reasons call the other side, e.g. {@code "the gateway"}
     */
    public GatewayHttpTransport(
            URI baseUri,
            Duration connectTimeout,
            Duration readTimeout,
            CircuitBreaker circuitBreaker,
            String counterpart) {
        this.baseUri = Objects.requireNonNull(baseUri);
        this.readTimeout = Objects.requireNonNull(readTimeout);
        this.circuitBreaker = Objects.requireNonNull(circuitBreaker);
        this.counterpart = Objects.requireNonNull(counterpart);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        // bounds the whole exchange, body included; HttpRequest.timeout only bounds the wait for the headers
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(connectTimeout.plus(readTimeout))
                .cancelRunningFuture(true)
                .build());
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** {@code pathAndQuery} resolved against the base URL. */
    public URI uri(String pathAndQuery) {
        return baseUri.resolve(pathAndQuery);
    }

    /** Sends the request (the read timeout added) through the circuit breaker and says what came of it. */
    public HttpExchangeResult send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(readTimeout).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = circuitBreaker.executeCheckedSupplier(() -> sendBounded(request));
            return HttpExchangeResult.answered(response.statusCode(), response.body(), millisSince(start));
        } catch (CallNotPermittedException e) {
            return HttpExchangeResult.notSent(
                    "circuit breaker " + circuitBreaker.getName() + " is open: " + counterpart + " kept failing",
                    millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpExchangeResult.noAnswer("interrupted while waiting for " + counterpart, millisSince(start));
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            return failure(e, millisSince(start));
        }
    }

    private HttpResponse<String> sendBounded(HttpRequest request) throws Exception {
        CompletableFuture<HttpResponse<String>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return timeLimiter.executeFutureSupplier(() -> future);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private HttpExchangeResult failure(Throwable e, long millis) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                // the TCP connection was never established, so the request cannot have been sent
                return HttpExchangeResult.notSent(
                        "could not connect to " + baseUri.getAuthority() + ": " + cause, millis);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
                return HttpExchangeResult.noAnswer(
                        "timeout: no complete answer within " + readTimeout.toMillis() + " ms", millis);
            }
        }
        return HttpExchangeResult.noAnswer("connection failed after the request was sent (" + e + ")", millis);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }
}

package io.s2spay.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared transport against a local HTTP server: answers, requests never sent and answers lost. */
class GatewayHttpTransportTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private URI baseUri;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/ok", exchange -> {
            byte[] body = ("{\"auth\":\"" + exchange.getRequestHeaders().getFirst("Authorization") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/fail", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/api/slow", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private GatewayHttpTransport transport(URI base, CircuitBreaker circuitBreaker) {
        return new GatewayHttpTransport(
                base, Duration.ofSeconds(1), Duration.ofMillis(300), circuitBreaker, "the test API");
    }

    private static CircuitBreaker circuitBreaker() {
        return new CircuitBreakerSettings(50, 2, 2, Duration.ofMinutes(1), 1).circuitBreaker("test-gateway");
    }

    @Test
    void anAnswerCarriesItsStatusAndBody() {
        try (GatewayHttpTransport transport = transport(baseUri, circuitBreaker())) {
            HttpExchangeResult result =
                    transport.send(HttpRequest.newBuilder(transport.uri("ok")).header("Authorization", "Bearer k"));
            assertThat(result.answered()).isTrue();
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.body()).isEqualTo("{\"auth\":\"Bearer k\"}");
        }
    }

    @Test
    void aRefusedConnectionIsNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (GatewayHttpTransport transport =
                transport(URI.create("http://127.0.0.1:" + closedPort + "/"), circuitBreaker())) {
            HttpExchangeResult result = transport.send(HttpRequest.newBuilder(transport.uri("ok")));
            assertThat(result.kind()).isEqualTo(HttpExchangeResult.Kind.NOT_SENT);
            assertThat(result.reason()).startsWith("could not connect to 127.0.0.1:" + closedPort);
        }
    }

    @Test
    void anAnswerLateBeyondTheReadTimeoutIsNoAnswer() {
        try (GatewayHttpTransport transport = transport(baseUri, circuitBreaker())) {
            HttpExchangeResult result = transport.send(HttpRequest.newBuilder(transport.uri("slow")));
            assertThat(result.kind()).isEqualTo(HttpExchangeResult.Kind.NO_ANSWER);
            assertThat(result.reason()).isEqualTo("timeout: no complete answer within 300 ms");
        }
    }

    @Test
    void serverErrorsOpenTheCircuitAndAnOpenCircuitSendsNothing() {
        try (GatewayHttpTransport transport = transport(baseUri, circuitBreaker())) {
            assertThat(transport
                            .send(HttpRequest.newBuilder(transport.uri("fail")))
                            .status())
                    .isEqualTo(503);
            assertThat(transport
                            .send(HttpRequest.newBuilder(transport.uri("fail")))
                            .status())
                    .isEqualTo(503);
            assertThat(transport.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
            HttpExchangeResult result = transport.send(HttpRequest.newBuilder(transport.uri("ok")));
            assertThat(result.notSent()).isTrue();
            assertThat(result.reason()).isEqualTo("circuit breaker test-gateway is open: the test API kept failing");
        }
    }
}

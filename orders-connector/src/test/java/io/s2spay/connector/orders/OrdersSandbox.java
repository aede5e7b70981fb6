package io.s2spay.connector.orders;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.CredentialOnFile;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.sandbox.GatewaySandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real gateway sandbox for the connector's tests, started once per JVM, with gateways on its orders API, faults
 * for chosen requests (through the sandbox's {@code X-Sandbox-Fault} header), the sandbox's ledger and a shopper's
 * browser on its pages.
 */
final class OrdersSandbox {

    static final String ACCOUNT = "orders-a";
    static final String OTHER_ACCOUNT = "orders-b";
    static final String SHOP = "https://shop.example/return";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static OrdersSandbox shared;

    private final GatewaySandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A fault the sandbox applies to the next {@code times} requests whose method and path match. */
    record Fault(String method, String pathEnd, String header, AtomicInteger times) {}

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    OrdersSandbox(GatewaySandbox sandbox) {
        this.sandbox = sandbox;
    }

    static synchronized OrdersSandbox shared() {
        if (shared == null) {
            shared = new OrdersSandbox(GatewaySandbox.start(Map.of(
                    "sandbox.faults.timeout-hold", "3s",
                    "sandbox.orders.webhooks.initial-backoff", "100ms",
                    "sandbox.orders.webhooks.max-backoff", "500ms")));
            Runtime.getRuntime().addShutdownHook(new Thread(shared.sandbox::close));
        }
        return shared;
    }

    GatewaySandbox sandbox() {
        return sandbox;
    }

    String apiUrl() {
        return sandbox.baseUrl() + "orders-api/";
    }

    static OrdersProperties.Account merchantA() {
        return new OrdersProperties.Account(
                "merchant-a",
                "orders-test-key-merchant-a",
                "orders-test-secret-merchant-a-7f3c9a",
                "orders-test-webhook-secret-merchant-a",
                "TERM-A-SELF",
                "TERM-A-MIT");
    }

    static OrdersProperties.Account merchantB() {
        return new OrdersProperties.Account(
                "merchant-b",
                "orders-test-key-merchant-b",
                "orders-test-secret-merchant-b-41d2e8",
                "orders-test-webhook-secret-merchant-b",
                "TERM-B-SELF",
                "TERM-B-MIT");
    }

    /** Properties for the sandbox with both accounts, a short read timeout and quick resolution. */
    OrdersProperties properties() {
        return new OrdersProperties(
                apiUrl(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                null,
                Map.of(ACCOUNT, merchantA(), OTHER_ACCOUNT, merchantB()),
                // the tests' faults must not open the circuit of the shared gateway (OrdersFaultsIT opens its own)
                new CircuitBreakerSettings(100, 200, 200, Duration.ofSeconds(1), 1),
                new ResolutionSettings(5, Duration.ofMillis(100), 2.0, 1));
    }

    /** A gateway on the sandbox whose requests meet the faults {@link #failNext} registers. */
    OrdersGateway gateway() {
        return gateway(properties());
    }

    OrdersGateway gateway(OrdersProperties properties) {
        return new OrdersGateway(
                properties, OrdersGateway.defaultCircuitBreaker(properties), this::applyFaults, Clock.systemUTC());
    }

    OrdersGateway gateway(OrdersProperties properties, CircuitBreaker circuitBreaker) {
        return new OrdersGateway(properties, circuitBreaker, this::applyFaults, Clock.systemUTC());
    }

    /** The next {@code times} requests {@code method} on a path ending in {@code pathEnd} meet {@code fault}. */
    void failNext(String method, String pathEnd, String fault, int times) {
        faults.add(new Fault(method, pathEnd, fault, new AtomicInteger(times)));
    }

    void clearFaults() {
        faults.clear();
    }

    private void applyFaults(HttpRequest.Builder builder) {
        HttpRequest request = builder.copy().build();
        for (Fault fault : faults) {
            if (fault.method().equals(request.method())
                    && request.uri().getPath().endsWith(fault.pathEnd())
                    && fault.times().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                builder.header("X-Sandbox-Fault", fault.header());
                return;
            }
        }
    }

    static String reference() {
        return "s2s-" + UUID.randomUUID();
    }

    static CardData card(String number) {
        return new CardData(number, "Jane Doe", 12, 2034, "123");
    }

    static InitialPaymentRequest debit(String reference, long amount, String currency, String number, boolean store) {
        return new InitialPaymentRequest(
                TransactionType.DB,
                amount,
                currency,
                null,
                reference,
                card(number),
                null,
                store,
                store ? CredentialOnFile.initialCit(CredentialOnFile.Type.RECURRING) : null,
                SHOP,
                null,
                null);
    }

    static InitialPaymentRequest mit(String reference, long amount, String tokenId, String initialId) {
        return new InitialPaymentRequest(
                TransactionType.DB,
                amount,
                "SEK",
                null,
                reference,
                null,
                tokenId,
                false,
                CredentialOnFile.repeatedMit(CredentialOnFile.Type.RECURRING, initialId),
                null,
                null,
                null);
    }

    /** The sandbox's ledger of one merchant reference (an empty object when nothing was charged under it). */
    JsonNode ledger(String merchantReference) {
        JsonNode merchants = getJson(sandbox.baseUrl()
                        + "sandbox/orders/ledger?merchantId=merchant-a&merchantReference=" + merchantReference)
                .path("merchants");
        return merchants.isEmpty() ? JSON.createObjectNode() : merchants.get(0);
    }

    /** The orders ledger of merchant A. */
    JsonNode ledger() {
        JsonNode merchants = getJson(sandbox.baseUrl() + "sandbox/orders/ledger?merchantId=merchant-a")
                .path("merchants");
        return merchants.isEmpty() ? JSON.createObjectNode() : merchants.get(0);
    }

    JsonNode getJson(String url) {
        return JSON.readTree(
                send(HttpRequest.newBuilder(URI.create(url)).GET().build()).body());
    }

    /** What a shopper's browser does on the challenge page: open it and press {@code action}; the Location back. */
    String completeChallenge(String redirectUrl, String action) {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(redirectUrl)).GET().build());
        if (page.statusCode() != 200 || !page.body().contains("value=\"" + action + "\"")) {
            throw new AssertionError("no challenge page at " + redirectUrl + ": " + page.body());
        }
        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(redirectUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=" + action))
                .build());
        return back.headers().firstValue("Location").orElse(null);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

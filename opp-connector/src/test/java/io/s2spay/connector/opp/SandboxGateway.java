package io.s2spay.connector.opp;

import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.SandboxMerchant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real gateway sandbox, started once per test JVM on a free port, with OPP accounts for the connector and the
 * sandbox's operator endpoints (ledger, bank-originated operations) for the tests to count and act with.
 */
final class SandboxGateway {

    static final String MERCHANT = "merchant-a";
    static final String SECOND_ENTITY = "merchant-a-recurring";
    static final String OTHER_MERCHANT = "merchant-b";
    static final String IMPOSTOR = "impostor";
    static final String TRESPASSER = "trespasser";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SandboxGateway shared;

    private final GatewaySandbox sandbox;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** A fault for the next request the connector sends, through the sandbox's X-Sandbox-Fault header. */
    private final AtomicReference<String> nextFault = new AtomicReference<>();

    private SandboxGateway(GatewaySandbox sandbox) {
        this.sandbox = sandbox;
    }

    static synchronized SandboxGateway shared() {
        if (shared == null) {
            shared = new SandboxGateway(GatewaySandbox.start(Map.of(
                    "sandbox.rules.late-acquirer-answer", "3s",
                    "sandbox.faults.timeout-hold", "4s",
                    "sandbox.notifications.initial-backoff", "100ms",
                    "sandbox.notifications.max-backoff", "500ms")));
            Runtime.getRuntime().addShutdownHook(new Thread(shared.sandbox::close));
        }
        return shared;
    }

    String baseUrl() {
        return sandbox.baseUrl();
    }

    SandboxMerchant merchant() {
        return sandbox.merchant("merchant-a");
    }

    String entityId() {
        return merchant().entityId();
    }

    /** Connector settings for the sandbox: both merchants, a second entity, and two accounts that must be refused. */
    OppProperties properties(Duration readTimeout) {
        SandboxMerchant a = sandbox.merchant("merchant-a");
        SandboxMerchant b = sandbox.merchant("merchant-b");
        Map<String, OppProperties.Account> accounts = new LinkedHashMap<>();
        accounts.put(MERCHANT, new OppProperties.Account(a.entityId(), a.accessToken(), null));
        accounts.put(SECOND_ENTITY, new OppProperties.Account(a.entityIds().get(1), a.accessToken(), null));
        accounts.put(OTHER_MERCHANT, new OppProperties.Account(b.entityId(), b.accessToken(), b.notificationSecret()));
        accounts.put(IMPOSTOR, new OppProperties.Account(a.entityId(), "bm90LWEtdG9rZW4=", null));
        accounts.put(TRESPASSER, new OppProperties.Account(b.entityId(), a.accessToken(), null));
        return new OppProperties(
                baseUrl(),
                Duration.ofSeconds(2),
                readTimeout,
                accounts,
                a.notificationSecret(),
                null,
                new ResolutionSettings(5, Duration.ofMillis(300), 2.0, 1));
    }

    /** A client whose next request meets the fault armed with {@link #failNextRequest(String)}. */
    OppGatewayClient client(OppProperties properties) {
        return new OppGatewayClient(
                properties,
                io.github.resilience4j.circuitbreaker.CircuitBreaker.of(
                        "opp-" + UUID.randomUUID(), OppGatewayClient.circuitBreakerConfig(properties.circuitBreaker())),
                builder -> {
                    String fault = nextFault.getAndSet(null);
                    if (fault != null) {
                        builder.header("X-Sandbox-Fault", fault);
                    }
                });
    }

    /** The next request sent by a client of {@link #client} meets {@code fault} (e.g. "reset", "latency=2500"). */
    void failNextRequest(String fault) {
        nextFault.set(fault);
    }

    /** The successful transactions the sandbox's ledger holds for a merchantTransactionId (its own and its operations'). */
    List<JsonNode> ledger(String entityId, String merchantTransactionId) {
        JsonNode ledger = get("sandbox/ledger?entityId=" + encode(entityId) + "&merchantTransactionId="
                + encode(merchantTransactionId));
        List<JsonNode> transactions = new ArrayList<>();
        for (JsonNode entity : ledger.path("entities").values()) {
            transactions.addAll(entity.path("transactions").values());
        }
        return transactions;
    }

    /** How many times money was taken or reserved (PA, DB) under a merchantTransactionId. */
    long charges(String merchantTransactionId) {
        return ledger(entityId(), merchantTransactionId).stream()
                .filter(tx -> merchantTransactionId.equals(
                        tx.path("merchantTransactionId").asString()))
                .filter(tx ->
                        List.of("PA", "DB").contains(tx.path("paymentType").asString()))
                .count();
    }

    /** Calls an operator endpoint of the sandbox (the bank's chargebacks, receipts; abandoning a redirect...). */
    JsonNode operator(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "sandbox/operator/" + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A merchantTransactionId no other test uses. */
    static String newMerchantTransactionId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}

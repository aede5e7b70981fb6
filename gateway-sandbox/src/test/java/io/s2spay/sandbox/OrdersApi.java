package io.s2spay.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of the sandbox's orders API for the tests: JSON requests with the three auth headers. */
final class OrdersApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MERCHANT = "merchant-a";
    static final String KEY = "orders-test-key-merchant-a";
    static final String SECRET = "orders-test-secret-merchant-a-7f3c9a";
    static final String WEBHOOK_SECRET = "orders-test-webhook-secret-merchant-a";
    static final String PAGE_TERMINAL = "TERM-A-PAGE";
    static final String SELF_TERMINAL = "TERM-A-SELF";
    static final String MIT_TERMINAL = "TERM-A-MIT";
    static final String SHOP = "https://shop.example/return?cart=7";

    /** An HTTP answer with its JSON body (null when it is not JSON). */
    record Reply(int status, JsonNode json, String body, HttpHeaders headers) {

        String text(String field) {
            return json.path(field).asString();
        }

        String errorCode() {
            return json.path("error").path("code").asString();
        }

        String errorField() {
            return json.path("error").path("field").asString();
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String merchantId;
    private final String key;
    private final String secret;

    OrdersApi(GatewaySandbox sandbox) {
        this(sandbox.baseUrl() + "orders-api/", MERCHANT, KEY, SECRET);
    }

    OrdersApi(String base, String merchantId, String key, String secret) {
        this.base = base;
        this.merchantId = merchantId;
        this.key = key;
        this.secret = secret;
    }

    OrdersApi as(String otherMerchantId, String otherKey, String otherSecret) {
        return new OrdersApi(base, otherMerchantId, otherKey, otherSecret);
    }

    String base() {
        return base;
    }

    static String unique() {
        return "ref-" + UUID.randomUUID();
    }

    static String order(String terminal, long total, String currency, boolean tokenize, String reference) {
        return """
                {"terminal$id":"%s","orderLines":[{"id":"L1","name":"Monthly Subscription","quantity":1,
                "amount":{"total":%d,"currency":"%s"}}],"controlFunctions":{"enforceTokenization":%s},
                "merchantReference":"%s","returnUrl":"%s"}""".formatted(terminal, total, currency, tokenize, reference, SHOP);
    }

    static String card(String orderId, String number) {
        return """
                {"orderId":"%s","paymentMethod":"CARD","card":{"number":"%s","expiryMonth":12,"expiryYear":2034,
                "cvc":"123","holderName":"Jane Doe"}}""".formatted(orderId, number);
    }

    static String ctoken(String orderId, String tokenId) {
        return """
                {"orderId":"%s","paymentMethod":"CTOKEN","tokenId":"%s"}""".formatted(orderId, tokenId);
    }

    Reply createOrder(String body) {
        return post("merchants/" + merchantId + "/orders", body);
    }

    /** A new order on {@code terminal} for {@code total} SEK; its id. */
    String newOrder(String terminal, long total, boolean tokenize) {
        Reply reply = createOrder(order(terminal, total, "752", tokenize, unique()));
        if (reply.status() != 201) {
            throw new AssertionError("order not created: " + reply.body());
        }
        return reply.text("orderId");
    }

    Reply pay(String body) {
        return post("payments", body);
    }

    Reply status(String orderId) {
        return get("merchants/" + merchantId + "/orders/" + orderId + "/status");
    }

    Reply tokens(String orderId) {
        return get("merchants/" + merchantId + "/orders/" + orderId + "/tokens");
    }

    Reply refund(String orderId, long amount, String reference) {
        return post(
                "merchants/" + merchantId + "/orders/" + orderId + "/refunds",
                "{\"amount\":" + amount + ",\"merchantReference\":\"" + reference + "\"}");
    }

    Reply cancel(String orderId) {
        return post("merchants/" + merchantId + "/orders/" + orderId + "/cancel", "{}");
    }

    Reply deleteToken(String tokenId) {
        return send(
                authorized(HttpRequest.newBuilder(URI.create(base + "merchants/" + merchantId + "/tokens/" + tokenId)))
                        .DELETE()
                        .build());
    }

    Reply findByReference(String reference) {
        return get("merchants/" + merchantId + "/orders?merchantReference=" + reference);
    }

    Reply post(String path, String body) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Reply get(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .GET()
                .build());
    }

    HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        if (merchantId != null) {
            builder.header("MERCHANT-ID", merchantId);
        }
        if (key != null) {
            builder.header("API-KEY", key);
        }
        if (secret != null) {
            builder.header("API-SECRET", secret);
        }
        return builder.timeout(Duration.ofSeconds(60));
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), json, response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sandbox's orders ledger of this merchant (an empty object when nothing was charged). */
    JsonNode ledger(String root) {
        Reply reply = send(HttpRequest.newBuilder(URI.create(root + "sandbox/orders/ledger?merchantId=" + merchantId))
                .GET()
                .build());
        JsonNode merchants = reply.json().path("merchants");
        return merchants.isEmpty() ? JSON.createObjectNode() : merchants.get(0);
    }
}

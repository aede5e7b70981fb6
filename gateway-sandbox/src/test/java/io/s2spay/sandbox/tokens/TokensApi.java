package io.s2spay.sandbox.tokens;

import io.s2spay.sandbox.GatewaySandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of the sandbox's tokens API for the tests: JSON bodies, a Bearer key, JSON answers. */
final class TokensApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An HTTP answer and its body read as JSON (null when it is not JSON). */
    record Reply(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {
        JsonNode error() {
            return json.path("error");
        }
    }

    final GatewaySandbox sandbox;
    final String publishableKey;
    final String secretKey;
    final String webhookSecret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TokensApi(GatewaySandbox sandbox, String account) {
        this.sandbox = sandbox;
        TokensSandboxProperties.Account settings =
                sandbox.bean(TokensSandboxProperties.class).accounts().get(account);
        this.publishableKey = settings.publishableKey();
        this.secretKey = settings.secretKey();
        this.webhookSecret = settings.webhookSecret();
    }

    static String reference() {
        return "ref-" + UUID.randomUUID();
    }

    static Map<String, Object> card(String number) {
        return Map.of("card", Map.of("number", number, "exp_month", 12, "exp_year", 2034, "cvc", "123", "name", "J D"));
    }

    String token(String number) {
        Reply reply = post("v1/tokens", publishableKey, card(number), null);
        if (reply.status() != 200) {
            throw new AssertionError("token refused: " + reply.body());
        }
        return reply.json().path("id").asString();
    }

    Reply pay(Map<String, Object> body) {
        return post("v1/payments", secretKey, body, null);
    }

    Reply post(String path, String key, Object body, Map<String, String> headers) {
        return send(path, key, "POST", body == null ? null : JSON.writeValueAsString(body), headers);
    }

    Reply get(String path, String key) {
        return send(path, key, "GET", null, null);
    }

    Reply delete(String path, String key) {
        return send(path, key, "DELETE", null, null);
    }

    Reply plain(String url, String method, String form) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (form != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(builder.build());
    }

    /** A sandbox-wide URL (ledger, notifications), no key. */
    Reply sandboxGet(String path) {
        return plain(sandbox.baseUrl() + path, "GET", null);
    }

    Reply send(String path, String key, String method, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "tokens-api/" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        if (headers != null) {
            headers.forEach(builder::header);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(builder.build());
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (RuntimeException e) {
                json = null;
            }
            return new Reply(response.statusCode(), json, response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The succeeded payments the ledger holds under a reference. */
    int charged(String reference) {
        int count = 0;
        for (JsonNode account : sandboxGet("sandbox/tokens/ledger?reference=" + reference)
                .json()
                .path("accounts")) {
            count += account.path("payments").size();
        }
        return count;
    }
}

package io.s2spay.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small OPP client for the tests: form-encoded POSTs with the Bearer token, JSON answers. */
final class OppClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An HTTP answer with its JSON body (null when the body is not JSON). */
    record Reply(int status, JsonNode json, String body, HttpHeaders headers) {

        String code() {
            return json.path("result").path("code").asString();
        }

        String id() {
            return json.path("id").asString();
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String token;
    private final String entityId;

    OppClient(GatewaySandbox sandbox) {
        this(
                sandbox.baseUrl(),
                sandbox.merchant().accessToken(),
                sandbox.merchant().entityId());
    }

    OppClient(String baseUrl, String token, String entityId) {
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.baseUrl = baseUrl;
        this.token = token;
        this.entityId = entityId;
    }

    OppClient as(String otherToken, String otherEntityId) {
        return new OppClient(baseUrl, otherToken, otherEntityId);
    }

    String entityId() {
        return entityId;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** A card debit of 92.00 EUR on the approved VISA test card, with a fresh merchantTransactionId. */
    static Map<String, String> visaDebit() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("paymentType", "DB");
        params.put("amount", "92.00");
        params.put("currency", "EUR");
        params.put("paymentBrand", "VISA");
        params.put("card.number", "4200000000000000");
        params.put("card.holder", "Jane Jones");
        params.put("card.expiryMonth", "05");
        params.put("card.expiryYear", "2034");
        params.put("card.cvv", "123");
        params.put("merchantTransactionId", "mtx-" + UUID.randomUUID());
        return params;
    }

    static Map<String, String> with(Map<String, String> params, String... keyValues) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                copy.remove(keyValues[i]);
            } else {
                copy.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return copy;
    }

    Reply pay(Map<String, String> params) {
        return post("v1/payments", params);
    }

    Reply backOffice(String id, String paymentType, String amount) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("paymentType", paymentType);
        if (amount != null) {
            params.put("amount", amount);
            params.put("currency", "EUR");
        }
        return post("v1/payments/" + id, params);
    }

    Reply query(String id) {
        return get("v1/query/" + id + "?entityId=" + entityId);
    }

    Reply status(String id) {
        return get("v1/payments/" + id + "?entityId=" + entityId);
    }

    /** POSTs the parameters (plus entityId unless given) form-encoded in the body. */
    Reply post(String path, Map<String, String> params) {
        return post(path, params, Map.of());
    }

    Reply post(String path, Map<String, String> params, Map<String, String> headers) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("entityId", entityId);
        body.putAll(params);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    Reply delete(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
    }

    /** Plain POST without authentication (operator endpoints, redirect pages). */
    Reply postPlain(String pathAndQuery, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                .build());
    }

    Reply getPlain(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.contains("json")) {
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

    static String form(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((key, value) -> joiner.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joiner.toString();
    }
}

package io.s2spay.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's ledger of another gateway family than OPP, for merchant-demo's account there: what that API really
 * charged and refunded under one reference (s2spay's merchantTransactionId), read independently of s2spay.
 * The tokens API: {@code GET /sandbox/tokens/ledger?account=tokens-a&reference=}; the orders API:
 * {@code GET /sandbox/orders/ledger?merchantId=merchant-a&merchantReference=}.
 */
final class FamilyLedger {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String sandboxBaseUrl;
    private final EndToEndPlatform.GatewayFamily family;

    FamilyLedger(String sandboxBaseUrl, EndToEndPlatform.GatewayFamily family) {
        this.sandboxBaseUrl = sandboxBaseUrl;
        this.family = family;
    }

    /** The part of the ledger under one reference. */
    Entry of(String reference) {
        return switch (family) {
            case TOKENS ->
                new Entry(
                        first(read("sandbox/tokens/ledger?account=tokens-a&reference=" + encode(reference))
                                .path("accounts")),
                        false);
            case ORDERS ->
                new Entry(
                        first(read("sandbox/orders/ledger?merchantId=" + EndToEndPlatform.ORDERS_MERCHANT
                                        + "&merchantReference=" + encode(reference))
                                .path("merchants")),
                        true);
        };
    }

    /** One reference's charges and refunds at the account. */
    record Entry(JsonNode json, boolean numericCurrencies) {
        /** Charges the API really made (succeeded or completed payments, refunded ones included). */
        int charges() {
            return json.path("counts").path("payments").asInt(0);
        }

        int refunds() {
            return json.path("counts").path("refunds").asInt(0);
        }

        /** A total ({@code paid}, {@code refunded}, {@code net}) in minor units of an ISO 4217 alphabetic currency. */
        long total(String currency, String name) {
            String key = numericCurrencies
                    ? "%03d".formatted(Currency.getInstance(currency).getNumericCode())
                    : currency.toLowerCase(java.util.Locale.ROOT);
            return json.path("totals").path(key).path(name).asLong(0);
        }
    }

    private static JsonNode first(JsonNode array) {
        return array.isEmpty() ? MerchantApi.JSON.createObjectNode() : array.get(0);
    }

    private JsonNode read(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(sandboxBaseUrl + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "sandbox ledger " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return MerchantApi.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.s2spay.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * The gateway sandbox's ledger ({@code GET /sandbox/ledger}): what the bank really did with the shopper's money,
 * read independently of everything s2spay says about it.
 */
final class Ledger {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String sandboxBaseUrl;
    private final String entityId;

    Ledger(String sandboxBaseUrl, String entityId) {
        this.sandboxBaseUrl = sandboxBaseUrl;
        this.entityId = entityId;
    }

    static Ledger of(EndToEndPlatform platform) {
        return new Ledger(platform.sandbox.baseUrl(), platform.ledgerEntityId());
    }

    /** One order's part of the ledger: its payment and every transaction referencing it. */
    Entry of(String merchantTransactionId) {
        JsonNode ledger = read("sandbox/ledger?entityId=" + encode(entityId) + "&merchantTransactionId="
                + encode(merchantTransactionId));
        return new Entry(
                ledger.path("entities").isEmpty()
                        ? MerchantApi.JSON.createObjectNode()
                        : ledger.path("entities").get(0));
    }

    /** How many successful transactions the whole sandbox holds, every entity: "nothing new was sent" checks. */
    int allTransactions() {
        int count = 0;
        for (JsonNode entity : read("sandbox/ledger").path("entities")) {
            count += entity.path("transactions").size();
        }
        return count;
    }

    /** One entity's ledger for one merchantTransactionId. */
    record Entry(JsonNode json) {
        /** Successful transactions of an OPP type (DB, PA, CP, RF, RV, CB, CR, RC…). */
        int count(String paymentType) {
            return json.path("counts").path(paymentType).asInt(0);
        }

        /** A total in minor units ({@code authorized}, {@code captured}, {@code refunded}, {@code net}…), 0 if none. */
        long total(String currency, String name) {
            for (JsonNode totals : json.path("totals")) {
                if (currency.equals(totals.path("currency").asString())) {
                    return totals.path(name).asLong(0);
                }
            }
            return 0;
        }

        int transactions() {
            return json.path("transactions").size();
        }
    }

    private JsonNode read(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(sandboxBaseUrl + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "sandbox ledger: HTTP " + response.statusCode() + " " + response.body());
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

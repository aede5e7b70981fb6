package io.s2spay.testkit;

import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.SandboxMerchant;
import io.s2spay.sandbox.notification.NotificationCipher;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OPP gateway sandbox of its own for a test class (started with the test's sandbox rules, unlike the shared
 * {@link GatewaySandboxes}), and what a shopper or the bank does there (complete a 3-D Secure challenge, abandon
 * it, charge back, confirm a receipt) and what an operator reads (the ledger of what was really charged, the
 * webhooks sent). The module using it declares the {@code gateway-sandbox} dependency itself (test scope).
 */
public final class SandboxGateway implements AutoCloseable {

    private final GatewaySandbox sandbox;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = JsonMapper.builder().build();

    public SandboxGateway(Map<String, String> properties) {
        this.sandbox = GatewaySandbox.start(properties);
    }

    /** Connector properties that map {@code merchantId} to the sandbox's first merchant (and its webhook key). */
    public Map<String, Object> connectorProperties(String merchantId) {
        SandboxMerchant merchant = sandbox.merchant();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("s2spay.opp.base-url", sandbox.baseUrl());
        properties.put("s2spay.opp.accounts." + merchantId + ".entity-id", merchant.entityId());
        properties.put("s2spay.opp.accounts." + merchantId + ".access-token", merchant.accessToken());
        properties.put("s2spay.opp.accounts." + merchantId + ".notification-secret", merchant.notificationSecret());
        return properties;
    }

    /** How many successful transactions of {@code paymentType} the gateway holds for this merchantTransactionId. */
    public int charges(String merchantTransactionId, String paymentType) {
        JsonNode ledger = get("sandbox/ledger?merchantTransactionId=" + encode(merchantTransactionId));
        int count = 0;
        for (JsonNode entity : ledger.path("entities")) {
            count += entity.path("counts").path(paymentType).asInt(0);
        }
        return count;
    }

    /** The shopper answers the bank's page of a bank-transfer brand ({@code approve}, {@code fail} or {@code cancel}). */
    public int completeBankTransfer(String brand, String sessionId, String action) {
        return post(
                "connectors/bank/" + brand.toLowerCase(java.util.Locale.ROOT) + "/complete",
                "sessionId=" + encode(sessionId) + "&action=" + encode(action));
    }

    /** The shopper answers the 3-D Secure challenge ({@code approve}, {@code fail} or {@code cancel}). */
    public int completeChallenge(String sessionToken, String action) {
        return post(
                "connectors/threeds/challenge/complete",
                "threeDSSessionData=" + encode(sessionToken) + "&action=" + encode(action));
    }

    /** The shopper walks away from the redirect now (the gateway times the session out). */
    public int abandon(String gatewayPaymentId) {
        return post("sandbox/operator/payments/" + gatewayPaymentId + "/abandon", "");
    }

    /**
     * The bank charges back the transaction {@code gatewayTransactionId} ({@code amount} as a decimal string, null for
     * all that is not refunded); returns the chargeback's id.
     */
    public String bankChargeback(String gatewayTransactionId, String amount) {
        return bankOperation(gatewayTransactionId, "chargeback", amount);
    }

    /** The bank reverses the open chargeback of the payment ({@code amount} null for all of it); returns its id. */
    public String bankChargebackReversal(String gatewayTransactionId, String amount) {
        return bankOperation(gatewayTransactionId, "chargeback-reversal", amount);
    }

    /** The bank's receipt for a transfer awaiting it; returns the receipt's id. */
    public String bankReceipt(String gatewayTransactionId) {
        return bankOperation(gatewayTransactionId, "receipt", null);
    }

    /**
     * Sends every webhook the sandbox sent about transaction {@code gatewayTransactionId} once more, freshly encrypted
     * as OPP does when it did not see an acknowledgement; returns the HTTP status of each delivery.
     */
    public List<Integer> redeliverNotifications(String gatewayTransactionId) {
        List<Integer> statuses = new ArrayList<>();
        for (JsonNode notification : get("sandbox/notifications?paymentId=" + encode(gatewayTransactionId))
                .path("notifications")) {
            String secret =
                    sandbox.merchant(notification.path("merchant").asString()).notificationSecret();
            NotificationCipher.Encrypted encrypted = NotificationCipher.encrypt(
                    HexFormat.of().parseHex(secret),
                    notification.path("payload").asString());
            statuses.add(send(HttpRequest.newBuilder(
                                    URI.create(notification.path("url").asString()))
                            .header("Content-Type", "text/plain; charset=UTF-8")
                            .header("X-Initialization-Vector", encrypted.initializationVector())
                            .header("X-Authentication-Tag", encrypted.authenticationTag())
                            .POST(HttpRequest.BodyPublishers.ofString(encrypted.body()))
                            .build())
                    .statusCode());
        }
        return statuses;
    }

    /** How many webhooks about {@code gatewayTransactionId} the sandbox delivered (acknowledged with a 2xx). */
    public int deliveredNotifications(String gatewayTransactionId) {
        int delivered = 0;
        for (JsonNode notification : get("sandbox/notifications?paymentId=" + encode(gatewayTransactionId))
                .path("notifications")) {
            delivered += notification.path("delivered").asBoolean(false) ? 1 : 0;
        }
        return delivered;
    }

    private String bankOperation(String gatewayTransactionId, String operation, String amount) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "sandbox/operator/payments/" + encode(gatewayTransactionId) + "/" + operation
                        + (amount == null ? "" : "?amount=" + encode(amount))))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the sandbox refused the bank's " + operation + " of "
                    + gatewayTransactionId + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("id").asString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int post(String path, String form) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
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

    @Override
    public void close() {
        sandbox.close();
    }
}

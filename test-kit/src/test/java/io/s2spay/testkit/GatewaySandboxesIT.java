package io.s2spay.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.SandboxMerchant;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GatewaySandboxesIT {

    @Test
    void startsOneSandboxPerJvmThatAnswersAnOppDebit() throws Exception {
        GatewaySandbox sandbox = GatewaySandboxes.get();
        assertThat(GatewaySandboxes.get()).isSameAs(sandbox);
        assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/");

        SandboxMerchant merchant = sandbox.merchant();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("entityId", merchant.entityId());
        form.put("amount", "92.00");
        form.put("currency", "EUR");
        form.put("paymentBrand", "VISA");
        form.put("paymentType", "DB");
        form.put("merchantTransactionId", "testkit-" + UUID.randomUUID());
        form.put("card.number", "4200000000000000");
        form.put("card.holder", "Jane Jones");
        form.put("card.expiryMonth", "05");
        form.put("card.expiryYear", "2034");
        form.put("card.cvv", "123");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "v1/payments"))
                                .header("Authorization", "Bearer " + merchant.accessToken())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode payment = new ObjectMapper().readTree(response.body());
        assertThat(payment.at("/result/code").asText()).isEqualTo("000.100.110");
        assertThat(payment.at("/card/last4Digits").asText()).isEqualTo("0000");
    }
}

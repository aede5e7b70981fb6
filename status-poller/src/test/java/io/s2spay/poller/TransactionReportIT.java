package io.s2spay.poller;

import static io.s2spay.poller.PaymentEvents.MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.connector.opp.OppBackOfficeRequest;
import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppPaymentRequest;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.gateway.CardData;
import io.s2spay.sandbox.notification.NotificationCipher;
import io.s2spay.schema.Topics;
import io.s2spay.schema.internal.OppTransactionReported;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chargebacks, chargeback reversals and receipts the gateway notifies reach back-office as reports on
 * {@code s2spay.opp.transactions}, with what the gateway's query endpoint confirms rather than what the webhook says,
 * and with the initial payment they belong to; a notification the gateway does not confirm is acknowledged and
 * reported nowhere.
 */
class TransactionReportIT {

    private static final CardData VISA = new CardData("4200000000000000", "Jane Doe", 12, 2030, "123");

    private static int port;
    private static PollerHarness harness;
    private static KafkaTopicReader topics;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        harness = new PollerHarness(
                Map.of(
                        "sandbox.merchants.merchant-a.webhook-url",
                        "http://127.0.0.1:" + port + "/v1/notifications/opp/" + MERCHANT),
                properties);
        topics = KafkaTopicReader.of(TestInfrastructure.get());
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void reportsTheBanksChargebackOfASettledDebitWithItsPayment() {
        OppTransaction debit = pay(OppPaymentType.DB, 9_200);

        String chargeback = harness.sandbox.bankChargeback(debit.gatewayTransactionId(), null);

        OppTransactionReported report = awaitReport(chargeback);
        assertThat(report.getMerchantId()).isEqualTo(MERCHANT);
        assertThat(report.getPaymentType()).isEqualTo("CB");
        assertThat(report.getAmountMinor()).isEqualTo(9_200);
        assertThat(report.getCurrency()).isEqualTo("EUR");
        assertThat(report.getResultCode()).isEqualTo("000.100.220");
        assertThat(report.getMerchantTransactionId()).isNull();
        assertThat(report.getReferencedId()).isEqualTo(debit.gatewayTransactionId());
        assertThat(report.getPaymentGatewayTransactionId()).isEqualTo(debit.gatewayTransactionId());
        assertThat(report.getPaymentMerchantTransactionId()).isEqualTo(debit.merchantTransactionId());
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.sandbox.deliveredNotifications(chargeback) == 1);
    }

    @Test
    void followsAChargebackOfACaptureBackToItsPreauthorization() {
        OppTransaction preauthorization = pay(OppPaymentType.PA, 5_000);
        OppTransaction capture = harness.gateway.submitBackOffice(
                MERCHANT,
                preauthorization.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.CP, 5_000, "EUR", "cp-" + UUID.randomUUID()));
        assertThat(capture.outcome()).isEqualTo(OppOutcome.SUCCEEDED);

        String chargeback = harness.sandbox.bankChargeback(capture.gatewayTransactionId(), "20.00");
        String reversal = harness.sandbox.bankChargebackReversal(capture.gatewayTransactionId(), null);

        OppTransactionReported chargebackReport = awaitReport(chargeback);
        OppTransactionReported reversalReport = awaitReport(reversal);
        assertThat(chargebackReport.getAmountMinor()).isEqualTo(2_000);
        assertThat(chargebackReport.getReferencedId()).isEqualTo(capture.gatewayTransactionId());
        assertThat(chargebackReport.getPaymentGatewayTransactionId())
                .isEqualTo(preauthorization.gatewayTransactionId());
        assertThat(reversalReport.getPaymentType()).isEqualTo("CR");
        assertThat(reversalReport.getAmountMinor()).isEqualTo(2_000);
        assertThat(reversalReport.getPaymentGatewayTransactionId()).isEqualTo(preauthorization.gatewayTransactionId());
    }

    @Test
    void reportsWhatTheGatewayHoldsNotWhatTheWebhookSays() throws Exception {
        OppTransaction debit = pay(OppPaymentType.DB, 3_000);
        String chargeback = harness.sandbox.bankChargeback(debit.gatewayTransactionId(), null);
        awaitReport(chargeback);

        // validly encrypted, but claiming a smaller amount than the gateway charged back
        HttpResponse<String> response = notify(chargebackPayload(chargeback, debit.gatewayTransactionId(), "1.00"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<OppTransactionReported> reports =
                await().atMost(Duration.ofSeconds(30)).until(() -> reportsOf(chargeback), list -> list.size() == 2);
        assertThat(reports).extracting(OppTransactionReported::getAmountMinor).containsOnly(3_000L);
    }

    @Test
    void acknowledgesButDoesNotReportANotificationTheGatewayDoesNotConfirm() throws Exception {
        OppTransaction debit = pay(OppPaymentType.DB, 4_000);
        String forged = HexFormat.of()
                .formatHex(UUID.randomUUID().toString().getBytes())
                .substring(0, 32);
        double before = counter("NOT_CONFIRMED");

        HttpResponse<String> response = notify(chargebackPayload(forged, debit.gatewayTransactionId(), "40.00"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(counter("NOT_CONFIRMED")).isEqualTo(before + 1);
        // a real chargeback notified afterwards is reported: the forged one, handled first, was not
        String chargeback = harness.sandbox.bankChargeback(debit.gatewayTransactionId(), null);
        awaitReport(chargeback);
        assertThat(reportsOf(forged)).isEmpty();
        assertThat(harness.sandbox.charges(debit.merchantTransactionId(), "CB")).isEqualTo(1);
    }

    private static OppTransaction pay(OppPaymentType type, long minor) {
        OppTransaction payment = harness.gateway.submitPayment(
                MERCHANT,
                new OppPaymentRequest(
                        type, minor, "EUR", "VISA", "mtid-" + UUID.randomUUID(), VISA, false, null, null, null, null));
        assertThat(payment.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        return payment;
    }

    private static OppTransactionReported awaitReport(String gatewayTransactionId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> reportsOf(gatewayTransactionId), list -> !list.isEmpty())
                .getFirst();
    }

    private static List<OppTransactionReported> reportsOf(String gatewayTransactionId) {
        return topics.readValues(Topics.OPP_TRANSACTIONS, OppTransactionReported.class).stream()
                .filter(report -> gatewayTransactionId.equals(report.getGatewayTransactionId()))
                .toList();
    }

    private static double counter(String result) {
        var counter = harness.poller
                .getBean(MeterRegistry.class)
                .find("s2spay.poller.reported-transactions")
                .tags("type", "CB", "result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String chargebackPayload(String id, String referencedId, String amount) {
        return """
                {"type":"PAYMENT","payload":{"id":"%s","referencedId":"%s","paymentType":"CB","paymentBrand":"VISA",
                "amount":"%s","currency":"EUR","result":{"code":"000.100.220","description":"Chargeback"}}}
                """.formatted(id, referencedId, amount);
    }

    /** Sends {@code plaintext} as a webhook encrypted with the merchant's real secret. */
    private static HttpResponse<String> notify(String plaintext) throws Exception {
        String secret = (String) harness.sandbox
                .connectorProperties(MERCHANT)
                .get("s2spay.opp.accounts." + MERCHANT + ".notification-secret");
        NotificationCipher.Encrypted encrypted =
                NotificationCipher.encrypt(HexFormat.of().parseHex(secret), plaintext);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/notifications/opp/" + MERCHANT))
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .header("X-Initialization-Vector", encrypted.initializationVector())
                        .header("X-Authentication-Tag", encrypted.authenticationTag())
                        .POST(HttpRequest.BodyPublishers.ofString(encrypted.body()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package io.s2spay.connector.opp;

import static io.s2spay.connector.opp.SandboxGateway.MERCHANT;
import static io.s2spay.connector.opp.SandboxGateway.newMerchantTransactionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.gateway.CardData;
import io.s2spay.gateway.CredentialOnFile;
import io.s2spay.gateway.CredentialOnFile.Type;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every payment type and workflow OPP offers, run by the connector over HTTP against the gateway sandbox. */
class PaymentFlowsIT {

    static final CardData VISA = new CardData("4200000000000000", "Jane Jones", 12, 2034, "123");
    static final CardData MASTER = new CardData("5454545454545454", "Jane Jones", 1, 2033, "737");
    static final CardData AMEX = new CardData("377777777777770", "Jane Jones", 6, 2032, "7373");
    static final CardData VISA_3DS = new CardData("4711100000000000", "Jane Jones", 12, 2034, "123");
    static final String SHOP = "https://shop.example/return?order=42";

    static SandboxGateway gateway;
    static OppGatewayClient client;
    final ShopperBrowser browser = new ShopperBrowser();

    @BeforeAll
    static void connect() {
        gateway = SandboxGateway.shared();
        client = gateway.client(gateway.properties(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void preauthorizesCapturesAndRefundsInParts() {
        String mtid = newMerchantTransactionId("pa");
        OppTransaction pa = client.submitPayment(MERCHANT, card(OppPaymentType.PA, 9200, "EUR", "VISA", mtid, VISA));

        assertThat(pa.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(pa.category()).isEqualTo(ResultCategory.SUCCESSFUL);
        assertThat(pa.resultCode()).isEqualTo("000.100.110");
        assertThat(pa.gatewayTransactionId()).matches("[0-9a-f]{32}");
        assertThat(pa.type()).isEqualTo(OppPaymentType.PA);
        assertThat(pa.amountMinor()).isEqualTo(9200L);
        assertThat(pa.currency()).isEqualTo("EUR");
        assertThat(pa.merchantTransactionId()).isEqualTo(mtid);
        assertThat(pa.paymentBrand()).isEqualTo("VISA");
        assertThat(pa.card().bin()).isEqualTo("420000");
        assertThat(pa.card().last4Digits()).isEqualTo("0000");
        assertThat(pa.card().expiryMonth()).isEqualTo(12);
        assertThat(pa.timestamp()).isNotNull();

        OppTransaction capture = client.submitBackOffice(
                MERCHANT,
                pa.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.CP, 5000, "EUR", mtid + "-cp"));
        assertThat(capture.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(capture.type()).isEqualTo(OppPaymentType.CP);
        assertThat(capture.referencedId()).isEqualTo(pa.gatewayTransactionId());
        assertThat(capture.gatewayTransactionId()).isNotEqualTo(pa.gatewayTransactionId());
        assertThat(capture.amountMinor()).isEqualTo(5000L);

        assertThat(client.submitBackOffice(
                                MERCHANT,
                                pa.gatewayTransactionId(),
                                OppBackOfficeRequest.of(OppPaymentType.RF, 2000, "EUR", mtid + "-rf1"))
                        .outcome())
                .isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(client.submitBackOffice(
                                MERCHANT,
                                pa.gatewayTransactionId(),
                                OppBackOfficeRequest.of(OppPaymentType.RF, 3000, "EUR", mtid + "-rf2"))
                        .outcome())
                .isEqualTo(OppOutcome.SUCCEEDED);
        OppTransaction tooMuch = client.submitBackOffice(
                MERCHANT,
                pa.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.RF, 1, "EUR", mtid + "-rf3"));
        assertThat(tooMuch.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(tooMuch.category()).isEqualTo(ResultCategory.INVALID_REFERENCE);
        assertThat(tooMuch.resultCode()).isEqualTo("700.400.200");

        JsonNode totals = totals(mtid);
        assertThat(totals.path("authorized").asLong()).isEqualTo(9200);
        assertThat(totals.path("captured").asLong()).isEqualTo(5000);
        assertThat(totals.path("refunded").asLong()).isEqualTo(5000);
    }

    @Test
    void refusesACaptureAboveTheAuthorizedAmountAndASecondCapture() {
        String mtid = newMerchantTransactionId("pa");
        OppTransaction pa = client.submitPayment(MERCHANT, card(OppPaymentType.PA, 1000, "EUR", "VISA", mtid, VISA));

        OppTransaction above = client.submitBackOffice(
                MERCHANT,
                pa.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.CP, 1001, "EUR", mtid + "-cp1"));
        OppTransaction first = client.submitBackOffice(
                MERCHANT,
                pa.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.CP, 1000, "EUR", mtid + "-cp2"));
        OppTransaction second = client.submitBackOffice(
                MERCHANT,
                pa.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.CP, 1, "EUR", mtid + "-cp3"));

        assertThat(above.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(above.resultCode()).isEqualTo("700.400.100");
        assertThat(first.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(second.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(second.category()).isEqualTo(ResultCategory.INVALID_REFERENCE);
        assertThat(totals(mtid).path("captured").asLong()).isEqualTo(1000);
    }

    @Test
    void debitsOnMastercardAndReversesTheDebit() {
        String mtid = newMerchantTransactionId("db");
        OppTransaction db =
                client.submitPayment(MERCHANT, card(OppPaymentType.DB, 2599, "EUR", "MASTER", mtid, MASTER));
        OppTransaction reversal = client.submitBackOffice(
                MERCHANT, db.gatewayTransactionId(), OppBackOfficeRequest.reversal(mtid + "-rv"));

        assertThat(db.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(db.type()).isEqualTo(OppPaymentType.DB);
        assertThat(db.card().bin()).isEqualTo("545454");
        assertThat(reversal.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(reversal.type()).isEqualTo(OppPaymentType.RV);
        assertThat(reversal.amountMinor()).isEqualTo(2599L);
        assertThat(totals(mtid).path("reversed").asLong()).isEqualTo(2599);
    }

    @Test
    void reversesAnAmexPreauthorization() {
        String mtid = newMerchantTransactionId("pa");
        OppTransaction pa = client.submitPayment(MERCHANT, card(OppPaymentType.PA, 15000, "USD", "AMEX", mtid, AMEX));
        OppTransaction reversal = client.submitBackOffice(
                MERCHANT, pa.gatewayTransactionId(), OppBackOfficeRequest.reversal(mtid + "-rv"));
        OppTransaction lateCapture = client.submitBackOffice(
                MERCHANT,
                pa.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.CP, 15000, "USD", mtid + "-cp"));

        assertThat(pa.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(pa.paymentBrand()).isEqualTo("AMEX");
        assertThat(reversal.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(lateCapture.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(lateCapture.category()).isEqualTo(ResultCategory.INVALID_REFERENCE);
    }

    @Test
    void rebillsADebitAndRecordsAChargebackAndItsReversal() {
        String mtid = newMerchantTransactionId("db");
        OppTransaction db = client.submitPayment(MERCHANT, card(OppPaymentType.DB, 5000, "EUR", "VISA", mtid, VISA));

        OppTransaction rebill = client.submitBackOffice(
                MERCHANT,
                db.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.RB, 1500, "EUR", mtid + "-rb"));
        OppTransaction chargeback = client.submitBackOffice(
                MERCHANT,
                db.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.CB, 5000, "EUR", mtid + "-cb"));
        OppTransaction refundDuringChargeback = client.submitBackOffice(
                MERCHANT,
                db.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.RF, 100, "EUR", mtid + "-rf"));
        OppTransaction chargebackReversal = client.submitBackOffice(
                MERCHANT,
                db.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.CR, 5000, "EUR", mtid + "-cr"));

        assertThat(rebill.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(rebill.type()).isEqualTo(OppPaymentType.RB);
        assertThat(chargeback.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(chargeback.type()).isEqualTo(OppPaymentType.CB);
        assertThat(refundDuringChargeback.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(refundDuringChargeback.resultCode()).isEqualTo("700.300.600");
        assertThat(chargebackReversal.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(chargebackReversal.type()).isEqualTo(OppPaymentType.CR);
        JsonNode totals = totals(mtid);
        assertThat(totals.path("rebilled").asLong()).isEqualTo(1500);
        assertThat(totals.path("chargedBack").asLong()).isEqualTo(5000);
        assertThat(totals.path("chargebackReversed").asLong()).isEqualTo(5000);
    }

    @Test
    void writesAmountsWithEachCurrencysExponent() {
        OppTransaction yen = client.submitPayment(
                MERCHANT, card(OppPaymentType.DB, 500, "JPY", "VISA", newMerchantTransactionId("jpy"), VISA));
        OppTransaction dinar = client.submitPayment(
                MERCHANT, card(OppPaymentType.DB, 1250, "KWD", "VISA", newMerchantTransactionId("kwd"), VISA));

        assertThat(yen.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(yen.amountMinor()).isEqualTo(500L);
        assertThat(dinar.amountMinor()).isEqualTo(1250L);
        assertThat(gateway.ledger(gateway.entityId(), yen.merchantTransactionId())
                        .get(0)
                        .path("amount")
                        .asString())
                .isEqualTo("500");
        assertThat(gateway.ledger(gateway.entityId(), dinar.merchantTransactionId())
                        .get(0)
                        .path("amount")
                        .asString())
                .isEqualTo("1.250");
    }

    @Test
    void completesAThreeDSecureChallengeAndCapturesAfterwards() {
        String mtid = newMerchantTransactionId("3ds");
        OppTransaction pending = client.submitPayment(MERCHANT, async(OppPaymentType.PA, 4999, "VISA", mtid, VISA_3DS));

        assertThat(pending.outcome()).isEqualTo(OppOutcome.PENDING);
        assertThat(pending.category()).isEqualTo(ResultCategory.PENDING);
        assertThat(pending.resultCode()).isEqualTo("000.200.000");
        assertThat(pending.requiresRedirect()).isTrue();
        assertThat(pending.redirect().method()).isEqualTo("POST");
        assertThat(gateway.charges(mtid)).isZero();

        URI back = browser.press(browser.open(pending.redirect()), "approve");
        Map<String, String> returned = ShopperBrowser.query(back);
        assertThat(back.toString()).startsWith(SHOP);
        assertThat(returned.get("resourcePath")).isEqualTo("/v1/payments/" + pending.gatewayTransactionId());

        OppTransaction status = client.paymentStatus(MERCHANT, returned.get("resourcePath"));
        assertThat(status.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(status.gatewayTransactionId()).isEqualTo(pending.gatewayTransactionId());
        assertThat(gateway.charges(mtid)).isEqualTo(1);
        assertThat(client.submitBackOffice(
                                MERCHANT,
                                status.gatewayTransactionId(),
                                OppBackOfficeRequest.of(OppPaymentType.CP, 4999, "EUR", mtid + "-cp"))
                        .outcome())
                .isEqualTo(OppOutcome.SUCCEEDED);
    }

    @Test
    void declinesAFailedThreeDSecureChallenge() {
        OppTransaction pending = client.submitPayment(
                MERCHANT, async(OppPaymentType.DB, 1000, "VISA", newMerchantTransactionId("3ds"), VISA_3DS));
        URI back = browser.press(browser.open(pending.redirect()), "fail");

        OppTransaction status =
                client.paymentStatus(MERCHANT, ShopperBrowser.query(back).get("resourcePath"));

        assertThat(status.outcome()).isEqualTo(OppOutcome.DECLINED);
        assertThat(status.resultCode()).isEqualTo("100.380.401");
        assertThat(status.category()).isEqualTo(ResultCategory.REJECTED_EXTERNAL_RISK);
    }

    @Test
    void declinesAChallengeTheShopperCancelled() {
        OppTransaction pending = client.submitPayment(
                MERCHANT,
                async(
                        OppPaymentType.DB,
                        1000,
                        "MASTER",
                        newMerchantTransactionId("3ds"),
                        new CardData("5212345678901234", "Jane Jones", 12, 2034, "123")));
        URI back = browser.press(browser.open(pending.redirect()), "cancel");

        OppTransaction status =
                client.paymentStatus(MERCHANT, ShopperBrowser.query(back).get("id"));

        assertThat(status.outcome()).isEqualTo(OppOutcome.DECLINED);
        assertThat(status.resultCode()).isEqualTo("100.396.101");
        assertThat(status.category()).isEqualTo(ResultCategory.ASYNC_WORKFLOW_ERROR);
    }

    @Test
    void declinesAnAbandonedChallengeWhenItTimesOut() {
        OppTransaction pending = client.submitPayment(
                MERCHANT, async(OppPaymentType.PA, 1000, "VISA", newMerchantTransactionId("3ds"), VISA_3DS));
        gateway.operator("payments/" + pending.gatewayTransactionId() + "/abandon");

        OppTransaction status = client.queryById(MERCHANT, pending.gatewayTransactionId());

        assertThat(status.outcome()).isEqualTo(OppOutcome.DECLINED);
        assertThat(status.resultCode()).isEqualTo("100.380.501");
    }

    @Test
    void waitsForTheBanksReceiptOfATransferAndConfirmsIt() {
        String mtid = newMerchantTransactionId("sofort");
        OppTransaction pending =
                client.submitPayment(MERCHANT, async(OppPaymentType.PA, 12000, "SOFORTUEBERWEISUNG", mtid, null));

        assertThat(pending.outcome()).isEqualTo(OppOutcome.PENDING);
        assertThat(pending.redirect().method()).isEqualTo("GET");
        assertThat(pending.card()).isNull();

        URI back = browser.press(browser.open(pending.redirect()), "approve");
        OppTransaction awaitingReceipt =
                client.paymentStatus(MERCHANT, ShopperBrowser.query(back).get("resourcePath"));
        assertThat(awaitingReceipt.outcome()).isEqualTo(OppOutcome.PENDING);
        assertThat(awaitingReceipt.category()).isEqualTo(ResultCategory.PENDING_LONG_TERM);
        assertThat(awaitingReceipt.resultCode()).isEqualTo("800.400.500");

        OppTransaction receipt = client.submitBackOffice(
                MERCHANT, pending.gatewayTransactionId(), OppBackOfficeRequest.receipt(mtid + "-rc"));
        assertThat(receipt.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(receipt.type()).isEqualTo(OppPaymentType.RC);
        OppTransaction received = client.queryById(MERCHANT, pending.gatewayTransactionId());
        assertThat(received.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(received.resultCode()).isEqualTo("000.600.000");
        assertThat(totals(mtid).path("received").asLong()).isEqualTo(12000);
    }

    @Test
    void learnsOfTheBanksReceiptThroughTheQueryEndpoint() {
        String mtid = newMerchantTransactionId("sofort");
        OppTransaction pending =
                client.submitPayment(MERCHANT, async(OppPaymentType.DB, 800, "SOFORTUEBERWEISUNG", mtid, null));
        browser.press(browser.open(pending.redirect()), "approve");
        gateway.operator("payments/" + pending.gatewayTransactionId() + "/receipt");

        OppTransaction resolved = client.resolve(MERCHANT, mtid);

        assertThat(resolved.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(resolved.gatewayTransactionId()).isEqualTo(pending.gatewayTransactionId());
    }

    @Test
    void paysByInstantBankTransfer() {
        OppTransaction pending = client.submitPayment(
                MERCHANT, async(OppPaymentType.DB, 2500, "GIROPAY", newMerchantTransactionId("giropay"), null));
        URI back = browser.press(browser.open(pending.redirect()), "approve");

        OppTransaction status =
                client.paymentStatus(MERCHANT, ShopperBrowser.query(back).get("resourcePath"));

        assertThat(status.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(status.paymentBrand()).isEqualTo("GIROPAY");
    }

    @Test
    void storesACardOnAnInitialPaymentAndChargesItLaterWithoutTheShopper() {
        String mtid = newMerchantTransactionId("cit");
        OppTransaction initial = client.submitPayment(
                MERCHANT,
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        990,
                        "EUR",
                        "VISA",
                        mtid,
                        VISA,
                        true,
                        CredentialOnFile.initialCit(Type.RECURRING),
                        null,
                        null,
                        "Monthly plan"));

        assertThat(initial.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(initial.registrationId()).matches("[0-9a-f]{32}");
        assertThat(initial.initialTransactionId()).isNotBlank();

        OppTransaction renewal = client.submitRegistrationPayment(
                MERCHANT,
                initial.registrationId(),
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        990,
                        "EUR",
                        null,
                        newMerchantTransactionId("mit"),
                        null,
                        false,
                        CredentialOnFile.repeatedMit(Type.RECURRING, initial.initialTransactionId()),
                        null,
                        null,
                        null));
        assertThat(renewal.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(renewal.registrationId()).isEqualTo(initial.registrationId());
        assertThat(renewal.amountMinor()).isEqualTo(990L);

        client.deleteRegistration(MERCHANT, initial.registrationId());
        OppTransaction afterDeletion = client.submitRegistrationPayment(
                MERCHANT,
                initial.registrationId(),
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        990,
                        "EUR",
                        null,
                        newMerchantTransactionId("mit"),
                        null,
                        false,
                        CredentialOnFile.repeatedMit(Type.RECURRING, initial.initialTransactionId()),
                        null,
                        null,
                        null));
        assertThat(afterDeletion.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(afterDeletion.category()).isEqualTo(ResultCategory.INVALID_REGISTRATION);
        assertThatThrownBy(() -> client.deleteRegistration(MERCHANT, initial.registrationId()))
                .isInstanceOf(OppGatewayException.class)
                .hasMessageContaining("100.150.202");
    }

    @Test
    void refusesAMerchantInitiatedPaymentWithoutItsInitialPayment() {
        String mtid = newMerchantTransactionId("cit");
        OppTransaction stored = client.submitPayment(
                MERCHANT,
                new OppPaymentRequest(OppPaymentType.PA, 100, "EUR", "VISA", mtid, VISA, true, null, null, null, null));

        OppTransaction orphan = client.submitRegistrationPayment(
                MERCHANT,
                stored.registrationId(),
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        100,
                        "EUR",
                        null,
                        newMerchantTransactionId("mit"),
                        null,
                        false,
                        CredentialOnFile.repeatedMit(Type.UNSCHEDULED, "123456789012345"),
                        null,
                        null,
                        null));

        assertThat(orphan.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(orphan.category()).isEqualTo(ResultCategory.INVALID_FORMAT);
        assertThat(orphan.resultCode()).isEqualTo("200.300.404");
    }

    private static JsonNode totals(String mtid) {
        JsonNode ledger = gateway.get("sandbox/ledger?entityId=" + SandboxGateway.encode(gateway.entityId())
                + "&merchantTransactionId=" + SandboxGateway.encode(mtid));
        return ledger.path("entities").get(0).path("totals").get(0);
    }

    static OppPaymentRequest card(
            OppPaymentType type, long amount, String currency, String brand, String mtid, CardData card) {
        return new OppPaymentRequest(type, amount, currency, brand, mtid, card, false, null, null, null, null);
    }

    static OppPaymentRequest async(OppPaymentType type, long amount, String brand, String mtid, CardData card) {
        return new OppPaymentRequest(type, amount, "EUR", brand, mtid, card, false, null, SHOP, null, null);
    }
}

package io.s2spay.sandbox;

import static io.s2spay.sandbox.OppClient.visaDebit;
import static io.s2spay.sandbox.OppClient.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.sandbox.OppClient.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/payments/{id}}: CP, RV, RF, RB, CB, CR, RC and the gateway's rules, over HTTP. */
class BackOfficeIT {

    private static GatewaySandbox sandbox;
    private static OppClient opp;

    @BeforeAll
    static void start() {
        sandbox = TestSandbox.shared();
        opp = new OppClient(sandbox);
    }

    private static String preauthorize(String amount) {
        Reply reply = opp.pay(with(visaDebit(), "paymentType", "PA", "amount", amount));
        assertThat(reply.code()).isEqualTo("000.100.110");
        return reply.id();
    }

    private static String debit(String amount) {
        Reply reply = opp.pay(with(visaDebit(), "amount", amount));
        assertThat(reply.code()).isEqualTo("000.100.110");
        return reply.id();
    }

    private static Reply operate(String id, String type, String amount) {
        return opp.backOffice(id, type, amount);
    }

    private static void assertRefused(Reply reply, String code) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().has("id")).isFalse();
    }

    @Test
    void capturesAPreauthorizationAsItsOwnTransaction() {
        String pa = preauthorize("92.00");

        Reply capture = operate(pa, "CP", "92.00");

        assertThat(capture.status()).isEqualTo(200);
        assertThat(capture.code()).isEqualTo("000.100.110");
        assertThat(capture.id()).matches("[0-9a-f]{32}").isNotEqualTo(pa);
        assertThat(capture.json().path("referencedId").asString()).isEqualTo(pa);
        assertThat(capture.json().path("paymentType").asString()).isEqualTo("CP");
        assertThat(capture.json().path("amount").asString()).isEqualTo("92.00");
        assertThat(opp.query(capture.id()).json().path("paymentType").asString())
                .isEqualTo("CP");
    }

    @Test
    void capturesPartiallyButOnlyOnce() {
        String pa = preauthorize("92.00");

        assertThat(operate(pa, "CP", "50.00").code()).isEqualTo("000.100.110");
        assertRefused(operate(pa, "CP", "10.00"), "700.300.300");
    }

    @Test
    void rejectsCaptureAboveAuthorizedAmount() {
        assertRefused(operate(preauthorize("92.00"), "CP", "92.01"), "700.400.100");
    }

    @Test
    void rejectsCaptureOfADebit() {
        assertRefused(operate(debit("92.00"), "CP", "92.00"), "700.400.510");
    }

    @Test
    void rejectsCaptureInAnotherCurrency() {
        String pa = preauthorize("92.00");
        Reply reply = opp.post("v1/payments/" + pa, Map.of("paymentType", "CP", "amount", "92.00", "currency", "USD"));

        assertRefused(reply, "700.100.500");
    }

    @Test
    void rejectsCaptureAfterReversal() {
        String pa = preauthorize("92.00");
        Reply reversal = operate(pa, "RV", null);

        assertThat(reversal.code()).isEqualTo("000.100.110");
        assertThat(reversal.json().path("amount").asString()).isEqualTo("92.00");
        assertRefused(operate(pa, "CP", "92.00"), "700.400.100");
        assertRefused(operate(pa, "RV", null), "700.300.300");
    }

    @Test
    void rejectsOperationsOnADeclinedPayment() {
        String declined = opp.pay(with(visaDebit(), "paymentType", "PA", "card.number", "4000000000000002"))
                .id();

        assertRefused(operate(declined, "CP", "92.00"), "700.300.200");
        assertRefused(operate(declined, "RV", null), "700.300.200");
    }

    @Test
    void refundsFullyAndPartiallyUpToTheCapturedAmount() {
        String db = debit("92.00");

        assertThat(operate(db, "RF", "40.00").code()).isEqualTo("000.100.110");
        assertThat(operate(db, "RF", "50.00").code()).isEqualTo("000.100.110");
        assertRefused(operate(db, "RF", "2.01"), "700.400.200");
        assertThat(operate(db, "RF", "2.00").code()).isEqualTo("000.100.110");
        assertRefused(operate(db, "RF", "0.01"), "700.400.200");
    }

    @Test
    void refundsACapturedPreauthorizationOnlyUpToTheCapture() {
        String pa = preauthorize("92.00");
        String cp = operate(pa, "CP", "60.00").id();

        assertRefused(operate(cp, "RF", "60.01"), "700.400.200");
        assertThat(operate(cp, "RF", "60.00").code()).isEqualTo("000.100.110");
    }

    @Test
    void rejectsRefundOfAnUncapturedPreauthorization() {
        assertRefused(operate(preauthorize("92.00"), "RF", "10.00"), "700.400.520");
    }

    @Test
    void reversesADebitWithinTheWindowButNotAfterARefund() {
        String reversible = debit("30.00");
        String refunded = debit("30.00");
        operate(refunded, "RF", "5.00");

        assertThat(operate(reversible, "RV", null).code()).isEqualTo("000.100.110");
        assertRefused(operate(reversible, "RF", "1.00"), "700.400.200");
        assertRefused(operate(refunded, "RV", null), "700.400.300");
    }

    @Test
    void rejectsReversalOfARefund() {
        String db = debit("30.00");
        String rf = operate(db, "RF", "5.00").id();

        assertRefused(operate(rf, "RV", null), "700.100.700");
    }

    @Test
    void rejectsReversalWithAnotherAmount() {
        assertRefused(operate(preauthorize("92.00"), "RV", "10.00"), "700.100.200");
    }

    @Test
    void rebillsACapturedPaymentAndRefundsTheRebilledAmountToo() {
        String db = debit("20.00");

        Reply rebill = operate(db, "RB", "5.00");

        assertThat(rebill.code()).isEqualTo("000.100.110");
        assertThat(operate(db, "RF", "25.00").code()).isEqualTo("000.100.110");
        assertRefused(operate(preauthorize("20.00"), "RB", "5.00"), "700.100.700");
    }

    @Test
    void chargesBackAndReversesTheChargebackWithTheirRules() {
        String db = debit("80.00");
        assertRefused(operate(db, "CR", "10.00"), "700.400.420");

        Reply chargeback = operate(db, "CB", "80.00");
        assertThat(chargeback.code()).isEqualTo("000.100.110");
        assertRefused(operate(db, "CB", "10.00"), "700.300.500");
        assertRefused(operate(db, "RF", "10.00"), "700.300.600");
        assertRefused(operate(db, "RV", null), "700.300.600");
        assertRefused(operate(db, "CR", "80.01"), "700.100.300");

        assertThat(operate(chargeback.id(), "CR", "80.00").code()).isEqualTo("000.100.110");
        assertRefused(operate(db, "CR", "1.00"), "700.400.410");
        assertThat(operate(db, "RF", "10.00").code()).isEqualTo("000.100.110");
    }

    @Test
    void rejectsChargebackAboveWhatWasNotRefunded() {
        String db = debit("50.00");
        operate(db, "RF", "30.00");

        assertRefused(operate(db, "CB", "20.01"), "700.100.300");
        assertRefused(operate(preauthorize("10.00"), "CB", "10.00"), "700.400.550");
    }

    @Test
    void rejectsReceiptOnACardPayment() {
        assertRefused(operate(debit("10.00"), "RC", null), "700.400.560");
    }

    @Test
    void requiresAmountAndCurrencyForCaptureRefundRebillAndChargebacks() {
        String db = debit("10.00");
        for (String type : new String[] {"CP", "RF", "RB", "CB", "CR"}) {
            Reply reply = opp.post("v1/payments/" + db, Map.of("paymentType", type));
            assertThat(reply.status()).as(type).isEqualTo(400);
            assertThat(reply.code()).as(type).isEqualTo("200.300.404");
        }
        assertRefused(
                opp.post("v1/payments/" + db, Map.of("paymentType", "DB", "amount", "1.00", "currency", "EUR")),
                "200.300.404");
    }

    @Test
    void blocksADuplicateRefundWithTheSameMerchantTransactionId() {
        String db = debit("50.00");
        Map<String, String> refund = Map.of(
                "paymentType",
                "RF",
                "amount",
                "10.00",
                "currency",
                "EUR",
                "merchantTransactionId",
                "refund-" + UUID.randomUUID());

        assertThat(opp.post("v1/payments/" + db, refund).code()).isEqualTo("000.100.110");
        assertRefused(opp.post("v1/payments/" + db, refund), "800.130.100");
    }

    @Test
    void keepsTheLedgerOfEveryMoneyMovement() {
        String mtx = "ledger-" + UUID.randomUUID();
        String pa = opp.pay(with(visaDebit(), "paymentType", "PA", "amount", "100.00", "merchantTransactionId", mtx))
                .id();
        operate(pa, "CP", "100.00");
        operate(pa, "RF", "30.00");
        opp.postPlain("sandbox/operator/payments/" + pa + "/chargeback", Map.of("amount", "20.00"));

        JsonNode entity = opp.getPlain("sandbox/ledger?merchantTransactionId=" + mtx)
                .json()
                .path("entities")
                .get(0);

        assertThat(entity.path("entityId").asString()).isEqualTo(opp.entityId());
        assertThat(entity.path("counts").path("PA").asInt()).isEqualTo(1);
        assertThat(entity.path("counts").path("CP").asInt()).isEqualTo(1);
        assertThat(entity.path("counts").path("RF").asInt()).isEqualTo(1);
        assertThat(entity.path("counts").path("CB").asInt()).isEqualTo(1);
        JsonNode totals = entity.path("totals").get(0);
        assertThat(totals.path("currency").asString()).isEqualTo("EUR");
        assertThat(totals.path("authorized").asLong()).isEqualTo(10000);
        assertThat(totals.path("captured").asLong()).isEqualTo(10000);
        assertThat(totals.path("refunded").asLong()).isEqualTo(3000);
        assertThat(totals.path("chargedBack").asLong()).isEqualTo(2000);
        assertThat(totals.path("net").asLong()).isEqualTo(5000);
    }
}

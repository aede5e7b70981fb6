package io.s2spay.connector.opp;

import static io.s2spay.connector.opp.SandboxGateway.MERCHANT;
import static io.s2spay.connector.opp.SandboxGateway.newMerchantTransactionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.gateway.CardData;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every result category the sandbox produces, reached over HTTP through its test cards, forced result codes
 * ({@code card.holder=RESULT ddd.ddd.ddd}) and refused requests, classified by the connector.
 */
class ResultCategoriesIT {

    static SandboxGateway gateway;
    static OppGatewayClient client;

    @BeforeAll
    static void connect() {
        gateway = SandboxGateway.shared();
        client = gateway.client(gateway.properties(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @ParameterizedTest(name = "card {0} -> {1} {2} {3}")
    @CsvSource({
        "4200000000000000, 000.100.110, SUCCESSFUL,               SUCCEEDED",
        "4000000000000804, 000.400.000, SUCCESSFUL_MANUAL_REVIEW, SUCCEEDED",
        "4000000000000002, 800.100.151, REJECTED_BY_BANK,         DECLINED",
        "5200000000000007, 800.100.152, REJECTED_BY_BANK,         DECLINED",
        "4000000000009995, 800.100.155, REJECTED_BY_BANK,         DECLINED",
        "4000000000000101, 100.400.319, REJECTED_EXTERNAL_RISK,   DECLINED",
        "4000000000000200, 800.300.401, REJECTED_BLACKLIST,       DECLINED",
        "4000000000000705, 100.390.105, REJECTED_3DS,             DECLINED",
        "4000000000000408, 900.100.600, COMMUNICATION_ERROR,      FAILED",
        "4000000000000507, 999.999.999, SYSTEM_ERROR,             FAILED",
        "4000000000000606, 800.800.800, SYSTEM_ERROR,             FAILED",
        "4200000000000001, 100.100.101, INVALID_ACCOUNT,          DECLINED"
    })
    void classifiesTheAnswerForEachTestCard(String number, String code, ResultCategory category, OppOutcome outcome) {
        String brand = number.startsWith("5") ? "MASTER" : "VISA";
        OppTransaction result = client.submitPayment(
                MERCHANT,
                PaymentFlowsIT.card(
                        OppPaymentType.DB,
                        1000,
                        "EUR",
                        brand,
                        newMerchantTransactionId("card"),
                        new CardData(number, "Jane Jones", 12, 2034, "123")));

        assertThat(result.resultCode()).isEqualTo(code);
        assertThat(result.category()).isEqualTo(category);
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(gateway.charges(result.merchantTransactionId())).isEqualTo(outcome == OppOutcome.SUCCEEDED ? 1 : 0);
    }

    @ParameterizedTest(name = "forced {0} -> {1} {2}")
    @CsvSource({
        "000.000.000, SUCCESSFUL,                      SUCCEEDED",
        "000.400.020, SUCCESSFUL_MANUAL_REVIEW,        SUCCEEDED",
        "000.400.101, REJECTED_3DS_AND_INTERCARD_RISK, DECLINED",
        "000.400.200, REJECTED_3DS_AND_INTERCARD_RISK, DECLINED",
        "800.100.171, REJECTED_BY_BANK,                DECLINED",
        "800.700.100, REJECTED_BY_BANK,                DECLINED",
        "900.100.600, COMMUNICATION_ERROR,             FAILED",
        "900.300.600, COMMUNICATION_ERROR,             DECLINED",
        "600.100.100, SYSTEM_ERROR,                    FAILED",
        "100.396.104, ASYNC_WORKFLOW_ERROR,            DECLINED",
        "100.380.401, REJECTED_EXTERNAL_RISK,          DECLINED",
        "100.400.142, REJECTED_EXTERNAL_RISK,          DECLINED",
        "800.400.100, REJECTED_ADDRESS_VALIDATION,     DECLINED",
        "800.400.200, REJECTED_3DS,                    DECLINED",
        "800.200.159, REJECTED_BLACKLIST,              DECLINED",
        "800.120.100, REJECTED_RISK_VALIDATION,        DECLINED",
        "800.110.100, REJECTED_RISK_VALIDATION,        DECLINED",
        "800.100.500, REJECTED_BY_BANK,                DECLINED"
    })
    void classifiesForcedResultCodes(String code, ResultCategory category, OppOutcome outcome) {
        OppTransaction result = forced(code);

        assertThat(result.resultCode()).isEqualTo(code);
        assertThat(result.category()).isEqualTo(category);
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.gatewayTransactionId())
                .as("processed, so recorded by the gateway")
                .isNotNull();
    }

    @ParameterizedTest(name = "refused {0} -> {1} {2}")
    @CsvSource({
        "600.200.201, INVALID_CONFIGURATION,   FAILED",
        "100.150.300, INVALID_REGISTRATION,    FAILED",
        "700.100.200, INVALID_REFERENCE,       FAILED",
        "200.300.404, INVALID_FORMAT,          FAILED",
        "100.100.303, INVALID_ACCOUNT,         DECLINED",
        "100.550.300, INVALID_AMOUNT,          FAILED",
        "100.380.305, INVALID_RISK_MANAGEMENT, FAILED"
    })
    void classifiesValidationRefusals(String code, ResultCategory category, OppOutcome outcome) {
        OppTransaction result = forced(code);

        assertThat(result.resultCode()).isEqualTo(code);
        assertThat(result.category()).isEqualTo(category);
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.gatewayTransactionId())
                .as("refused, so nothing recorded")
                .isNull();
        assertThat(client.resolve(MERCHANT, result.merchantTransactionId()).category())
                .isEqualTo(ResultCategory.NOT_RECEIVED);
    }

    @Test
    void refusesAnExpiredCardWithTheAccountValidationCode() {
        OppTransaction result = client.submitPayment(
                MERCHANT,
                PaymentFlowsIT.card(
                        OppPaymentType.DB,
                        1000,
                        "EUR",
                        "VISA",
                        newMerchantTransactionId("expired"),
                        new CardData("4200000000000000", "Jane", 1, 2020, "123")));

        assertThat(result.resultCode()).isEqualTo("100.100.303");
        assertThat(result.category()).isEqualTo(ResultCategory.INVALID_ACCOUNT);
        assertThat(result.outcome()).isEqualTo(OppOutcome.DECLINED);
    }

    @Test
    void refusesAnAsynchronousPaymentWithoutShopperResultUrl() {
        OppTransaction result = client.submitPayment(
                MERCHANT,
                PaymentFlowsIT.card(
                        OppPaymentType.DB, 1000, "EUR", "GIROPAY", newMerchantTransactionId("giropay"), null));

        assertThat(result.resultCode()).isEqualTo("100.380.305");
        assertThat(result.category()).isEqualTo(ResultCategory.INVALID_RISK_MANAGEMENT);
        assertThat(result.outcome()).isEqualTo(OppOutcome.FAILED);
    }

    @Test
    void refusesAnUnknownTokenAndAnotherMerchantsEntity() {
        OppTransaction impostor = client.submitPayment(
                SandboxGateway.IMPOSTOR,
                PaymentFlowsIT.card(
                        OppPaymentType.DB, 1000, "EUR", "VISA", newMerchantTransactionId("auth"), PaymentFlowsIT.VISA));
        OppTransaction trespasser = client.submitPayment(
                SandboxGateway.TRESPASSER,
                PaymentFlowsIT.card(
                        OppPaymentType.DB, 1000, "EUR", "VISA", newMerchantTransactionId("auth"), PaymentFlowsIT.VISA));

        assertThat(impostor.resultCode()).isEqualTo("800.900.300");
        assertThat(impostor.category()).isEqualTo(ResultCategory.INVALID_FORMAT);
        assertThat(impostor.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(trespasser.resultCode()).isEqualTo("800.900.301");
        assertThat(trespasser.outcome()).isEqualTo(OppOutcome.FAILED);
    }

    @Test
    void findsNoTransactionOfAnotherMerchant() {
        OppTransaction paid = client.submitPayment(
                MERCHANT,
                PaymentFlowsIT.card(
                        OppPaymentType.DB,
                        1000,
                        "EUR",
                        "VISA",
                        newMerchantTransactionId("isolation"),
                        PaymentFlowsIT.VISA));

        OppTransaction foreign = client.queryById(SandboxGateway.OTHER_MERCHANT, paid.gatewayTransactionId());
        OppTransaction foreignResolve = client.resolve(SandboxGateway.OTHER_MERCHANT, paid.merchantTransactionId());

        assertThat(foreign.outcome())
                .as("a refused status request says nothing about the payment")
                .isEqualTo(OppOutcome.UNKNOWN);
        assertThat(foreign.resultCode()).isEqualTo("700.400.580");
        assertThat(foreignResolve.category()).isEqualTo(ResultCategory.NOT_RECEIVED);
    }

    @Test
    void recordsABankOriginatedChargebackWithItsReasonCode() {
        OppTransaction paid = client.submitPayment(
                MERCHANT,
                PaymentFlowsIT.card(
                        OppPaymentType.DB, 3000, "EUR", "VISA", newMerchantTransactionId("cb"), PaymentFlowsIT.VISA));
        String chargebackId = gateway.operator(
                        "payments/" + paid.gatewayTransactionId() + "/chargeback?reasonCode=000.100.221")
                .path("id")
                .asString();

        OppTransaction chargeback = client.queryById(MERCHANT, chargebackId);

        assertThat(chargeback.type()).isEqualTo(OppPaymentType.CB);
        assertThat(chargeback.resultCode()).isEqualTo("000.100.221");
        assertThat(chargeback.category()).isEqualTo(ResultCategory.CHARGEBACK);
        assertThat(chargeback.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(chargeback.referencedId()).isEqualTo(paid.gatewayTransactionId());
        assertThat(chargeback.amountMinor()).isEqualTo(3000L);
    }

    @Test
    void reportsAnUncertainAcquirerTimeoutAsUnknownUntilTheLateAnswerArrives() {
        String mtid = newMerchantTransactionId("uncertain");
        OppTransaction result = client.submitPayment(
                MERCHANT,
                PaymentFlowsIT.card(
                        OppPaymentType.DB,
                        1000,
                        "EUR",
                        "VISA",
                        mtid,
                        new CardData("4000000000000309", "Jane Jones", 12, 2034, "123")));

        assertThat(result.resultCode()).isEqualTo("900.100.300");
        assertThat(result.category()).isEqualTo(ResultCategory.COMMUNICATION_ERROR);
        assertThat(result.outcome()).isEqualTo(OppOutcome.UNKNOWN);
        assertThat(client.resolve(MERCHANT, mtid).outcome()).isEqualTo(OppOutcome.UNKNOWN);

        gateway.operator("payments/" + result.gatewayTransactionId() + "/late-acquirer-answer");

        OppTransaction resolved = client.resolve(MERCHANT, mtid);
        assertThat(resolved.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(resolved.resultCode()).isEqualTo("000.600.000");
        assertThat(gateway.charges(mtid)).isEqualTo(1);
    }

    private static OppTransaction forced(String code) {
        return client.submitPayment(
                MERCHANT,
                PaymentFlowsIT.card(
                        OppPaymentType.DB,
                        1000,
                        "EUR",
                        "VISA",
                        newMerchantTransactionId("forced"),
                        new CardData("4200000000000000", "RESULT " + code, 12, 2034, "123")));
    }
}

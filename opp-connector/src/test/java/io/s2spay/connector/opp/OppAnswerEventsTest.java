package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.event.GatewayOutcomeEvents;
import io.s2spay.gateway.event.GatewayOutcomeEvents.InitialPayment;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.ReceiptConfirmed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OPP's answers, through the adapter's translation, become the contract's events. */
class OppAnswerEventsTest {

    private static final Money AMOUNT = new Money(9200L, "EUR");
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.678901Z");

    @Test
    void approvedDebitBecomesPaymentDebitedWithTheGatewaysResultAndEchoedCard() {
        var answer = answer(
                OppOutcome.SUCCEEDED,
                ResultCategory.SUCCESSFUL,
                "DB",
                "000.100.110",
                new OppCardSummary("420000", "0000", "Jane", 12, 2030, null),
                null);

        var event = GatewayOutcomeEvents.initialPaymentOutcome(initial(PaymentType.DB), OppAnswers.toPort(answer));

        assertThat(event).isInstanceOfSatisfying(PaymentDebited.class, debited -> {
            assertThat(debited.getAmount()).isEqualTo(AMOUNT);
            assertThat(debited.getMerchantTransactionId()).isEqualTo("mtid-1");
            assertThat(debited.getGatewayResult().getGatewayTransactionId()).isEqualTo("8ac7a4a1");
            assertThat(debited.getGatewayResult().getCode()).isEqualTo("000.100.110");
            assertThat(debited.getGatewayResult().getTimestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
            assertThat(debited.getCard().getBin()).isEqualTo("420000");
            assertThat(debited.getCard().getLast4Digits()).isEqualTo("0000");
            assertThat(debited.getCard().getBrand()).isEqualTo("VISA");
        });
    }

    @Test
    void approvedPreauthorizationBecomesPaymentAuthorized() {
        var answer = answer(OppOutcome.SUCCEEDED, ResultCategory.SUCCESSFUL, "PA", "000.000.000", null, null);

        assertThat(GatewayOutcomeEvents.initialPaymentOutcome(initial(PaymentType.PA), OppAnswers.toPort(answer)))
                .isInstanceOf(PaymentAuthorized.class);
    }

    @Test
    void pendingWithRedirectBecomesPaymentRedirectRequiredWithItsParameters() {
        var redirect =
                new OppRedirect("https://acs.example/3ds", null, List.of(new OppRedirect.Parameter("PaReq", "abc")));
        var answer = answer(OppOutcome.PENDING, ResultCategory.PENDING, "DB", "000.200.000", null, redirect);

        var event = GatewayOutcomeEvents.initialPaymentOutcome(initial(PaymentType.DB), OppAnswers.toPort(answer));

        assertThat(event).isInstanceOfSatisfying(PaymentRedirectRequired.class, required -> {
            assertThat(required.getRedirect().getUrl()).isEqualTo("https://acs.example/3ds");
            assertThat(required.getRedirect().getMethod()).isEqualTo("POST");
            assertThat(required.getRedirect().getParameters()).containsEntry("PaReq", "abc");
        });
    }

    @Test
    void approvedTransferAwaitingTheBanksReceiptIsPaymentAwaitingReceipt() {
        var answer = answer(OppOutcome.PENDING, ResultCategory.PENDING_LONG_TERM, "PA", "800.400.500", null, null);

        assertThat(GatewayOutcomeEvents.initialPaymentOutcome(initial(PaymentType.PA), OppAnswers.toPort(answer)))
                .isInstanceOfSatisfying(PaymentAwaitingReceipt.class, awaiting -> {
                    assertThat(awaiting.getGatewayResult().getCode()).isEqualTo("800.400.500");
                    assertThat(awaiting.getGatewayResult().getGatewayTransactionId())
                            .isEqualTo("8ac7a4a1");
                });
    }

    @Test
    void pendingWithoutRedirectIsNotFinalSoItIsAnUnknownOutcome() {
        var answer = answer(OppOutcome.PENDING, ResultCategory.PENDING, "PA", "000.200.000", null, null);

        assertThat(GatewayOutcomeEvents.initialPaymentOutcome(initial(PaymentType.PA), OppAnswers.toPort(answer)))
                .isInstanceOfSatisfying(
                        PaymentOutcomeUnknown.class,
                        unknown -> assertThat(unknown.getReason()).contains("000.200.000"));
    }

    @Test
    void successCarriesTheNetworksInitialTransactionId() {
        var answer = new OppTransaction(
                OppOutcome.SUCCEEDED,
                ResultCategory.SUCCESSFUL,
                "8ac7a4a1",
                "DB",
                "000.100.110",
                "ok",
                9200L,
                "EUR",
                "mtid-1",
                null,
                null,
                "8a82944a4cc25ebf014cc2c782423202",
                AT,
                null,
                "VISA",
                null,
                "123456789012345");

        assertThat(GatewayOutcomeEvents.initialPaymentOutcome(initial(PaymentType.DB), OppAnswers.toPort(answer)))
                .isInstanceOfSatisfying(PaymentDebited.class, debited -> {
                    assertThat(debited.getInitialTransactionId()).isEqualTo("123456789012345");
                    assertThat(debited.getRegistrationId()).isEqualTo("8a82944a4cc25ebf014cc2c782423202");
                });
    }

    @Test
    void declineCarriesItsCategory() {
        var answer = answer(OppOutcome.DECLINED, ResultCategory.REJECTED_BY_BANK, "DB", "800.100.152", null, null);

        assertThat(GatewayOutcomeEvents.initialPaymentOutcome(initial(PaymentType.DB), OppAnswers.toPort(answer)))
                .isInstanceOfSatisfying(
                        PaymentDeclined.class,
                        declined -> assertThat(declined.getCategory()).isEqualTo("REJECTED_BY_BANK"));
    }

    @Test
    void neverReceivedIsAFailureThatSaysNothingWasCharged() {
        var answer = new OppTransaction(
                OppOutcome.FAILED,
                ResultCategory.NOT_RECEIVED,
                null,
                null,
                null,
                null,
                null,
                null,
                "mtid-1",
                null,
                null,
                null,
                null,
                "no transaction with merchantTransactionId mtid-1");

        assertThat(GatewayOutcomeEvents.initialPaymentOutcome(initial(PaymentType.DB), OppAnswers.toPort(answer)))
                .isInstanceOfSatisfying(PaymentFailed.class, failed -> {
                    assertThat(failed.getGatewayResult()).isNull();
                    assertThat(failed.getReason()).contains("never reached the gateway", "nothing was charged");
                });
    }

    @Test
    void lostAnswerIsAnUnknownOutcomeNeverAFailure() {
        var answer = new OppTransaction(
                OppOutcome.UNKNOWN,
                ResultCategory.NO_RESPONSE,
                null,
                null,
                null,
                null,
                null,
                null,
                "mtid-1",
                null,
                null,
                null,
                null,
                "timeout: no complete answer within 10000 ms");

        assertThat(GatewayOutcomeEvents.initialPaymentOutcome(initial(PaymentType.DB), OppAnswers.toPort(answer)))
                .isInstanceOfSatisfying(
                        PaymentOutcomeUnknown.class,
                        unknown -> assertThat(unknown.getReason()).contains("timeout"));
    }

    @Test
    void backOfficeSuccessesBecomeTheirEvents() {
        var answer = answer(OppOutcome.SUCCEEDED, ResultCategory.SUCCESSFUL, "CP", "000.100.110", null, null);

        assertThat(GatewayOutcomeEvents.backOfficeSucceeded(
                        TransactionType.CP, "op-1", AMOUNT, OppAnswers.toPort(answer)))
                .isInstanceOfSatisfying(PaymentCaptured.class, captured -> {
                    assertThat(captured.getOperationId()).isEqualTo("op-1");
                    assertThat(captured.getAmount()).isEqualTo(AMOUNT);
                });
        assertThat(GatewayOutcomeEvents.backOfficeSucceeded(
                        TransactionType.RF, "op-2", AMOUNT, OppAnswers.toPort(answer)))
                .isInstanceOf(PaymentRefunded.class);
        assertThat(GatewayOutcomeEvents.backOfficeSucceeded(
                        TransactionType.RC, "op-3", AMOUNT, OppAnswers.toPort(answer)))
                .isInstanceOf(ReceiptConfirmed.class);
    }

    @Test
    void refusesToTurnARefusalIntoABackOfficeSuccess() {
        var answer = answer(OppOutcome.FAILED, ResultCategory.INVALID_REFERENCE, "CP", "700.400.100", null, null);

        assertThatThrownBy(() -> GatewayOutcomeEvents.backOfficeSucceeded(
                        TransactionType.CP, "op-1", AMOUNT, OppAnswers.toPort(answer)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InitialPayment initial(PaymentType type) {
        return new InitialPayment(type, AMOUNT, "mtid-1", "VISA", null, null);
    }

    private static OppTransaction answer(
            OppOutcome outcome,
            ResultCategory category,
            String type,
            String code,
            OppCardSummary card,
            OppRedirect redirect) {
        return new OppTransaction(
                outcome,
                category,
                "8ac7a4a1",
                type,
                code,
                "description",
                9200L,
                "EUR",
                "mtid-1",
                card,
                redirect,
                null,
                AT,
                null);
    }
}

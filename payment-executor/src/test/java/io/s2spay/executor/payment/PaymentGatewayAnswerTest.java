package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.connector.opp.OppCardSummary;
import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppRedirect;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.connector.opp.ResultCategory;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.PaymentType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentGatewayAnswerTest {

    private static final PaymentInstruction DEBIT = new PaymentInstruction("cmd-1", "pay-1", "merchant-demo", "corr-1",
            PaymentType.DB, 9200, "EUR", "VISA", "order-1", "card_1",
            new CardSummary("420000", "0000", "VISA", 12, 2030), null, false, null, null, null);

    private static OppTransaction transaction(OppOutcome outcome, ResultCategory category, String code, Long amount,
            OppRedirect redirect, String failureReason) {
        return new OppTransaction(outcome, category, code == null ? null : "8ac7a4a1000000000000000000000001", "DB",
                code, code == null ? null : "description", amount, amount == null ? null : "EUR", "order-1",
                new OppCardSummary("420000", "0000", null, 12, 2030, "VISA"), redirect, null, null, failureReason);
    }

    @Test
    void mapsEveryConnectorOutcome() {
        assertThat(PaymentGateway.answer(DEBIT, transaction(OppOutcome.SUCCEEDED, ResultCategory.SUCCESSFUL,
                "000.100.110", 9200L, null, null), 1).outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(PaymentGateway.answer(DEBIT, transaction(OppOutcome.PENDING, ResultCategory.PENDING,
                "000.200.000", 9200L, new OppRedirect("https://acs.example/3ds", "POST",
                        List.of(new OppRedirect.Parameter("PaReq", "abc"))), null), 1).outcome())
                .isEqualTo(GatewayOutcome.REDIRECT);
        assertThat(PaymentGateway.answer(DEBIT, transaction(OppOutcome.PENDING, ResultCategory.PENDING_LONG_TERM,
                "800.400.500", 9200L, null, null), 1).outcome()).isEqualTo(GatewayOutcome.PENDING);
        assertThat(PaymentGateway.answer(DEBIT, transaction(OppOutcome.DECLINED, ResultCategory.REJECTED_BY_BANK,
                "800.100.151", 9200L, null, null), 1).outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(PaymentGateway.answer(DEBIT, transaction(OppOutcome.FAILED, ResultCategory.SYSTEM_ERROR,
                "999.999.999", 9200L, null, null), 1).outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(PaymentGateway.answer(DEBIT, transaction(OppOutcome.FAILED, ResultCategory.NOT_RECEIVED,
                null, null, null, "not found"), 0).outcome()).isEqualTo(GatewayOutcome.NOT_RECEIVED);
        assertThat(PaymentGateway.answer(DEBIT, transaction(OppOutcome.FAILED, ResultCategory.NOT_SENT,
                null, null, null, "circuit open"), 1).outcome()).isEqualTo(GatewayOutcome.NOT_RECEIVED);
        GatewayAnswer timeout = PaymentGateway.answer(DEBIT, transaction(OppOutcome.UNKNOWN, ResultCategory.NO_RESPONSE,
                null, null, null, "timeout"), 1);
        assertThat(timeout.outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(timeout.reason()).isEqualTo("timeout");
    }

    @Test
    void keepsTheRedirectParametersInOrder() {
        GatewayAnswer answer = PaymentGateway.answer(DEBIT, transaction(OppOutcome.PENDING, ResultCategory.PENDING,
                "000.200.000", 9200L, new OppRedirect("https://acs.example/3ds", null, List.of(
                        new OppRedirect.Parameter("PaReq", "abc"), new OppRedirect.Parameter("MD", "x"))), null), 1);
        assertThat(answer.redirect().method()).isEqualTo("POST");
        assertThat(answer.redirect().parameters()).containsExactly(
                java.util.Map.entry("PaReq", "abc"), java.util.Map.entry("MD", "x"));
    }

    @Test
    void aTransactionWithAnotherAmountUnderOurMerchantTransactionIdIsNotTakenAsOurs() {
        GatewayAnswer answer = PaymentGateway.answer(DEBIT, transaction(OppOutcome.SUCCEEDED,
                ResultCategory.SUCCESSFUL, "000.100.110", 100L, null, null), 0);
        assertThat(answer.outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(answer.reason()).contains("not the payment's");
    }
}

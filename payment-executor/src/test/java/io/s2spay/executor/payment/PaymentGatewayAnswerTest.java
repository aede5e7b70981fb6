package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.connector.opp.ResultCategory;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.PaymentType;
import org.junit.jupiter.api.Test;

class PaymentGatewayAnswerTest {

    private static final PaymentInstruction DEBIT = new PaymentInstruction(
            "cmd-1",
            "pay-1",
            "merchant-demo",
            "corr-1",
            PaymentType.DB,
            9200,
            "EUR",
            "VISA",
            "order-1",
            "card_1",
            new CardSummary("420000", "0000", "VISA", 12, 2030),
            null,
            false,
            null,
            null,
            null);

    private static GatewayOutcome outcomeOf(io.s2spay.connector.opp.OppTransaction t) {
        return GatewayAnswer.of(DEBIT, t, 1).outcome();
    }

    @Test
    void mapsEveryConnectorOutcome() {
        assertThat(outcomeOf(OppTransactions.approved(9200))).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(outcomeOf(OppTransactions.redirect(9200))).isEqualTo(GatewayOutcome.REDIRECT);
        assertThat(outcomeOf(OppTransactions.pendingLongTerm(9200))).isEqualTo(GatewayOutcome.AWAITING_RECEIPT);
        assertThat(outcomeOf(OppTransactions.pendingWithoutRedirect(9200))).isEqualTo(GatewayOutcome.PENDING);
        assertThat(outcomeOf(OppTransactions.declined(9200))).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(outcomeOf(OppTransactions.failed(9200))).isEqualTo(GatewayOutcome.FAILED);
        assertThat(GatewayAnswer.of(DEBIT, OppTransactions.noAnswer(ResultCategory.NOT_RECEIVED, "not found"), 0)
                        .outcome())
                .isEqualTo(GatewayOutcome.NOT_RECEIVED);
        assertThat(outcomeOf(OppTransactions.noAnswer(ResultCategory.NOT_SENT, "circuit open")))
                .isEqualTo(GatewayOutcome.NOT_RECEIVED);
        assertThat(outcomeOf(OppTransactions.noAnswer(ResultCategory.NO_RESPONSE, "timeout")))
                .isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(outcomeOf(OppTransactions.noAnswer(ResultCategory.GATEWAY_HTTP_ERROR, "HTTP 503")))
                .isEqualTo(GatewayOutcome.UNKNOWN);
    }

    @Test
    void aSubmissionTheQueryCannotFindRightAfterAnUncertainSendStaysUnknownNotFailed() {
        // the request timed out (or got a 5xx) and the query found nothing moments later: the gateway may still be
        // processing it, so the outcome is left to the status-poller, which trusts "not found" only after its grace
        GatewayAnswer answer = GatewayAnswer.of(
                DEBIT, OppTransactions.noAnswer(ResultCategory.NOT_RECEIVED, "the gateway holds no transaction"), 1);

        assertThat(answer.outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(AttemptTransitions.next(PaymentType.DB, AttemptState.SUBMITTING, answer.outcome()))
                .isEqualTo(AttemptState.UNKNOWN);
        assertThat(PaymentOutcomeEvents.outcome(DEBIT, AttemptState.UNKNOWN, answer)
                        .getPayload())
                .isInstanceOf(io.s2spay.schema.event.PaymentOutcomeUnknown.class);
        assertThat(answer.summary()).contains("no transaction");
    }

    @Test
    void aTransactionWithAnotherAmountUnderOurMerchantTransactionIdIsNotTakenAsOurs() {
        GatewayAnswer answer = GatewayAnswer.of(DEBIT, OppTransactions.approved(100), 0);
        assertThat(answer.outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(answer.summary()).contains("not the payment's");
        assertThat(PaymentOutcomeEvents.outcome(DEBIT, AttemptState.UNKNOWN, answer)
                        .getPayload())
                .isInstanceOf(io.s2spay.schema.event.PaymentOutcomeUnknown.class);
    }
}

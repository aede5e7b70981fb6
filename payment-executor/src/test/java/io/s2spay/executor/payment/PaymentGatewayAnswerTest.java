package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.PaymentType;
import org.junit.jupiter.api.Test;

class PaymentGatewayAnswerTest {

    private static final GatewayAccount OPP = GatewayAccount.parse("opp:merchant-a");

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

    private static AttemptOutcome outcomeOf(GatewayTransaction t) {
        return GatewayAnswer.of(DEBIT, t, 1, OPP).outcome();
    }

    @Test
    void mapsEveryConnectorOutcome() {
        assertThat(outcomeOf(GatewayTransactions.approved(9200))).isEqualTo(AttemptOutcome.SUCCEEDED);
        assertThat(outcomeOf(GatewayTransactions.redirect(9200))).isEqualTo(AttemptOutcome.REDIRECT);
        assertThat(outcomeOf(GatewayTransactions.pendingLongTerm(9200))).isEqualTo(AttemptOutcome.AWAITING_RECEIPT);
        assertThat(outcomeOf(GatewayTransactions.pendingWithoutRedirect(9200))).isEqualTo(AttemptOutcome.PENDING);
        assertThat(outcomeOf(GatewayTransactions.declined(9200))).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(outcomeOf(GatewayTransactions.failed(9200))).isEqualTo(AttemptOutcome.FAILED);
        assertThat(GatewayAnswer.of(DEBIT, GatewayTransactions.noAnswer(Evidence.NOT_RECEIVED, "not found"), 0, OPP)
                        .outcome())
                .isEqualTo(AttemptOutcome.NOT_RECEIVED);
        assertThat(outcomeOf(GatewayTransactions.noAnswer(Evidence.NOT_SENT, "circuit open")))
                .isEqualTo(AttemptOutcome.NOT_RECEIVED);
        assertThat(outcomeOf(GatewayTransactions.noAnswer(Evidence.NO_ANSWER, "timeout")))
                .isEqualTo(AttemptOutcome.UNKNOWN);
        assertThat(outcomeOf(GatewayTransactions.noAnswer(Evidence.NO_ANSWER, "HTTP 503")))
                .isEqualTo(AttemptOutcome.UNKNOWN);
    }

    @Test
    void aSubmissionTheQueryCannotFindRightAfterAnUncertainSendStaysUnknownNotFailed() {
        // the request timed out (or got a 5xx) and the query found nothing moments later: the gateway may still be
        // processing it, so the outcome is left to the status-poller, which trusts "not found" only after its grace
        GatewayAnswer answer = GatewayAnswer.of(
                DEBIT, GatewayTransactions.noAnswer(Evidence.NOT_RECEIVED, "the gateway holds no transaction"), 1, OPP);

        assertThat(answer.outcome()).isEqualTo(AttemptOutcome.UNKNOWN);
        assertThat(AttemptTransitions.next(PaymentType.DB, AttemptState.SUBMITTING, answer.outcome()))
                .isEqualTo(AttemptState.UNKNOWN);
        assertThat(PaymentOutcomeEvents.outcome(DEBIT, AttemptState.UNKNOWN, answer)
                        .getPayload())
                .isInstanceOf(io.s2spay.schema.event.PaymentOutcomeUnknown.class);
        assertThat(answer.summary()).contains("no transaction");
    }

    @Test
    void aTransactionWithAnotherAmountUnderOurMerchantTransactionIdIsNotTakenAsOurs() {
        GatewayAnswer answer = GatewayAnswer.of(DEBIT, GatewayTransactions.approved(100), 0, OPP);
        assertThat(answer.outcome()).isEqualTo(AttemptOutcome.UNKNOWN);
        assertThat(answer.summary()).contains("not the payment's");
        assertThat(PaymentOutcomeEvents.outcome(DEBIT, AttemptState.UNKNOWN, answer)
                        .getPayload())
                .isInstanceOf(io.s2spay.schema.event.PaymentOutcomeUnknown.class);
    }
}

package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentOutcomeEventsTest {

    private static final GatewayAccount OPP = GatewayAccount.parse("opp:merchant-a");

    private static final CardSummary CARD = new CardSummary("420000", "0000", "VISA", 12, 2030);

    private static PaymentInstruction command(PaymentType type) {
        return new PaymentInstruction(
                "cmd-1",
                "pay-1",
                "merchant-demo",
                "corr-1",
                type,
                9200,
                "EUR",
                "VISA",
                "order-1",
                "card_1",
                CARD,
                null,
                false,
                null,
                null,
                null);
    }

    private static PaymentEventEnvelope eventFor(PaymentType type, GatewayTransaction t) {
        return eventFor(type, t, 1);
    }

    private static PaymentEventEnvelope eventFor(PaymentType type, GatewayTransaction t, int submissions) {
        PaymentInstruction command = command(type);
        GatewayAnswer answer = GatewayAnswer.of(command, t, submissions, OPP);
        AttemptState state = AttemptTransitions.next(type, AttemptState.SUBMITTING, answer.outcome());
        return PaymentOutcomeEvents.outcome(command, state, answer);
    }

    @Test
    void outcomeEventIsCausedByTheCommandAndCorrelatedWithIt() {
        PaymentEventEnvelope event = eventFor(PaymentType.DB, GatewayTransactions.approved(9200));
        assertThat(UUID.fromString(event.getMessageId())).isNotNull();
        assertThat(event.getMessageId()).isNotEqualTo("cmd-1");
        assertThat(event.getPaymentId()).isEqualTo("pay-1");
        assertThat(event.getMerchantId()).isEqualTo("merchant-demo");
        assertThat(event.getCorrelationId()).isEqualTo("corr-1");
        assertThat(event.getCausationId()).isEqualTo("cmd-1");
        // the account that gave the outcome
        assertThat(event.getGateway().getGateway()).isEqualTo("opp");
        assertThat(event.getGateway().getAccount()).isEqualTo("merchant-a");
        assertThat(event.getOccurredAt())
                .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
    }

    @Test
    void everyStateTheTableReachesIsAnnouncedByItsEventType() {
        List<GatewayTransaction> answers = List.of(
                GatewayTransactions.approved(9200),
                GatewayTransactions.redirect(9200),
                GatewayTransactions.pendingLongTerm(9200),
                GatewayTransactions.pendingWithoutRedirect(9200),
                GatewayTransactions.declined(9200),
                GatewayTransactions.failed(9200),
                GatewayTransactions.noAnswer(Evidence.NOT_RECEIVED, "not found"),
                GatewayTransactions.noAnswer(Evidence.NOT_SENT, "circuit open"),
                GatewayTransactions.noAnswer(Evidence.NO_ANSWER, "timeout"));
        for (PaymentType type : List.of(PaymentType.PA, PaymentType.DB)) {
            for (GatewayTransaction answer : answers) {
                PaymentInstruction command = command(type);
                GatewayAnswer mapped = GatewayAnswer.of(command, answer, 1, OPP);
                AttemptState state = AttemptTransitions.next(type, AttemptState.SUBMITTING, mapped.outcome());
                assertThat(PaymentOutcomeEvents.outcome(command, state, mapped).getPayload())
                        .as("%s %s -> %s", type, answer.category(), state)
                        .isInstanceOf(PaymentOutcomeEvents.eventTypeOf(state));
            }
        }
    }

    @Test
    void debitedCarriesTheGatewayResultAndTheMaskedCard() {
        PaymentDebited debited = (PaymentDebited)
                eventFor(PaymentType.DB, GatewayTransactions.approved(9200)).getPayload();
        assertThat(debited.getAmount().getAmountMinor()).isEqualTo(9200);
        assertThat(debited.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(debited.getGatewayResult().getCode()).isEqualTo("000.100.110");
        assertThat(debited.getGatewayResult().getGatewayTransactionId()).isEqualTo(GatewayTransactions.GATEWAY_ID);
        assertThat(debited.getGatewayResult().getTimestamp()).isEqualTo(Instant.parse("2026-01-01T10:00:00.123Z"));
        assertThat(debited.getCard()).isEqualTo(CARD);
    }

    @Test
    void redirectRequiredCarriesTheRedirect() {
        PaymentRedirectRequired redirect = (PaymentRedirectRequired)
                eventFor(PaymentType.PA, GatewayTransactions.redirect(9200)).getPayload();
        assertThat(redirect.getRedirect().getUrl()).isEqualTo("https://acs.example/3ds");
        assertThat(redirect.getRedirect().getParameters()).isEqualTo(Map.of("PaReq", "abc", "MD", "x"));
    }

    @Test
    void declinedCarriesTheCategory() {
        PaymentDeclined declined = (PaymentDeclined)
                eventFor(PaymentType.DB, GatewayTransactions.declined(9200)).getPayload();
        assertThat(declined.getCategory()).isEqualTo("REJECTED_BY_BANK");
        assertThat(declined.getGatewayResult().getCode()).isEqualTo("800.100.151");
    }

    @Test
    void neverReceivedFailsSayingNothingWasCharged() {
        // as the recovery job records it: its query, long after the attempt, found nothing (0 submissions)
        PaymentFailed failed = (PaymentFailed)
                eventFor(PaymentType.DB, GatewayTransactions.noAnswer(Evidence.NOT_RECEIVED, "no transaction"), 0)
                        .getPayload();
        assertThat(failed.getGatewayResult()).isNull();
        assertThat(failed.getReason()).contains("never reached the gateway").contains("nothing was charged");
    }

    @Test
    void timeoutAndPendingWithoutRedirectAreOutcomeUnknownWithTheReason() {
        PaymentOutcomeUnknown unknown = (PaymentOutcomeUnknown) eventFor(
                        PaymentType.DB,
                        GatewayTransactions.noAnswer(Evidence.NO_ANSWER, "timeout: no answer within 10000 ms"))
                .getPayload();
        assertThat(unknown.getReason()).contains("timeout");
        PaymentOutcomeUnknown pending =
                (PaymentOutcomeUnknown) eventFor(PaymentType.DB, GatewayTransactions.pendingWithoutRedirect(9200))
                        .getPayload();
        assertThat(pending.getReason()).contains("pending").contains("000.200.000");
    }

    @Test
    void anApprovedTransferAwaitingTheBanksReceiptIsPaymentAwaitingReceipt() {
        PaymentInstruction command = command(PaymentType.PA);
        GatewayAnswer answer = GatewayAnswer.of(command, GatewayTransactions.pendingLongTerm(9200), 0, OPP);
        AttemptState state = AttemptTransitions.next(PaymentType.PA, AttemptState.SUBMITTING, answer.outcome());
        assertThat(state).isEqualTo(AttemptState.AWAITING_RECEIPT);
        PaymentAwaitingReceipt awaiting = (PaymentAwaitingReceipt)
                PaymentOutcomeEvents.outcome(command, state, answer).getPayload();
        assertThat(awaiting.getGatewayResult().getCode()).isEqualTo("800.400.500");
        assertThat(awaiting.getGatewayResult().getGatewayTransactionId()).isEqualTo(GatewayTransactions.GATEWAY_ID);
    }

    @Test
    void refusesToAnnounceAStateTheAnswerDoesNotMean() {
        PaymentInstruction command = command(PaymentType.DB);
        GatewayAnswer declined = GatewayAnswer.of(command, GatewayTransactions.declined(9200), 1, OPP);
        assertThatThrownBy(() -> PaymentOutcomeEvents.outcome(command, AttemptState.DEBITED, declined))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PaymentOutcomeEvents.outcome(command, AttemptState.SUBMITTING, declined))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectionNamesTheCommandAndTheReason() {
        PaymentEventEnvelope event = PaymentOutcomeEvents.rejected(
                command(PaymentType.PA),
                new CommandRejection(PaymentRejectionReason.INVALID_AMOUNT, "amount.amountMinor must be positive"));
        PaymentCommandRejected rejected = (PaymentCommandRejected) event.getPayload();
        assertThat(rejected.getCommandMessageId()).isEqualTo("cmd-1");
        assertThat(rejected.getCommandType()).isEqualTo("AuthorizePayment");
        assertThat(rejected.getReasonCode()).isEqualTo("INVALID_AMOUNT");
        assertThat(rejected.getReason()).isEqualTo("amount.amountMinor must be positive");
        assertThat(event.getCausationId()).isEqualTo("cmd-1");
        // refused before any gateway took part
        assertThat(event.getGateway()).isNull();
    }
}

package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.schema.CardSummary;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentOutcomeEventsTest {

    private static final CardSummary CARD = new CardSummary("420000", "0000", "VISA", 12, 2030);

    private static PaymentInstruction command(PaymentType type, String vaultId, CardSummary card, String registrationId) {
        return new PaymentInstruction("cmd-1", "pay-1", "merchant-demo", "corr-1", type, 9200, "EUR", "VISA",
                "order-1", vaultId, card, registrationId, false, null, null, null);
    }

    private static GatewayAnswer answer(GatewayOutcome outcome, String code, GatewayAnswer.RedirectInstruction redirect,
            GatewayAnswer.CardOnFile card, String reason) {
        return new GatewayAnswer(outcome, "SUCCESSFUL", "8ac7a4a1000000000000000000000001", code,
                code == null ? null : "description of " + code, Instant.parse("2026-01-01T10:00:00.123456Z"), card,
                redirect, null, reason, 1);
    }

    @Test
    void outcomeEventIsCausedByTheCommandAndCorrelatedWithIt() {
        PaymentEventEnvelope event = PaymentOutcomeEvents.outcome(command(PaymentType.DB, "card_1", CARD, null),
                AttemptState.DEBITED, answer(GatewayOutcome.SUCCEEDED, "000.100.110", null, null, null));
        assertThat(UUID.fromString(event.getMessageId())).isNotNull();
        assertThat(event.getMessageId()).isNotEqualTo("cmd-1");
        assertThat(event.getPaymentId()).isEqualTo("pay-1");
        assertThat(event.getMerchantId()).isEqualTo("merchant-demo");
        assertThat(event.getCorrelationId()).isEqualTo("corr-1");
        assertThat(event.getCausationId()).isEqualTo("cmd-1");
        assertThat(event.getOccurredAt()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
    }

    @Test
    void debitedCarriesTheGatewayResultAndTheMaskedCard() {
        PaymentEventEnvelope event = PaymentOutcomeEvents.outcome(command(PaymentType.DB, "card_1", CARD, null),
                AttemptState.DEBITED, answer(GatewayOutcome.SUCCEEDED, "000.100.110", null, null, null));
        PaymentDebited debited = (PaymentDebited) event.getPayload();
        assertThat(debited.getAmount().getAmountMinor()).isEqualTo(9200);
        assertThat(debited.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(debited.getGatewayResult().getCode()).isEqualTo("000.100.110");
        assertThat(debited.getGatewayResult().getGatewayTransactionId()).isEqualTo("8ac7a4a1000000000000000000000001");
        assertThat(debited.getGatewayResult().getTimestamp()).isEqualTo(Instant.parse("2026-01-01T10:00:00.123Z"));
        assertThat(debited.getCard()).isEqualTo(CARD);
    }

    @Test
    void authorizedOnARegistrationTakesTheCardTheGatewayReports() {
        PaymentEventEnvelope event = PaymentOutcomeEvents.outcome(command(PaymentType.PA, null, null, "reg-1"),
                AttemptState.AUTHORIZED, answer(GatewayOutcome.SUCCEEDED, "000.100.110", null,
                        new GatewayAnswer.CardOnFile("545454", "5454", 3, 2031), null));
        PaymentAuthorized authorized = (PaymentAuthorized) event.getPayload();
        assertThat(authorized.getCard()).isEqualTo(new CardSummary("545454", "5454", "VISA", 3, 2031));
        assertThat(authorized.getRegistrationId()).isEqualTo("reg-1");
    }

    @Test
    void redirectRequiredCarriesTheRedirect() {
        PaymentEventEnvelope event = PaymentOutcomeEvents.outcome(command(PaymentType.DB, "card_1", CARD, null),
                AttemptState.REDIRECT_PENDING, answer(GatewayOutcome.REDIRECT, "000.200.000",
                        new GatewayAnswer.RedirectInstruction("http://127.0.0.1:8090/3ds", "POST", Map.of("TermUrl", "x")),
                        null, null));
        PaymentRedirectRequired redirect = (PaymentRedirectRequired) event.getPayload();
        assertThat(redirect.getRedirect().getUrl()).isEqualTo("http://127.0.0.1:8090/3ds");
        assertThat(redirect.getRedirect().getParameters()).containsEntry("TermUrl", "x");
    }

    @Test
    void declinedCarriesTheCategory() {
        GatewayAnswer declined = new GatewayAnswer(GatewayOutcome.DECLINED, "REJECTED_BY_BANK", "id", "800.100.151",
                "transaction declined (invalid card)", null, null, null, null, null, 1);
        PaymentDeclined event = (PaymentDeclined) PaymentOutcomeEvents.outcome(
                command(PaymentType.DB, "card_1", CARD, null), AttemptState.DECLINED, declined).getPayload();
        assertThat(event.getCategory()).isEqualTo("REJECTED_BY_BANK");
        assertThat(event.getGatewayResult().getCode()).isEqualTo("800.100.151");
    }

    @Test
    void failedWithoutResultCodeSaysNothingWasCharged() {
        GatewayAnswer notReceived = new GatewayAnswer(GatewayOutcome.NOT_RECEIVED, "NOT_RECEIVED", null, null, null,
                null, null, null, null, "the gateway holds no transaction", 0);
        PaymentFailed event = (PaymentFailed) PaymentOutcomeEvents.outcome(
                command(PaymentType.DB, "card_1", CARD, null), AttemptState.FAILED, notReceived).getPayload();
        assertThat(event.getGatewayResult()).isNull();
        assertThat(event.getReason()).contains("never reached the gateway").contains("nothing was charged");
    }

    @Test
    void unknownAndGatewayPendingAreOutcomeUnknownWithTheReason() {
        GatewayAnswer timeout = new GatewayAnswer(GatewayOutcome.UNKNOWN, "NO_RESPONSE", null, null, null, null, null,
                null, null, "timeout: no complete answer within 10000 ms", 1);
        PaymentOutcomeUnknown unknown = (PaymentOutcomeUnknown) PaymentOutcomeEvents.outcome(
                command(PaymentType.DB, "card_1", CARD, null), AttemptState.UNKNOWN, timeout).getPayload();
        assertThat(unknown.getReason()).contains("timeout");
        PaymentOutcomeUnknown pending = (PaymentOutcomeUnknown) PaymentOutcomeEvents.outcome(
                command(PaymentType.DB, "card_1", CARD, null), AttemptState.GATEWAY_PENDING,
                answer(GatewayOutcome.PENDING, "800.400.500", null, null, null)).getPayload();
        assertThat(pending.getReason()).contains("pending").contains("800.400.500");
    }

    @Test
    void submittingIsNotAnOutcome() {
        assertThatThrownBy(() -> PaymentOutcomeEvents.outcome(command(PaymentType.DB, "card_1", CARD, null),
                AttemptState.SUBMITTING, answer(GatewayOutcome.UNKNOWN, null, null, null, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectionNamesTheCommandAndTheReason() {
        PaymentEventEnvelope event = PaymentOutcomeEvents.rejected(command(PaymentType.PA, "card_1", CARD, null),
                new CommandRejection(RejectionReason.INVALID_AMOUNT, "amount.amountMinor must be positive"));
        PaymentCommandRejected rejected = (PaymentCommandRejected) event.getPayload();
        assertThat(rejected.getCommandMessageId()).isEqualTo("cmd-1");
        assertThat(rejected.getCommandType()).isEqualTo("AuthorizePayment");
        assertThat(rejected.getReasonCode()).isEqualTo("INVALID_AMOUNT");
        assertThat(rejected.getReason()).isEqualTo("amount.amountMinor must be positive");
        assertThat(event.getCausationId()).isEqualTo("cmd-1");
    }
}

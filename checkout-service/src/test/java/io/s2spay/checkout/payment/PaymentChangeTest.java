package io.s2spay.checkout.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRequested;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentChangeTest {

    private static final Instant CREATED = Instant.parse("2026-03-15T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:01Z");
    private static final Money AMOUNT = new Money(9200L, "EUR");
    private static final CardSummary CARD = new CardSummary("420000", "0000", "VISA", 5, 2034);

    @Test
    void debitedMovesAPendingPaymentToSucceededWithTheGatewayResult() {
        PaymentRow changed = change(debited()).applyTo(pending(), NOW);

        assertThat(changed.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(changed.outcome().resultCode()).isEqualTo("000.100.110");
        assertThat(changed.outcome().resultDescription())
                .isEqualTo("Request successfully processed in 'Merchant in Integrator Test Mode'");
        assertThat(changed.outcome().gatewayTransactionId()).isEqualTo("8ac7a4a18f0b2a3c");
        assertThat(changed.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aLateDeclineDoesNotMoveASucceededPayment() {
        PaymentRow succeeded = change(debited()).applyTo(pending(), NOW);

        PaymentRow after = change(declined()).applyTo(succeeded, NOW.plusSeconds(1));

        assertThat(after).isEqualTo(succeeded);
    }

    @Test
    void aLateRequestedEventDoesNotMoveAPaymentBackToPending() {
        PaymentRow succeeded = change(debited()).applyTo(pending(), NOW);

        assertThat(change(requested()).applyTo(succeeded, NOW.plusSeconds(1))).isEqualTo(succeeded);
    }

    @Test
    void redirectRequiredKeepsTheRedirectForTheShopper() {
        Redirect redirect = new Redirect("https://acs.example/challenge", "POST", Map.of("PaReq", "abc", "MD", "42"));
        PaymentRow changed = change(envelope(PaymentRedirectRequired.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(AMOUNT)
                        .setMerchantTransactionId("order-1")
                        .setGatewayResult(new GatewayResult("8ac7", "000.200.000", "transaction pending", null))
                        .setRedirect(redirect)
                        .build()))
                .applyTo(pending(), NOW);

        assertThat(changed.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);
        assertThat(changed.toView().redirect())
                .isEqualTo(new PaymentView.Redirect(
                        "https://acs.example/challenge", "POST", Map.of("PaReq", "abc", "MD", "42")));
    }

    @Test
    void anOutcomeAfterUnknownReplacesTheUnknownReason() {
        PaymentRow unknown = change(envelope(PaymentOutcomeUnknown.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(AMOUNT)
                        .setMerchantTransactionId("order-1")
                        .setReason("read timeout")
                        .build()))
                .applyTo(pending(), NOW);
        assertThat(unknown.outcome().failureReason()).isEqualTo("read timeout");

        PaymentRow succeeded = change(debited()).applyTo(unknown, NOW.plusSeconds(5));

        assertThat(succeeded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(succeeded.outcome().failureReason()).isNull();
    }

    @Test
    void aRejectedCommandFailsThePaymentWithItsReason() {
        PaymentRow failed = change(envelope(PaymentCommandRejected.newBuilder()
                        .setCommandMessageId("command-1")
                        .setCommandType("DebitPayment")
                        .setReasonCode("CARD_NOT_IN_VAULT")
                        .setReason("card card_1 is not in the vault")
                        .build()))
                .applyTo(pending(), NOW);

        assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(failed.outcome().failureReason()).isEqualTo("CARD_NOT_IN_VAULT: card card_1 is not in the vault");
    }

    @Test
    void aRejectionOfAnotherCommandDoesNotFailThePayment() {
        PaymentRow pending = pending();

        PaymentRow after = change(envelope(PaymentCommandRejected.newBuilder()
                        .setCommandMessageId("command-from-elsewhere")
                        .setCommandType("DebitPayment")
                        .setReasonCode("DUPLICATE_MERCHANT_TRANSACTION_ID")
                        .setReason("used")
                        .build()))
                .applyTo(pending, NOW);

        assertThat(after).isEqualTo(pending);
    }

    @Test
    void aDuplicatePaymentRejectionSaysNothingAboutThePayment() {
        assertThat(PaymentChange.of(envelope(PaymentCommandRejected.newBuilder()
                        .setCommandMessageId("command-1")
                        .setCommandType("DebitPayment")
                        .setReasonCode("DUPLICATE_PAYMENT")
                        .setReason("payment pay_1 already has a gateway attempt")
                        .build())))
                .isEmpty();
    }

    @Test
    void createsARowForAPaymentStartedOutsideTheApi() {
        PaymentChange change = change(debited());

        assertThat(change.describesPayment()).isTrue();
        PaymentRow row = change.newRow("pay_kafka_1", "merchant-demo", CREATED, NOW);

        assertThat(row.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(row.paymentType()).isEqualTo("DB");
        assertThat(row.amountMinor()).isEqualTo(9200L);
        assertThat(row.merchantTransactionId()).isEqualTo("order-1");
        assertThat(row.card().bin()).isEqualTo("420000");
        assertThat(row.paymentBrand()).isEqualTo("VISA");
        assertThat(row.createdAt()).isEqualTo(CREATED);
        assertThat(row.toView().amount()).isEqualTo("92.00");
    }

    @Test
    void backOfficeEventsLeaveTheReadModelAlone() {
        PaymentEventEnvelope captured = envelope(PaymentCaptured.newBuilder()
                .setOperationId("op-1")
                .setAmount(AMOUNT)
                .setGatewayResult(new GatewayResult("8ac8", "000.100.110", "ok", null))
                .build());

        assertThat(PaymentChange.of(captured)).isEmpty();
    }

    @Test
    void rejectsAnEventWithAnUnknownCurrency() {
        PaymentEventEnvelope bad = envelope(PaymentDebited.newBuilder()
                .setPaymentType(PaymentType.DB)
                .setAmount(new Money(100L, "XYZ"))
                .setMerchantTransactionId("order-1")
                .setGatewayResult(new GatewayResult("8ac7", "000.100.110", "ok", null))
                .build());

        assertThatThrownBy(() -> PaymentChange.of(bad))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("XYZ");
    }

    private static PaymentRow pending() {
        return new PaymentRow(
                "pay_1",
                "merchant-demo",
                "DB",
                PaymentStatus.PENDING,
                9200L,
                "EUR",
                "VISA",
                "order-1",
                null,
                null,
                "card_1",
                "command-1",
                new PaymentRow.MaskedCard("420000", "0000", "VISA", 5, 2034),
                PaymentRow.Outcome.NONE,
                io.s2spay.domain.balance.PaymentMovements.NONE,
                PaymentRow.StoredCredentialUse.NONE,
                CREATED,
                CREATED);
    }

    private static PaymentChange change(PaymentEventEnvelope event) {
        return PaymentChange.of(event).orElseThrow();
    }

    private static PaymentEventEnvelope requested() {
        return envelope(PaymentRequested.newBuilder()
                .setPaymentType(PaymentType.DB)
                .setAmount(AMOUNT)
                .setPaymentBrand("VISA")
                .setMerchantTransactionId("order-1")
                .setCard(CARD)
                .build());
    }

    private static PaymentEventEnvelope debited() {
        return envelope(PaymentDebited.newBuilder()
                .setPaymentType(PaymentType.DB)
                .setAmount(AMOUNT)
                .setMerchantTransactionId("order-1")
                .setCard(CARD)
                .setGatewayResult(new GatewayResult(
                        "8ac7a4a18f0b2a3c",
                        "000.100.110",
                        "Request successfully processed in 'Merchant in Integrator Test Mode'",
                        null))
                .build());
    }

    private static PaymentEventEnvelope declined() {
        return envelope(PaymentDeclined.newBuilder()
                .setPaymentType(PaymentType.DB)
                .setAmount(AMOUNT)
                .setMerchantTransactionId("order-1")
                .setCategory("BANK_DECLINE")
                .setGatewayResult(new GatewayResult("8ac7", "800.100.151", "transaction declined (invalid card)", null))
                .build());
    }

    static PaymentEventEnvelope envelope(Object payload) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(java.util.UUID.randomUUID().toString())
                .setPaymentId("pay_1")
                .setMerchantId("merchant-demo")
                .setOccurredAt(CREATED)
                .setCorrelationId("c1")
                .setPayload(payload)
                .build();
    }
}

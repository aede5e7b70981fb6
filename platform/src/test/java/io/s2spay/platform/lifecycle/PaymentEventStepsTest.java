package io.s2spay.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.lifecycle.Outcome;
import io.s2spay.domain.lifecycle.PaymentPosition;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRequested;
import io.s2spay.schema.event.ReceiptConfirmed;
import io.s2spay.schema.event.ShopperReturned;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentEventStepsTest {

    private static final Money AMOUNT = new Money(9200L, "EUR");
    private static final GatewayResult OK = new GatewayResult("8ac7", "000.100.110", "ok", null);

    @Test
    void anInitialPaymentsEventsAreItsTransactionsOutcomes() {
        assertThat(PaymentEventSteps.of(envelope(PaymentRequested.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(AMOUNT)
                        .setPaymentBrand("VISA")
                        .setMerchantTransactionId("order-1")
                        .setCard(null)
                        .build())))
                .contains(new PaymentPosition.Step(TransactionType.DB, Outcome.PENDING, 9200));
        assertThat(PaymentEventSteps.of(authorized(PaymentType.PA)))
                .contains(new PaymentPosition.Step(TransactionType.PA, Outcome.SUCCESS, 9200));
        assertThat(PaymentEventSteps.of(envelope(PaymentDeclined.newBuilder()
                        .setPaymentType(PaymentType.PA)
                        .setAmount(AMOUNT)
                        .setMerchantTransactionId("order-1")
                        .setGatewayResult(OK)
                        .setCategory("RISK")
                        .build())))
                .contains(new PaymentPosition.Step(TransactionType.PA, Outcome.DECLINED, 9200));
    }

    @Test
    void anOperationsEventIsItsSuccess() {
        assertThat(PaymentEventSteps.of(envelope(new PaymentCaptured("op_1", new Money(5000L, "EUR"), OK))))
                .contains(new PaymentPosition.Step(TransactionType.CP, Outcome.SUCCESS, 5000));
        assertThat(PaymentEventSteps.of(envelope(new ReceiptConfirmed("op_2", AMOUNT, OK))))
                .contains(new PaymentPosition.Step(TransactionType.RC, Outcome.SUCCESS, 9200));
    }

    @Test
    void anEventThatIsNoTransactionsOutcomeIsNoStep() {
        assertThat(PaymentEventSteps.of(envelope(new ShopperReturned(PaymentType.DB, "order-1", "8ac7"))))
                .isEmpty();
    }

    @Test
    void theStateAnInitialOutcomeLeadsToComesFromTheLifecycle() {
        assertThat(PaymentEventSteps.initialOutcome(authorized(PaymentType.PA))).contains(PaymentState.AUTHORIZED);
        assertThat(PaymentEventSteps.initialOutcome(envelope(PaymentOutcomeUnknown.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(AMOUNT)
                        .setMerchantTransactionId("order-1")
                        .setReason("timeout")
                        .build())))
                .contains(PaymentState.UNKNOWN);
        assertThat(PaymentEventSteps.initialOutcome(envelope(PaymentAwaitingReceipt.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(AMOUNT)
                        .setMerchantTransactionId("order-1")
                        .setGatewayResult(OK)
                        .build())))
                .contains(PaymentState.AWAITING_RECEIPT);
        assertThat(PaymentEventSteps.initialOutcome(envelope(new PaymentCaptured("op_1", AMOUNT, OK))))
                .isEmpty();
    }

    @Test
    void anInitialEventNamingAnOperationsTypeIsInvalid() {
        assertThatThrownBy(() -> PaymentEventSteps.of(authorized(PaymentType.CP)))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("(PaymentAuthorized) is about an initial payment but names payment type CP");
    }

    private static PaymentEventEnvelope authorized(PaymentType type) {
        return envelope(PaymentAuthorized.newBuilder()
                .setPaymentType(type)
                .setAmount(AMOUNT)
                .setMerchantTransactionId("order-1")
                .setGatewayResult(OK)
                .setCard(null)
                .setRegistrationId(null)
                .build());
    }

    private static PaymentEventEnvelope envelope(Object payload) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId("pay_1")
                .setMerchantId("merchant-demo")
                .setOccurredAt(Instant.parse("2026-03-15T10:00:00Z"))
                .setCorrelationId("c1")
                .setPayload(payload)
                .build();
    }
}

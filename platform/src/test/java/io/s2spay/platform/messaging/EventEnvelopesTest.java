package io.s2spay.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.platform.testapp.TestMessages;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRequested;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventEnvelopesTest {

    private final PaymentRequested requested = PaymentRequested.newBuilder()
            .setPaymentType(PaymentType.DB)
            .setAmount(Money.newBuilder().setAmountMinor(500).setCurrency("JPY").build())
            .setPaymentBrand("VISA")
            .setMerchantTransactionId("order-1")
            .build();

    @Test
    void anEventCausedByACommandKeepsItsPaymentMerchantAndCorrelationAndNamesItAsCause() {
        PaymentCommandEnvelope command = TestMessages.debit("order-1");

        PaymentEventEnvelope event =
                EventEnvelopes.causedBy(command, requested, Instant.parse("2026-01-02T03:04:05.678901Z"));

        assertThat(event.getPaymentId()).isEqualTo(command.getPaymentId());
        assertThat(event.getMerchantId()).isEqualTo(command.getMerchantId());
        assertThat(event.getCorrelationId()).isEqualTo(command.getCorrelationId());
        assertThat(event.getCausationId()).isEqualTo(command.getMessageId());
        assertThat(event.getMessageId()).isNotEqualTo(command.getMessageId()).hasSize(36);
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
        assertThat(event.getPayload()).isSameAs(requested);
    }

    @Test
    void anInitialEventHasNoCause() {
        PaymentEventEnvelope event = EventEnvelopes.initial("pay_1", "m1", "req-1", requested, Instant.now());

        assertThat(event.getCausationId()).isNull();
        assertThat(event.getCorrelationId()).isEqualTo("req-1");
    }

    @Test
    void refusesAPayloadThatIsNotAnEvent() {
        DebitPayment command = (DebitPayment) TestMessages.debit("order-1").getPayload();

        assertThatThrownBy(() -> EventEnvelopes.initial("pay_1", "m1", "req-1", command, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DebitPayment");
    }

    @Test
    void messageIdsAreUnique() {
        assertThat(MessageIds.newId()).isNotEqualTo(MessageIds.newId());
    }
}

package io.s2spay.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.platform.testapp.TestMessages;
import io.s2spay.schema.Money;
import org.junit.jupiter.api.Test;

class JdbcOutboxWriterTest {

    @Test
    void typesAnEnvelopeByItsPayload() {
        assertThat(JdbcOutboxWriter.eventType(TestMessages.paymentRequested())).isEqualTo("PaymentRequested");
        assertThat(JdbcOutboxWriter.eventType(TestMessages.debit("order-1"))).isEqualTo("DebitPayment");
    }

    @Test
    void typesAnyOtherRecordByItsOwnName() {
        assertThat(JdbcOutboxWriter.eventType(Money.newBuilder().setAmountMinor(1).setCurrency("EUR").build()))
                .isEqualTo("Money");
    }
}

package io.s2spay.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(JdbcOutboxWriter.eventType(
                        Money.newBuilder().setAmountMinor(1).setCurrency("EUR").build()))
                .isEqualTo("Money");
    }

    @Test
    void refusesATopicNameKafkaWouldRejectBeforeTouchingTheDatabase() {
        JdbcOutboxWriter writer = new JdbcOutboxWriter(null, null);

        assertThatThrownBy(() -> writer.append("payment events", "pay_1", TestMessages.paymentRequested()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payment events");
    }

    @Test
    void refusesARecordWithoutKey() {
        JdbcOutboxWriter writer = new JdbcOutboxWriter(null, null);

        assertThatThrownBy(() -> writer.append("s2spay.payment.events", " ", TestMessages.paymentRequested()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
    }
}

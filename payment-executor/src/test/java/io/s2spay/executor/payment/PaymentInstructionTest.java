package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.CardReference;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.command.AuthorizePayment;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentInstructionTest {

    private static final CardReference CARD =
            new CardReference("card_1", new CardSummary("420000", "0000", "VISA", 12, 2030));

    private static PaymentCommandEnvelope envelope(
            String messageId, String paymentId, String merchantId, String correlationId, Object payload) {
        return PaymentCommandEnvelope.newBuilder()
                .setMessageId(messageId)
                .setPaymentId(paymentId)
                .setMerchantId(merchantId)
                .setOccurredAt(Instant.now())
                .setCorrelationId(correlationId)
                .setPayload(payload)
                .build();
    }

    private static DebitPayment debit() {
        return DebitPayment.newBuilder()
                .setAmount(new Money(9200L, "EUR"))
                .setPaymentBrand("VISA")
                .setMerchantTransactionId("order-1")
                .setCard(CARD)
                .setDescriptor("shop 42")
                .build();
    }

    @Test
    void readsADebit() {
        PaymentInstruction instruction =
                PaymentInstruction.from(envelope("m1", "pay-1", "merchant-demo", "c1", debit()));
        assertThat(instruction.paymentType()).isEqualTo(PaymentType.DB);
        assertThat(instruction.commandType()).isEqualTo("DebitPayment");
        assertThat(instruction.amountMinor()).isEqualTo(9200);
        assertThat(instruction.currency()).isEqualTo("EUR");
        assertThat(instruction.vaultId()).isEqualTo("card_1");
        assertThat(instruction.card().getLast4Digits()).isEqualTo("0000");
        assertThat(instruction.descriptor()).isEqualTo("shop 42");
        assertThat(instruction.correlationId()).isEqualTo("c1");
    }

    @Test
    void readsAnAuthorizationOnARegistration() {
        AuthorizePayment pa = AuthorizePayment.newBuilder()
                .setAmount(new Money(500L, "JPY"))
                .setPaymentBrand("MASTER")
                .setMerchantTransactionId("order-2")
                .setRegistrationId("8ac7reg")
                .build();
        PaymentInstruction instruction = PaymentInstruction.from(envelope("m1", "pay-1", "merchant-demo", "c1", pa));
        assertThat(instruction.paymentType()).isEqualTo(PaymentType.PA);
        assertThat(instruction.commandType()).isEqualTo("AuthorizePayment");
        assertThat(instruction.vaultId()).isNull();
        assertThat(instruction.registrationId()).isEqualTo("8ac7reg");
    }

    @Test
    void aBlankCorrelationIdFallsBackToTheCommandsMessageId() {
        assertThat(PaymentInstruction.from(envelope("m1", "pay-1", "merchant-demo", "", debit()))
                        .correlationId())
                .isEqualTo("m1");
    }

    @Test
    void anEnvelopeWithoutIdentityCannotBeAnsweredAndIsDeadLettered() {
        assertThatThrownBy(() -> PaymentInstruction.from(envelope("", "pay-1", "merchant-demo", "c", debit())))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> PaymentInstruction.from(envelope("m1", " ", "merchant-demo", "c", debit())))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> PaymentInstruction.from(envelope("m1", "pay-1", "", "c", debit())))
                .isInstanceOf(InvalidMessageException.class);
    }
}

package io.s2spay.platform.testapp;

import io.s2spay.platform.messaging.EventEnvelopes;
import io.s2spay.platform.messaging.MessageIds;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRequested;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Commands for the tests; every call makes a new payment id. */
public final class TestMessages {

    private TestMessages() {}

    public static PaymentCommandEnvelope debit(String merchantTransactionId) {
        return PaymentCommandEnvelope.newBuilder()
                .setMessageId(MessageIds.newId())
                .setPaymentId("pay_" + UUID.randomUUID())
                .setMerchantId("merchant-1")
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(UUID.randomUUID().toString())
                .setCausationId(null)
                .setPayload(DebitPayment.newBuilder()
                        .setAmount(Money.newBuilder()
                                .setAmountMinor(9200)
                                .setCurrency("EUR")
                                .build())
                        .setPaymentBrand("VISA")
                        .setMerchantTransactionId(merchantTransactionId)
                        .build())
                .build();
    }

    /** A {@code PaymentRequested} event of a new payment. */
    public static PaymentEventEnvelope paymentRequested() {
        return EventEnvelopes.initial(
                "pay_" + UUID.randomUUID(),
                "merchant-1",
                UUID.randomUUID().toString(),
                PaymentRequested.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(Money.newBuilder()
                                .setAmountMinor(9200)
                                .setCurrency("EUR")
                                .build())
                        .setPaymentBrand("VISA")
                        .setMerchantTransactionId("order-" + UUID.randomUUID())
                        .build(),
                Instant.now());
    }
}

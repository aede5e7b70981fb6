package io.s2spay.checkout.payment;

import io.s2spay.schema.CardReference;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.command.AuthorizePayment;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRequested;
import io.s2spay.vault.VaultedCard;
import java.time.Instant;
import java.util.UUID;

/** Builds the command and the event an accepted payment request sends; both carry the vault reference only. */
final class PaymentMessages {

    private PaymentMessages() {}

    /** {@code DebitPayment} or {@code AuthorizePayment} for the executor, on {@code s2spay.payment.commands}. */
    static PaymentCommandEnvelope command(String paymentId, String merchantId, String correlationId, Instant now,
            ValidatedPayment payment, VaultedCard card) {
        Money amount = money(payment);
        CardReference reference = new CardReference(card.vaultId(), summary(card));
        Object payload = switch (payment.paymentType()) {
            case DB -> DebitPayment.newBuilder()
                    .setAmount(amount)
                    .setPaymentBrand(payment.paymentBrand())
                    .setMerchantTransactionId(payment.merchantTransactionId())
                    .setCard(reference)
                    .setShopperResultUrl(payment.shopperResultUrl())
                    .setDescriptor(payment.descriptor())
                    .build();
            case PA -> AuthorizePayment.newBuilder()
                    .setAmount(amount)
                    .setPaymentBrand(payment.paymentBrand())
                    .setMerchantTransactionId(payment.merchantTransactionId())
                    .setCard(reference)
                    .setShopperResultUrl(payment.shopperResultUrl())
                    .setDescriptor(payment.descriptor())
                    .build();
            default -> throw new IllegalArgumentException(payment.paymentType() + " is not an initial payment");
        };
        return PaymentCommandEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId(merchantId)
                .setOccurredAt(now)
                .setCorrelationId(correlationId)
                .setCausationId(null)
                .setPayload(payload)
                .build();
    }

    /** {@code PaymentRequested} on {@code s2spay.payment.events}: the payment exists and its command is sent. */
    static PaymentEventEnvelope requested(String paymentId, String merchantId, String correlationId, Instant now,
            ValidatedPayment payment, VaultedCard card, String commandMessageId) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId(merchantId)
                .setOccurredAt(now)
                .setCorrelationId(correlationId)
                .setCausationId(commandMessageId)
                .setPayload(PaymentRequested.newBuilder()
                        .setPaymentType(PaymentType.valueOf(payment.paymentType().name()))
                        .setAmount(money(payment))
                        .setPaymentBrand(payment.paymentBrand())
                        .setMerchantTransactionId(payment.merchantTransactionId())
                        .setCard(summary(card))
                        .build())
                .build();
    }

    private static Money money(ValidatedPayment payment) {
        return new Money(payment.amountMinor(), payment.currency());
    }

    private static CardSummary summary(VaultedCard card) {
        return new CardSummary(card.bin(), card.last4Digits(), card.brand(), card.expiryMonth(), card.expiryYear());
    }
}

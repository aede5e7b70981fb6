package io.s2spay.checkout.payment;

import io.s2spay.schema.CardReference;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.StandingInstruction;
import io.s2spay.schema.StandingInstructionMode;
import io.s2spay.schema.StandingInstructionSource;
import io.s2spay.schema.StandingInstructionType;
import io.s2spay.schema.command.AuthorizePayment;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.command.CapturePayment;
import io.s2spay.schema.command.ConfirmReceipt;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.DeleteStoredCredential;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.command.RebillPayment;
import io.s2spay.schema.command.RecordChargeback;
import io.s2spay.schema.command.RefundPayment;
import io.s2spay.schema.command.ReverseChargeback;
import io.s2spay.schema.command.ReversePayment;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRequested;
import io.s2spay.schema.event.ShopperReturned;
import io.s2spay.vault.VaultedCard;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the commands and events checkout sends for payments; a card is only ever named by its vault reference
 * and summary.
 */
final class PaymentMessages {

    private PaymentMessages() {}

    /**
     * {@code DebitPayment} or {@code AuthorizePayment} for the executor, on {@code s2spay.payment.commands}: with the
     * vaulted card (card brands), nothing (bank transfers), or the stored credential as a merchant-initiated
     * transaction; a card to store goes as the INITIAL customer-initiated transaction of its agreement.
     *
     * @param returnUrl s2spay's own return URL of the payment, given to the gateway; null for a charge that
     *     never redirects
     */
    static PaymentCommandEnvelope command(
            String paymentId,
            String merchantId,
            String correlationId,
            Instant now,
            ValidatedPayment payment,
            String brand,
            VaultedCard card,
            StoredCredentialRow credential,
            String returnUrl) {
        Money amount = money(payment);
        CardReference reference = card == null ? null : new CardReference(card.vaultId(), summary(card));
        StandingInstruction instruction = credential != null
                ? new StandingInstruction(
                        StandingInstructionMode.REPEATED,
                        StandingInstructionType.valueOf(credential.type()),
                        StandingInstructionSource.MIT,
                        credential.initialTransactionId())
                : payment.storeCard()
                        ? new StandingInstruction(
                                StandingInstructionMode.INITIAL,
                                StandingInstructionType.valueOf(payment.storedCredentialType()),
                                StandingInstructionSource.CIT,
                                null)
                        : null;
        String registrationId = credential == null ? null : credential.id();
        Object payload = switch (payment.paymentType()) {
            case DB ->
                DebitPayment.newBuilder()
                        .setAmount(amount)
                        .setPaymentBrand(brand)
                        .setMerchantTransactionId(payment.merchantTransactionId())
                        .setCard(reference)
                        .setRegistrationId(registrationId)
                        .setCreateRegistration(payment.storeCard())
                        .setStandingInstruction(instruction)
                        .setShopperResultUrl(returnUrl)
                        .setDescriptor(payment.descriptor())
                        .build();
            case PA ->
                AuthorizePayment.newBuilder()
                        .setAmount(amount)
                        .setPaymentBrand(brand)
                        .setMerchantTransactionId(payment.merchantTransactionId())
                        .setCard(reference)
                        .setRegistrationId(registrationId)
                        .setCreateRegistration(payment.storeCard())
                        .setStandingInstruction(instruction)
                        .setShopperResultUrl(returnUrl)
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

    /** {@code DeleteStoredCredential} for the executor, keyed by the payment that stored the credential. */
    static PaymentCommandEnvelope deleteCredential(StoredCredentialRow credential, String correlationId, Instant now) {
        return PaymentCommandEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(credential.paymentId())
                .setMerchantId(credential.merchantId())
                .setOccurredAt(now)
                .setCorrelationId(correlationId)
                .setCausationId(null)
                .setPayload(new DeleteStoredCredential(credential.id()))
                .build();
    }

    /**
     * The back-office command of an operation asked through the API ({@code CapturePayment}, {@code RefundPayment}
     * ...), on {@code s2spay.backoffice.commands}; without an amount the back office takes the whole amount the
     * operation may move.
     */
    static BackofficeCommandEnvelope operationCommand(
            PaymentRow payment,
            String operationId,
            OperationType type,
            Long amountMinor,
            String correlationId,
            Instant now) {
        Money amount = amountMinor == null ? null : new Money(amountMinor, payment.currency());
        Object payload = switch (type) {
            case CAPTURE -> new CapturePayment(operationId, amount);
            case REVERSAL -> new ReversePayment(operationId, amount);
            case REFUND -> new RefundPayment(operationId, amount);
            case REBILL -> new RebillPayment(operationId, amount);
            case CHARGEBACK -> new RecordChargeback(operationId, amount);
            case CHARGEBACK_REVERSAL -> new ReverseChargeback(operationId, amount);
            case RECEIPT -> new ConfirmReceipt(operationId, amount);
        };
        return BackofficeCommandEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(payment.paymentId())
                .setMerchantId(payment.merchantId())
                .setOccurredAt(now)
                .setCorrelationId(correlationId)
                .setCausationId(null)
                .setPayload(payload)
                .build();
    }

    /** {@code PaymentRequested} on {@code s2spay.payment.events}: the payment exists and its command is sent. */
    static PaymentEventEnvelope requested(
            String paymentId,
            String merchantId,
            String correlationId,
            Instant now,
            ValidatedPayment payment,
            String brand,
            PaymentRow.MaskedCard card,
            String commandMessageId) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId(merchantId)
                .setOccurredAt(now)
                .setCorrelationId(correlationId)
                .setCausationId(commandMessageId)
                .setPayload(PaymentRequested.newBuilder()
                        .setPaymentType(
                                PaymentType.valueOf(payment.paymentType().name()))
                        .setAmount(money(payment))
                        .setPaymentBrand(brand)
                        .setMerchantTransactionId(payment.merchantTransactionId())
                        .setCard(
                                card == null
                                        ? null
                                        : new CardSummary(
                                                card.bin(),
                                                card.last4Digits(),
                                                card.brand(),
                                                card.expiryMonth(),
                                                card.expiryYear()))
                        .build())
                .build();
    }

    /** {@code ShopperReturned}: the shopper's browser is back; the status-poller settles the payment at once. */
    static PaymentEventEnvelope shopperReturned(PaymentRow payment, Instant now) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(payment.paymentId())
                .setMerchantId(payment.merchantId())
                .setOccurredAt(now)
                .setCorrelationId(UUID.randomUUID().toString())
                .setCausationId(null)
                .setPayload(new ShopperReturned(
                        PaymentType.valueOf(payment.paymentType()),
                        payment.merchantTransactionId(),
                        payment.outcome().gatewayTransactionId()))
                .build();
    }

    private static Money money(ValidatedPayment payment) {
        return new Money(payment.amountMinor(), payment.currency());
    }

    private static CardSummary summary(VaultedCard card) {
        return new CardSummary(card.bin(), card.last4Digits(), card.brand(), card.expiryMonth(), card.expiryYear());
    }
}

package io.s2spay.executor.payment;

import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.CardReference;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.StandingInstruction;
import io.s2spay.schema.command.AuthorizePayment;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.PaymentCommandEnvelope;

/**
 * An initial payment command (AuthorizePayment or DebitPayment) flattened into what the executor needs: the
 * envelope's identity and the payment's instructions, independent of which payload type carried them.
 */
record PaymentInstruction(
        String messageId,
        String paymentId,
        String merchantId,
        String correlationId,
        PaymentType paymentType,
        long amountMinor,
        String currency,
        String paymentBrand,
        String merchantTransactionId,
        String vaultId,
        CardSummary card,
        String registrationId,
        boolean createRegistration,
        StandingInstruction standingInstruction,
        String shopperResultUrl,
        String descriptor) {

    /** The command type's name as the rejection event states it. */
    String commandType() {
        return paymentType == PaymentType.PA ? "AuthorizePayment" : "DebitPayment";
    }

    /**
     * Reads a decoded command envelope. A record without the identity every answer needs (message, payment and
     * merchant ids) or with an unknown payload cannot be answered by an event and goes to the dead-letter topic.
     */
    static PaymentInstruction from(PaymentCommandEnvelope command) {
        if (isBlank(command.getMessageId()) || isBlank(command.getPaymentId()) || isBlank(command.getMerchantId())) {
            throw new InvalidMessageException("payment command without messageId, paymentId or merchantId");
        }
        String correlationId =
                isBlank(command.getCorrelationId()) ? command.getMessageId() : command.getCorrelationId();
        return switch (command.getPayload()) {
            case AuthorizePayment pa ->
                new PaymentInstruction(
                        command.getMessageId(),
                        command.getPaymentId(),
                        command.getMerchantId(),
                        correlationId,
                        PaymentType.PA,
                        amountOf(pa.getAmount()),
                        currencyOf(pa.getAmount()),
                        pa.getPaymentBrand(),
                        pa.getMerchantTransactionId(),
                        vaultIdOf(pa.getCard()),
                        summaryOf(pa.getCard()),
                        pa.getRegistrationId(),
                        pa.getCreateRegistration(),
                        pa.getStandingInstruction(),
                        pa.getShopperResultUrl(),
                        pa.getDescriptor());
            case DebitPayment db ->
                new PaymentInstruction(
                        command.getMessageId(),
                        command.getPaymentId(),
                        command.getMerchantId(),
                        correlationId,
                        PaymentType.DB,
                        amountOf(db.getAmount()),
                        currencyOf(db.getAmount()),
                        db.getPaymentBrand(),
                        db.getMerchantTransactionId(),
                        vaultIdOf(db.getCard()),
                        summaryOf(db.getCard()),
                        db.getRegistrationId(),
                        db.getCreateRegistration(),
                        db.getStandingInstruction(),
                        db.getShopperResultUrl(),
                        db.getDescriptor());
            case null ->
                throw new InvalidMessageException("payment command " + command.getMessageId() + " has no payload");
            default ->
                throw new InvalidMessageException(
                        "payment command " + command.getMessageId() + " has an unsupported payload "
                                + command.getPayload().getClass().getSimpleName());
        };
    }

    private static long amountOf(Money money) {
        return money == null ? 0 : money.getAmountMinor();
    }

    private static String currencyOf(Money money) {
        return money == null ? null : money.getCurrency();
    }

    private static String vaultIdOf(CardReference card) {
        return card == null ? null : card.getVaultId();
    }

    private static CardSummary summaryOf(CardReference card) {
        return card == null ? null : card.getSummary();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

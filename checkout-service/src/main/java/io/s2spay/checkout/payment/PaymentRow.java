package io.s2spay.checkout.payment;

import io.s2spay.domain.money.MoneyAmounts;
import java.time.Instant;
import java.util.Map;

/**
 * One payment of the read model.
 *
 * @param vaultId the card in the vault, for payments accepted by this API
 * @param commandMessageId the command this API sent for the payment; a rejection of any other command (a
 *     duplicate sent by another system) does not fail the payment
 * @param card the card as it may be shown, {@code null} if no event named it yet
 * @param outcome the latest outcome: gateway result, failure reason, redirect
 */
record PaymentRow(
        String paymentId,
        String merchantId,
        String paymentType,
        PaymentStatus status,
        long amountMinor,
        String currency,
        String paymentBrand,
        String merchantTransactionId,
        String descriptor,
        String shopperResultUrl,
        String vaultId,
        String commandMessageId,
        MaskedCard card,
        Outcome outcome,
        Instant createdAt,
        Instant updatedAt) {

    /** BIN, last four digits, brand and expiry: all that may be kept of a card outside the vault. */
    record MaskedCard(String bin, String last4Digits, String brand, int expiryMonth, int expiryYear) {}

    /** What the gateway or the executor said about the payment's latest status. */
    record Outcome(String resultCode, String resultDescription, String gatewayTransactionId, String failureReason,
            String redirectUrl, String redirectMethod, Map<String, String> redirectParameters) {

        static final Outcome NONE = new Outcome(null, null, null, null, null, null, null);
    }

    /** This payment in {@code status} with {@code outcome}, changed at {@code now}. */
    PaymentRow withStatus(PaymentStatus status, Outcome outcome, Instant now) {
        return new PaymentRow(paymentId, merchantId, paymentType, status, amountMinor, currency, paymentBrand,
                merchantTransactionId, descriptor, shopperResultUrl, vaultId, commandMessageId, card, outcome, createdAt,
                now);
    }

    /** This payment with another brand and card, changed at {@code now}. */
    PaymentRow withDescription(String paymentBrand, MaskedCard card, Instant now) {
        return new PaymentRow(paymentId, merchantId, paymentType, status, amountMinor, currency, paymentBrand,
                merchantTransactionId, descriptor, shopperResultUrl, vaultId, commandMessageId, card, outcome, createdAt,
                now);
    }

    /** The payment as the API shows it. */
    PaymentView toView() {
        return new PaymentView(
                paymentId,
                paymentType,
                status.apiName(),
                MoneyAmounts.format(amountMinor, currency),
                currency,
                paymentBrand,
                merchantTransactionId,
                descriptor,
                card == null ? null : new PaymentView.Card(card.bin(), card.last4Digits(), card.brand(),
                        String.format("%02d", card.expiryMonth()), String.valueOf(card.expiryYear())),
                outcome.resultCode() == null ? null
                        : new PaymentView.Result(outcome.resultCode(), outcome.resultDescription()),
                outcome.gatewayTransactionId(),
                status == PaymentStatus.REQUIRES_ACTION && outcome.redirectUrl() != null
                        ? new PaymentView.Redirect(outcome.redirectUrl(), outcome.redirectMethod(),
                                outcome.redirectParameters() == null ? Map.of() : outcome.redirectParameters())
                        : null,
                outcome.failureReason(),
                createdAt,
                updatedAt);
    }
}

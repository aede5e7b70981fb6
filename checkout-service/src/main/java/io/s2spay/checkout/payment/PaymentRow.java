package io.s2spay.checkout.payment;

import io.s2spay.domain.balance.PaymentMovements;
import io.s2spay.domain.lifecycle.PaymentPosition;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.domain.money.MoneyAmounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One payment of the read model.
 *
 * @param status the state of the initial payment (PA or DB)
 * @param vaultId the card in the vault, for card payments accepted by this API
 * @param commandMessageId the command this API sent for the payment; a rejection of any other command (a
 *     duplicate sent by another system) does not fail the payment
 * @param card the card as it may be shown, {@code null} if no event named it yet
 * @param outcome the latest outcome: gateway result, failure reason, redirect
 * @param movements the money the payment and its operations moved, as the events told
 * @param storedCredential the stored card the payment asked to create or charged, if any
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
        PaymentMovements movements,
        StoredCredentialUse storedCredential,
        Instant createdAt,
        Instant updatedAt) {

    /** BIN, last four digits, brand and expiry: all that may be kept of a card outside the vault. */
    record MaskedCard(String bin, String last4Digits, String brand, int expiryMonth, int expiryYear) {}

    /** What the gateway or the executor said about the payment's latest status. */
    record Outcome(
            String resultCode,
            String resultDescription,
            String gatewayTransactionId,
            String failureReason,
            String redirectUrl,
            String redirectMethod,
            Map<String, String> redirectParameters,
            GatewayAccount gatewayAccount) {

        static final Outcome NONE = new Outcome(null, null, null, null, null, null, null, null);

        /** This outcome at another gateway account. */
        Outcome at(GatewayAccount account) {
            return new Outcome(
                    resultCode,
                    resultDescription,
                    gatewayTransactionId,
                    failureReason,
                    redirectUrl,
                    redirectMethod,
                    redirectParameters,
                    account);
        }
    }

    /**
     * The gateway account that processed the payment, as its events name it: the gateway family ({@code opp},
     * {@code tokens}, {@code orders}) and the account's key in s2spay's configuration of it.
     */
    record GatewayAccount(String gateway, String account) {}

    /**
     * This payment as processed at {@code account} (the envelope's {@code gateway} of an event about it), changed
     * at {@code now}.
     */
    PaymentRow withGatewayAccount(GatewayAccount account, Instant now) {
        return withStatus(status, outcome.at(account), now);
    }

    /**
     * A stored credential this payment creates ({@code store}, customer-initiated, id known once it succeeded) or
     * charges (merchant-initiated, id known from the start).
     */
    record StoredCredentialUse(boolean store, String type, String id) {

        static final StoredCredentialUse NONE = new StoredCredentialUse(false, null, null);

        StoredCredentialUse withId(String id) {
            return new StoredCredentialUse(store, type, id);
        }
    }

    /** The status a merchant sees, from the state and the movements. */
    LifecycleStatus lifecycleStatus() {
        return LifecycleStatus.of(status, paymentType, movements);
    }

    /** Where the payment stands in the lifecycle, for the interpreter to apply its next step to. */
    PaymentPosition position() {
        TransactionType type = paymentType == null ? null : TransactionType.valueOf(paymentType);
        return new PaymentPosition(type, status.lifecycleState(type), movements);
    }

    /** This payment in {@code status} with {@code outcome}, changed at {@code now}. */
    PaymentRow withStatus(PaymentStatus status, Outcome outcome, Instant now) {
        return new PaymentRow(
                paymentId,
                merchantId,
                paymentType,
                status,
                amountMinor,
                currency,
                paymentBrand,
                merchantTransactionId,
                descriptor,
                shopperResultUrl,
                vaultId,
                commandMessageId,
                card,
                outcome,
                movements,
                storedCredential,
                createdAt,
                now);
    }

    /** This payment with another brand and card, changed at {@code now}. */
    PaymentRow withDescription(String paymentBrand, MaskedCard card, Instant now) {
        return new PaymentRow(
                paymentId,
                merchantId,
                paymentType,
                status,
                amountMinor,
                currency,
                paymentBrand,
                merchantTransactionId,
                descriptor,
                shopperResultUrl,
                vaultId,
                commandMessageId,
                card,
                outcome,
                movements,
                storedCredential,
                createdAt,
                now);
    }

    /** This payment with other movements, changed at {@code now}. */
    PaymentRow withMovements(PaymentMovements movements, Instant now) {
        return new PaymentRow(
                paymentId,
                merchantId,
                paymentType,
                status,
                amountMinor,
                currency,
                paymentBrand,
                merchantTransactionId,
                descriptor,
                shopperResultUrl,
                vaultId,
                commandMessageId,
                card,
                outcome,
                movements,
                storedCredential,
                createdAt,
                now);
    }

    /** This payment with its stored credential's id known, changed at {@code now}. */
    PaymentRow withStoredCredential(StoredCredentialUse storedCredential, Instant now) {
        return new PaymentRow(
                paymentId,
                merchantId,
                paymentType,
                status,
                amountMinor,
                currency,
                paymentBrand,
                merchantTransactionId,
                descriptor,
                shopperResultUrl,
                vaultId,
                commandMessageId,
                card,
                outcome,
                movements,
                storedCredential,
                createdAt,
                now);
    }

    /** The payment as the API shows it, without its operations. */
    PaymentView toView() {
        return toView(null);
    }

    /** The payment as the API shows it, with {@code operations} (null to leave them out, as lists do). */
    PaymentView toView(List<OperationView> operations) {
        return new PaymentView(
                paymentId,
                paymentType,
                lifecycleStatus().apiName(),
                MoneyAmounts.format(amountMinor, currency),
                currency,
                paymentBrand,
                merchantTransactionId,
                descriptor,
                card == null
                        ? null
                        : new PaymentView.Card(
                                card.bin(),
                                card.last4Digits(),
                                card.brand(),
                                String.format("%02d", card.expiryMonth()),
                                String.valueOf(card.expiryYear())),
                outcome.resultCode() == null
                        ? null
                        : new PaymentView.Result(outcome.resultCode(), outcome.resultDescription()),
                outcome.gatewayTransactionId(),
                outcome.gatewayAccount() == null
                        ? null
                        : new PaymentView.Gateway(
                                outcome.gatewayAccount().gateway(),
                                outcome.gatewayAccount().account()),
                status == PaymentStatus.REQUIRES_ACTION && outcome.redirectUrl() != null
                        ? new PaymentView.Redirect(
                                outcome.redirectUrl(),
                                outcome.redirectMethod(),
                                outcome.redirectParameters() == null ? Map.of() : outcome.redirectParameters())
                        : null,
                outcome.failureReason(),
                amounts(),
                storedCredential.id() == null
                        ? null
                        : new PaymentView.StoredCredential(storedCredential.id(), storedCredential.type()),
                operations,
                createdAt,
                updatedAt);
    }

    private PaymentView.Amounts amounts() {
        if (!status.succeeded()
                && status != PaymentStatus.AWAITING_RECEIPT
                && movements.equals(PaymentMovements.NONE)) {
            return null;
        }
        return new PaymentView.Amounts(
                MoneyAmounts.format(movements.authorizedTotalMinor(), currency),
                MoneyAmounts.format(movements.settledMinor(), currency),
                MoneyAmounts.format(movements.refundedMinor(), currency),
                MoneyAmounts.format(Math.max(0, movements.openChargebackMinor()), currency),
                MoneyAmounts.format(Math.max(0, movements.netMinor()), currency));
    }
}

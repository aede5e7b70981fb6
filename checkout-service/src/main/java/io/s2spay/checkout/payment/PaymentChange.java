package io.s2spay.checkout.payment;

import io.s2spay.domain.balance.PaymentMovements;
import io.s2spay.domain.lifecycle.PaymentPosition;
import io.s2spay.domain.money.InvalidAmountException;
import io.s2spay.domain.money.MoneyAmounts;
import io.s2spay.platform.lifecycle.PaymentEventSteps;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentExpired;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRequested;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one payment event says about a payment, in the read model's terms: the status it leads to, the
 * outcome (gateway result, failure reason, redirect), and the descriptive fields (type, amount, card) a row
 * can be created from when the payment was started outside this API.
 *
 * @param status the status the event leads to; {@code null} for events that do not change it (back office)
 * @param rejectedCommandMessageId for a command rejection, the command it is about
 * @param step the lifecycle step the event tells of ({@link PaymentEventSteps}); {@code null} for a rejected command
 * @param registrationId the stored credential the payment created or charged, if the event names one
 * @param initialTransactionId the network's id of the INITIAL customer-initiated transaction, if any
 */
record PaymentChange(
        PaymentStatus status,
        String paymentType,
        Money amount,
        String paymentBrand,
        String merchantTransactionId,
        CardSummary card,
        GatewayResult result,
        Redirect redirect,
        String failureReason,
        String rejectedCommandMessageId,
        PaymentPosition.Step step,
        String registrationId,
        String initialTransactionId) {

    /** Rejections that say nothing about the payment itself: a second command for it was refused. */
    private static final String DUPLICATE_PAYMENT = "DUPLICATE_PAYMENT";
    /** A refused deletion of a stored credential says nothing about the payment that created it. */
    static final String DELETE_STORED_CREDENTIAL = "DeleteStoredCredential";

    /**
     * The change an event makes, or empty for events that leave the read model as it is (back-office
     * operations, which have their own views, and the rejection of a duplicate command).
     *
     * @throws InvalidMessageException when the event carries an impossible amount or currency
     */
    static Optional<PaymentChange> of(PaymentEventEnvelope event) {
        PaymentChange change = switch (event.getPayload()) {
            case PaymentRequested e ->
                new PaymentChange(
                        PaymentStatus.PENDING,
                        e.getPaymentType().name(),
                        e.getAmount(),
                        e.getPaymentBrand(),
                        e.getMerchantTransactionId(),
                        e.getCard(),
                        null,
                        null,
                        null,
                        null,
                        step(event),
                        null,
                        null);
            case PaymentAuthorized e ->
                new PaymentChange(
                        lifecycleStatus(event),
                        e.getPaymentType().name(),
                        e.getAmount(),
                        null,
                        e.getMerchantTransactionId(),
                        e.getCard(),
                        e.getGatewayResult(),
                        null,
                        null,
                        null,
                        step(event),
                        e.getRegistrationId(),
                        e.getInitialTransactionId());
            case PaymentDebited e ->
                new PaymentChange(
                        lifecycleStatus(event),
                        e.getPaymentType().name(),
                        e.getAmount(),
                        null,
                        e.getMerchantTransactionId(),
                        e.getCard(),
                        e.getGatewayResult(),
                        null,
                        null,
                        null,
                        step(event),
                        e.getRegistrationId(),
                        e.getInitialTransactionId());
            case PaymentRedirectRequired e ->
                new PaymentChange(
                        lifecycleStatus(event),
                        e.getPaymentType().name(),
                        e.getAmount(),
                        null,
                        e.getMerchantTransactionId(),
                        null,
                        e.getGatewayResult(),
                        e.getRedirect(),
                        null,
                        null,
                        step(event),
                        null,
                        null);
            case PaymentAwaitingReceipt e ->
                new PaymentChange(
                        lifecycleStatus(event),
                        e.getPaymentType().name(),
                        e.getAmount(),
                        null,
                        e.getMerchantTransactionId(),
                        null,
                        e.getGatewayResult(),
                        null,
                        null,
                        null,
                        step(event),
                        null,
                        null);
            case PaymentDeclined e ->
                new PaymentChange(
                        lifecycleStatus(event),
                        e.getPaymentType().name(),
                        e.getAmount(),
                        null,
                        e.getMerchantTransactionId(),
                        null,
                        e.getGatewayResult(),
                        null,
                        null,
                        null,
                        step(event),
                        null,
                        null);
            case PaymentFailed e ->
                new PaymentChange(
                        lifecycleStatus(event),
                        e.getPaymentType().name(),
                        e.getAmount(),
                        null,
                        e.getMerchantTransactionId(),
                        null,
                        e.getGatewayResult(),
                        null,
                        e.getReason(),
                        null,
                        step(event),
                        null,
                        null);
            case PaymentOutcomeUnknown e ->
                new PaymentChange(
                        lifecycleStatus(event),
                        e.getPaymentType().name(),
                        e.getAmount(),
                        null,
                        e.getMerchantTransactionId(),
                        null,
                        null,
                        null,
                        e.getReason(),
                        null,
                        step(event),
                        null,
                        null);
            case PaymentExpired e ->
                new PaymentChange(
                        lifecycleStatus(event),
                        e.getPaymentType().name(),
                        e.getAmount(),
                        null,
                        e.getMerchantTransactionId(),
                        null,
                        e.getGatewayResult(),
                        null,
                        null,
                        null,
                        step(event),
                        null,
                        null);
            case PaymentCommandRejected e
            when !DUPLICATE_PAYMENT.equals(e.getReasonCode()) && !DELETE_STORED_CREDENTIAL.equals(e.getCommandType()) ->
                new PaymentChange(
                        PaymentStatus.FAILED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        e.getReasonCode() + ": " + e.getReason(),
                        e.getCommandMessageId(),
                        null,
                        null,
                        null);
            default -> null;
        };
        if (change != null && change.amount() != null) {
            checkMoney(change.amount());
        }
        return Optional.ofNullable(change);
    }

    /** Whether a payment row can be created from this change alone (it names type, amount and reference). */
    boolean describesPayment() {
        return status != null && paymentType != null && amount != null && merchantTransactionId != null;
    }

    /** The row for a payment first heard of through this event. */
    PaymentRow newRow(String paymentId, String merchantId, Instant occurredAt, Instant now) {
        PaymentRow empty = new PaymentRow(
                paymentId,
                merchantId,
                paymentType,
                PaymentStatus.PENDING,
                amount.getAmountMinor(),
                amount.getCurrency(),
                null,
                merchantTransactionId,
                null,
                null,
                null,
                null,
                null,
                PaymentRow.Outcome.NONE,
                PaymentMovements.NONE,
                PaymentRow.StoredCredentialUse.NONE,
                occurredAt,
                occurredAt);
        return applyTo(empty, now);
    }

    /**
     * {@code row} after this change: the status moves only if the transition table allows it, and only then
     * does the event's outcome replace the previous one; a missing brand and card are filled in either way.
     * Returns {@code row} itself if nothing changes.
     */
    PaymentRow applyTo(PaymentRow row, Instant now) {
        PaymentRow described = describe(row, now);
        if (status == null || isAboutAnotherCommand(row)) {
            return described;
        }
        PaymentStatus to = status;
        if (step != null) {
            // the interpreter decides where the state and the money go; a step that changes nothing is no change
            PaymentPosition.Applied applied = row.position().apply(step);
            if (!applied.legal() || applied.position().equals(row.position())) {
                return described;
            }
            to = PaymentStatus.of(applied.position().state());
            described = described.withMovements(applied.position().movements(), now);
        } else if (!row.status().canMoveTo(status)) {
            return described;
        }
        String gatewayTransactionId = result != null && result.getGatewayTransactionId() != null
                ? result.getGatewayTransactionId()
                : row.outcome().gatewayTransactionId();
        if (registrationId != null && described.storedCredential().id() == null) {
            described =
                    described.withStoredCredential(described.storedCredential().withId(registrationId), now);
        }
        return described.withStatus(
                to,
                new PaymentRow.Outcome(
                        result == null ? null : result.getCode(),
                        result == null ? null : result.getDescription(),
                        gatewayTransactionId,
                        failureReason,
                        redirect == null ? null : redirect.getUrl(),
                        redirect == null ? null : redirect.getMethod(),
                        redirect == null ? null : new TreeMap<>(redirect.getParameters()),
                        row.outcome().gatewayAccount()),
                now);
    }

    private static PaymentPosition.Step step(PaymentEventEnvelope event) {
        return PaymentEventSteps.of(event).orElseThrow();
    }

    /** The read model's status after an initial payment's outcome, as the lifecycle's table has it. */
    private static PaymentStatus lifecycleStatus(PaymentEventEnvelope event) {
        return PaymentStatus.of(PaymentEventSteps.initialOutcome(event).orElseThrow());
    }

    /** A rejection of a command other than the one checkout sent for this payment. */
    private boolean isAboutAnotherCommand(PaymentRow row) {
        return rejectedCommandMessageId != null
                && row.commandMessageId() != null
                && !rejectedCommandMessageId.equals(row.commandMessageId());
    }

    private PaymentRow describe(PaymentRow row, Instant now) {
        String brand = row.paymentBrand() != null
                ? row.paymentBrand()
                : paymentBrand != null ? paymentBrand : card != null ? card.getBrand() : null;
        PaymentRow.MaskedCard masked = row.card() != null || card == null
                ? row.card()
                : new PaymentRow.MaskedCard(
                        card.getBin(),
                        card.getLast4Digits(),
                        card.getBrand(),
                        card.getExpiryMonth(),
                        card.getExpiryYear());
        if (Objects.equals(brand, row.paymentBrand()) && Objects.equals(masked, row.card())) {
            return row;
        }
        return row.withDescription(brand, masked, now);
    }

    private static void checkMoney(Money money) {
        try {
            MoneyAmounts.format(money.getAmountMinor(), money.getCurrency());
        } catch (InvalidAmountException e) {
            throw new InvalidMessageException("event amount is invalid: " + e.getMessage());
        }
    }
}

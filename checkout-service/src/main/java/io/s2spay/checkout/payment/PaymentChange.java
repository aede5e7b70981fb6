package io.s2spay.checkout.payment;

import io.s2spay.checkout.payment.PaymentRepository.PaymentRow;
import io.s2spay.domain.money.InvalidAmountException;
import io.s2spay.domain.money.MoneyAmounts;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.event.PaymentAuthorized;
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
 * gateway's answer, and the descriptive fields (type, amount, card) a row can be created from if the
 * payment was started outside this API.
 *
 * @param status the status the event leads to; {@code null} for events that do not change it (back office)
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
        String failureReason) {

    /**
     * The change an event makes, or empty for events that leave the read model as it is (back-office
     * operations, which have their own views).
     *
     * @throws InvalidMessageException when the event carries an impossible amount or currency
     */
    static Optional<PaymentChange> of(PaymentEventEnvelope event) {
        PaymentChange change = switch (event.getPayload()) {
            case PaymentRequested e -> new PaymentChange(PaymentStatus.PENDING, e.getPaymentType().name(),
                    e.getAmount(), e.getPaymentBrand(), e.getMerchantTransactionId(), e.getCard(), null, null, null);
            case PaymentAuthorized e -> new PaymentChange(PaymentStatus.SUCCEEDED, e.getPaymentType().name(),
                    e.getAmount(), null, e.getMerchantTransactionId(), e.getCard(), e.getGatewayResult(), null, null);
            case PaymentDebited e -> new PaymentChange(PaymentStatus.SUCCEEDED, e.getPaymentType().name(),
                    e.getAmount(), null, e.getMerchantTransactionId(), e.getCard(), e.getGatewayResult(), null, null);
            case PaymentRedirectRequired e -> new PaymentChange(PaymentStatus.REQUIRES_ACTION,
                    e.getPaymentType().name(), e.getAmount(), null, e.getMerchantTransactionId(), null,
                    e.getGatewayResult(), e.getRedirect(), null);
            case PaymentDeclined e -> new PaymentChange(PaymentStatus.DECLINED, e.getPaymentType().name(),
                    e.getAmount(), null, e.getMerchantTransactionId(), null, e.getGatewayResult(), null, null);
            case PaymentFailed e -> new PaymentChange(PaymentStatus.FAILED, e.getPaymentType().name(),
                    e.getAmount(), null, e.getMerchantTransactionId(), null, e.getGatewayResult(), null, e.getReason());
            case PaymentOutcomeUnknown e -> new PaymentChange(PaymentStatus.UNKNOWN, e.getPaymentType().name(),
                    e.getAmount(), null, e.getMerchantTransactionId(), null, null, null, e.getReason());
            case PaymentExpired e -> new PaymentChange(PaymentStatus.EXPIRED, e.getPaymentType().name(),
                    e.getAmount(), null, e.getMerchantTransactionId(), null, e.getGatewayResult(), null, null);
            case PaymentCommandRejected e -> new PaymentChange(PaymentStatus.FAILED, null, null, null, null, null,
                    null, null, e.getReasonCode() + ": " + e.getReason());
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
        PaymentRow empty = new PaymentRow(paymentId, merchantId, paymentType, PaymentStatus.PENDING,
                amount.getAmountMinor(), amount.getCurrency(), null, merchantTransactionId, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, occurredAt, occurredAt);
        return status == PaymentStatus.PENDING ? fillIn(empty, now) : applyTo(empty, now);
    }

    /**
     * {@code row} after this change: the status moves only if the transition table allows it, and only then
     * does the event's outcome (gateway result, redirect, failure reason) replace the previous one; missing
     * descriptive fields (brand, card) are filled in either way. Returns {@code row} itself if nothing changes.
     */
    PaymentRow applyTo(PaymentRow row, Instant now) {
        PaymentRow filled = fillIn(row, now);
        if (status == null || !row.status().canMoveTo(status)) {
            return filled;
        }
        String gatewayTransactionId = result != null && result.getGatewayTransactionId() != null
                ? result.getGatewayTransactionId() : filled.gatewayTransactionId();
        return new PaymentRow(filled.paymentId(), filled.merchantId(), filled.paymentType(), status,
                filled.amountMinor(), filled.currency(), filled.paymentBrand(), filled.merchantTransactionId(),
                filled.descriptor(), filled.shopperResultUrl(), filled.vaultId(), filled.cardBin(),
                filled.cardLast4Digits(), filled.cardBrand(), filled.cardExpiryMonth(), filled.cardExpiryYear(),
                result == null ? null : result.getCode(),
                result == null ? null : result.getDescription(),
                gatewayTransactionId,
                failureReason,
                redirect == null ? null : redirect.getUrl(),
                redirect == null ? null : redirect.getMethod(),
                redirect == null ? null : new TreeMap<>(redirect.getParameters()),
                filled.createdAt(), now);
    }

    /** {@code row} with the brand and card filled in from this change where they are missing. */
    private PaymentRow fillIn(PaymentRow row, Instant now) {
        String brand = row.paymentBrand() != null ? row.paymentBrand()
                : paymentBrand != null ? paymentBrand
                : card != null ? card.getBrand() : null;
        boolean addCard = row.cardBin() == null && card != null;
        if (!addCard && Objects.equals(brand, row.paymentBrand())) {
            return row;
        }
        return new PaymentRow(row.paymentId(), row.merchantId(), row.paymentType(), row.status(), row.amountMinor(),
                row.currency(), brand, row.merchantTransactionId(), row.descriptor(), row.shopperResultUrl(),
                row.vaultId(),
                addCard ? card.getBin() : row.cardBin(),
                addCard ? card.getLast4Digits() : row.cardLast4Digits(),
                addCard ? card.getBrand() : row.cardBrand(),
                addCard ? Integer.valueOf(card.getExpiryMonth()) : row.cardExpiryMonth(),
                addCard ? Integer.valueOf(card.getExpiryYear()) : row.cardExpiryYear(),
                row.resultCode(), row.resultDescription(), row.gatewayTransactionId(), row.failureReason(),
                row.redirectUrl(), row.redirectMethod(), row.redirectParameters(), row.createdAt(), now);
    }

    private static void checkMoney(Money money) {
        try {
            MoneyAmounts.format(money.getAmountMinor(), money.getCurrency());
        } catch (InvalidAmountException e) {
            throw new InvalidMessageException("event amount is invalid: " + e.getMessage());
        }
    }
}

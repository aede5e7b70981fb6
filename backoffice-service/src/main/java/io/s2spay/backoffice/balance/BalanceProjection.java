package io.s2spay.backoffice.balance;

import io.s2spay.platform.lifecycle.PaymentEventSteps;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.event.ChargebackReversed;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentChargedBack;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentExpired;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRebilled;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.PaymentRequested;
import io.s2spay.schema.event.PaymentReversed;
import io.s2spay.schema.event.ReceiptConfirmed;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects {@code s2spay.payment.events} onto the balances of each payment, each event exactly once. */
@Service
public class BalanceProjection {

    /** Entry id of the initial payment's own movement (a payment has one authorization or one debit). */
    static final String INITIAL_ENTRY = "initial";

    private final PaymentBalances balances;
    private final ProcessedMessages processed;
    private final Clock clock;

    BalanceProjection(PaymentBalances balances, ProcessedMessages processed, Clock clock) {
        this.balances = balances;
        this.processed = processed;
        this.clock = clock;
    }

    /** Applies one event; the processed-message row commits with its effect. */
    @Transactional
    public void apply(PaymentEventEnvelope event) {
        if (event.getPaymentId() == null || event.getPaymentId().isBlank() || event.getPayload() == null) {
            throw new InvalidMessageException(
                    "payment event " + event.getMessageId() + " has no payment id or payload");
        }
        if (!processed.markProcessed(event.getMessageId())) {
            return;
        }
        Instant now = clock.instant();
        switch (event.getPayload()) {
            case PaymentRequested p ->
                initial(event, p.getPaymentType().name(), p.getAmount(), p.getMerchantTransactionId(), null, now);
            case PaymentRedirectRequired p ->
                initial(
                        event,
                        p.getPaymentType().name(),
                        p.getAmount(),
                        p.getMerchantTransactionId(),
                        gatewayId(p.getGatewayResult()),
                        now);
            case PaymentAwaitingReceipt p ->
                initial(
                        event,
                        p.getPaymentType().name(),
                        p.getAmount(),
                        p.getMerchantTransactionId(),
                        gatewayId(p.getGatewayResult()),
                        now);
            case PaymentOutcomeUnknown p ->
                initial(event, p.getPaymentType().name(), p.getAmount(), p.getMerchantTransactionId(), null, now);
            case PaymentDeclined p ->
                initial(
                        event,
                        p.getPaymentType().name(),
                        p.getAmount(),
                        p.getMerchantTransactionId(),
                        gatewayId(p.getGatewayResult()),
                        now);
            case PaymentFailed p ->
                initial(
                        event,
                        p.getPaymentType().name(),
                        p.getAmount(),
                        p.getMerchantTransactionId(),
                        gatewayId(p.getGatewayResult()),
                        now);
            case PaymentExpired p ->
                initial(
                        event,
                        p.getPaymentType().name(),
                        p.getAmount(),
                        p.getMerchantTransactionId(),
                        gatewayId(p.getGatewayResult()),
                        now);
            case PaymentAuthorized p -> {
                initial(
                        event,
                        p.getPaymentType().name(),
                        p.getAmount(),
                        p.getMerchantTransactionId(),
                        gatewayId(p.getGatewayResult()),
                        now);
                entry(event, INITIAL_ENTRY, EntryKind.AUTHORIZED, p.getAmount(), now);
            }
            case PaymentDebited p -> {
                initial(
                        event,
                        p.getPaymentType().name(),
                        p.getAmount(),
                        p.getMerchantTransactionId(),
                        gatewayId(p.getGatewayResult()),
                        now);
                entry(event, INITIAL_ENTRY, EntryKind.DEBITED, p.getAmount(), now);
            }
            case PaymentCaptured p -> operation(event, p.getOperationId(), EntryKind.CAPTURED, p.getAmount(), now);
            case PaymentReversed p -> operation(event, p.getOperationId(), EntryKind.REVERSED, p.getAmount(), now);
            case PaymentRefunded p -> operation(event, p.getOperationId(), EntryKind.REFUNDED, p.getAmount(), now);
            case PaymentRebilled p -> operation(event, p.getOperationId(), EntryKind.REBILLED, p.getAmount(), now);
            case PaymentChargedBack p ->
                operation(event, p.getOperationId(), EntryKind.CHARGED_BACK, p.getAmount(), now);
            case ChargebackReversed p ->
                operation(event, p.getOperationId(), EntryKind.CHARGEBACK_REVERSED, p.getAmount(), now);
            case ReceiptConfirmed p ->
                operation(event, p.getOperationId(), EntryKind.RECEIPT_CONFIRMED, p.getAmount(), now);
            default -> {
                // rejections, the shopper's return, stored credentials and any newer event change no balance
            }
        }
    }

    private void initial(
            PaymentEventEnvelope event,
            String paymentType,
            Money amount,
            String merchantTransactionId,
            String gatewayTransactionId,
            Instant now) {
        balances.upsertPayment(
                event.getPaymentId(),
                event.getMerchantId(),
                paymentType,
                amount.getCurrency(),
                amount.getAmountMinor(),
                merchantTransactionId,
                gatewayTransactionId,
                now);
        checkBelongsToPayment(event, amount);
        // the state comes from the lifecycle's table, as in every other service's projection
        PaymentEventSteps.initialOutcome(event).ifPresent(state -> balances.moveTo(event.getPaymentId(), state, now));
    }

    private void operation(PaymentEventEnvelope event, String operationId, EntryKind kind, Money amount, Instant now) {
        balances.upsertPayment(
                event.getPaymentId(), event.getMerchantId(), null, amount.getCurrency(), null, null, null, now);
        checkBelongsToPayment(event, amount);
        entry(event, PaymentBalances.operationEntryId(operationId), kind, amount, now);
    }

    private void entry(PaymentEventEnvelope event, String entryId, EntryKind kind, Money amount, Instant now) {
        if (amount.getAmountMinor() < 0) {
            throw new InvalidMessageException("event " + event.getMessageId() + " carries a negative amount");
        }
        balances.applyEntry(
                event.getPaymentId(),
                entryId,
                kind,
                amount.getAmountMinor(),
                amount.getCurrency(),
                event.getMessageId(),
                now);
    }

    /**
     * Refuses (to the dead-letter topic, rolling back the upsert) an event about another merchant's payment or in
     * another currency than the payment's: either would corrupt the balances the back-office rules check (rules 4, 6).
     */
    private void checkBelongsToPayment(PaymentEventEnvelope event, Money amount) {
        PaymentBalance balance = balances.lock(event.getPaymentId()).orElseThrow();
        if (!balance.merchantId().equals(event.getMerchantId())) {
            throw new InvalidMessageException("event " + event.getMessageId() + " names merchant '"
                    + event.getMerchantId() + "' but payment " + event.getPaymentId() + " belongs to another merchant");
        }
        if (balance.currency() != null && !balance.currency().equals(amount.getCurrency())) {
            throw new InvalidMessageException("event " + event.getMessageId() + " is in " + amount.getCurrency()
                    + " but payment " + event.getPaymentId() + " is in " + balance.currency());
        }
    }

    private static String gatewayId(GatewayResult result) {
        return result == null ? null : result.getGatewayTransactionId();
    }
}

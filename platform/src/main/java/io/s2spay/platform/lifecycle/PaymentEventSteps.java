package io.s2spay.platform.lifecycle;

import io.s2spay.domain.lifecycle.Outcome;
import io.s2spay.domain.lifecycle.PaymentLifecycle;
import io.s2spay.domain.lifecycle.PaymentPosition;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
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
import java.util.Optional;

/**
 * The one reading of {@code s2spay.payment.events} as lifecycle steps: which transaction an event is about and what
 * it came to. Checkout's read model, back-office's balances and the poller's tracking all take the state an event
 * leads to from here and from {@link PaymentLifecycle}, never from their own switch.
 */
public final class PaymentEventSteps {

    private PaymentEventSteps() {}

    /**
     * The step {@code event} tells of; empty for events that are no transaction's outcome (the shopper's return, a
     * rejected command, a deleted stored credential).
     */
    public static Optional<PaymentPosition.Step> of(PaymentEventEnvelope event) {
        return Optional.ofNullable(
                switch (event.getPayload()) {
                    case PaymentRequested p -> initial(event, p.getPaymentType(), Outcome.PENDING, p.getAmount());
                    case PaymentRedirectRequired p ->
                        initial(event, p.getPaymentType(), Outcome.REDIRECT, p.getAmount());
                    case PaymentAwaitingReceipt p ->
                        initial(event, p.getPaymentType(), Outcome.AWAITING_RECEIPT, p.getAmount());
                    case PaymentOutcomeUnknown p -> initial(event, p.getPaymentType(), Outcome.UNKNOWN, p.getAmount());
                    case PaymentAuthorized p -> initial(event, p.getPaymentType(), Outcome.SUCCESS, p.getAmount());
                    case PaymentDebited p -> initial(event, p.getPaymentType(), Outcome.SUCCESS, p.getAmount());
                    case PaymentDeclined p -> initial(event, p.getPaymentType(), Outcome.DECLINED, p.getAmount());
                    case PaymentFailed p -> initial(event, p.getPaymentType(), Outcome.FAILED, p.getAmount());
                    case PaymentExpired p -> initial(event, p.getPaymentType(), Outcome.EXPIRED, p.getAmount());
                    case PaymentCaptured p -> success(TransactionType.CP, p.getAmount());
                    case PaymentReversed p -> success(TransactionType.RV, p.getAmount());
                    case PaymentRefunded p -> success(TransactionType.RF, p.getAmount());
                    case PaymentRebilled p -> success(TransactionType.RB, p.getAmount());
                    case PaymentChargedBack p -> success(TransactionType.CB, p.getAmount());
                    case ChargebackReversed p -> success(TransactionType.CR, p.getAmount());
                    case ReceiptConfirmed p -> success(TransactionType.RC, p.getAmount());
                    default -> null;
                });
    }

    /**
     * The state an initial payment's event settles or leaves it in, as the lifecycle says for a payment that had
     * no outcome yet: e.g. {@code AUTHORIZED} for {@code PaymentAuthorized}, {@code UNKNOWN} for
     * {@code PaymentOutcomeUnknown}; empty for the request itself and for every other event.
     */
    public static Optional<PaymentState> initialOutcome(PaymentEventEnvelope event) {
        return of(event)
                .filter(step -> step.type().isInitial() && step.outcome() != Outcome.PENDING)
                .flatMap(step -> PaymentLifecycle.next(PaymentState.REQUESTED, step.type(), step.outcome()));
    }

    private static PaymentPosition.Step initial(
            PaymentEventEnvelope event, PaymentType type, Outcome outcome, Money amount) {
        TransactionType transaction = type == null ? null : TransactionType.valueOf(type.name());
        if (transaction == null || !transaction.isInitial()) {
            throw new InvalidMessageException("event " + event.getMessageId() + " ("
                    + event.getPayload().getClass().getSimpleName() + ") is about an initial payment but names "
                    + "payment type " + type + "; only PA and DB start a payment");
        }
        return new PaymentPosition.Step(transaction, outcome, amount == null ? 0 : amount.getAmountMinor());
    }

    private static PaymentPosition.Step success(TransactionType type, Money amount) {
        return new PaymentPosition.Step(type, Outcome.SUCCESS, amount == null ? 0 : amount.getAmountMinor());
    }
}

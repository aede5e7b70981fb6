package io.s2spay.backoffice.balance;

import io.s2spay.domain.lifecycle.PaymentPosition;
import io.s2spay.gateway.routing.GatewayAccount;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects {@code s2spay.payment.events} onto the balances of each payment, each event exactly once: the step an
 * event tells of ({@link PaymentEventSteps}) is applied by the lifecycle's interpreter ({@link
 * PaymentBalances#record}), which alone decides where the state and the money go.
 */
@Service
public class BalanceProjection {

    private static final Logger log = LoggerFactory.getLogger(BalanceProjection.class);

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
        PaymentEventSteps.of(event).ifPresent(step -> apply(event, step, clock.instant()));
    }

    private void apply(PaymentEventEnvelope event, PaymentPosition.Step step, Instant now) {
        Described payment = describe(event);
        if (payment.amount() == null) {
            throw new InvalidMessageException("event " + event.getMessageId() + " carries no amount");
        }
        if (payment.amount().getAmountMinor() < 0) {
            throw new InvalidMessageException("event " + event.getMessageId() + " carries a negative amount");
        }
        // only the initial payment's events say where the payment is held; an operation's event cannot move it
        GatewayAccount named = step.type().isInitial() ? accountNamedBy(event) : null;
        PaymentBalance balance = balances.upsertPayment(
                event.getPaymentId(),
                event.getMerchantId(),
                step.type().isInitial() ? step.type().name() : null,
                payment.amount().getCurrency(),
                step.type().isInitial() ? payment.amount().getAmountMinor() : null,
                payment.merchantTransactionId(),
                payment.gatewayTransactionId(),
                named,
                now);
        checkBelongsToPayment(balance, event, payment.amount());
        if (named != null && !named.equals(balance.gatewayAccount())) {
            log.warn(
                    "Event {} ({}) of payment {} names gateway account {}, but the payment was recorded on {}: its"
                            + " operations still go to {}, to be investigated",
                    event.getMessageId(),
                    event.getPayload().getClass().getSimpleName(),
                    event.getPaymentId(),
                    named,
                    balance.gatewayAccount(),
                    balance.gatewayAccount());
        }
        String entryId = step.type().isInitial()
                ? PaymentBalances.INITIAL_ENTRY
                : PaymentBalances.operationEntryId(payment.operationId());
        PaymentBalances.Recorded recorded =
                balances.record(balance, entryId, step, payment.amount().getCurrency(), event.getMessageId(), now);
        if (recorded != PaymentBalances.Recorded.ILLEGAL) {
            return;
        }
        if (step.type().isInitial()) {
            // at least once: a late or repeated outcome (the poller's success after the bank's receipt) is normal
            log.info(
                    "Event {} ({} {}) leaves payment {} as it stands: a late or repeated outcome the lifecycle "
                            + "has no move for",
                    event.getMessageId(),
                    step.type(),
                    step.outcome(),
                    event.getPaymentId());
        } else {
            log.warn(
                    "Event {} ({} {}) cannot move payment {} as it stands: the lifecycle has no such move, "
                            + "its balance is unchanged",
                    event.getMessageId(),
                    step.type(),
                    step.outcome(),
                    event.getPaymentId());
        }
    }

    /** The gateway account the event names, refused (to the dead-letter topic) when it cannot be one. */
    private static GatewayAccount accountNamedBy(PaymentEventEnvelope event) {
        try {
            return GatewayAccount.of(event.getGateway());
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException(
                    "event " + event.getMessageId() + " names no valid gateway account: " + e.getMessage());
        }
    }

    /** What an event with a lifecycle step says of its payment, besides the step. */
    private record Described(
            Money amount, String merchantTransactionId, String gatewayTransactionId, String operationId) {}

    private static Described describe(PaymentEventEnvelope event) {
        return switch (event.getPayload()) {
            case PaymentRequested p -> new Described(p.getAmount(), p.getMerchantTransactionId(), null, null);
            case PaymentRedirectRequired p ->
                initial(p.getAmount(), p.getMerchantTransactionId(), p.getGatewayResult());
            case PaymentAwaitingReceipt p -> initial(p.getAmount(), p.getMerchantTransactionId(), p.getGatewayResult());
            case PaymentOutcomeUnknown p -> new Described(p.getAmount(), p.getMerchantTransactionId(), null, null);
            case PaymentDeclined p -> initial(p.getAmount(), p.getMerchantTransactionId(), p.getGatewayResult());
            case PaymentFailed p -> initial(p.getAmount(), p.getMerchantTransactionId(), p.getGatewayResult());
            case PaymentExpired p -> initial(p.getAmount(), p.getMerchantTransactionId(), p.getGatewayResult());
            case PaymentAuthorized p -> initial(p.getAmount(), p.getMerchantTransactionId(), p.getGatewayResult());
            case PaymentDebited p -> initial(p.getAmount(), p.getMerchantTransactionId(), p.getGatewayResult());
            case PaymentCaptured p -> operation(p.getAmount(), p.getOperationId());
            case PaymentReversed p -> operation(p.getAmount(), p.getOperationId());
            case PaymentRefunded p -> operation(p.getAmount(), p.getOperationId());
            case PaymentRebilled p -> operation(p.getAmount(), p.getOperationId());
            case PaymentChargedBack p -> operation(p.getAmount(), p.getOperationId());
            case ChargebackReversed p -> operation(p.getAmount(), p.getOperationId());
            case ReceiptConfirmed p -> operation(p.getAmount(), p.getOperationId());
            default ->
                throw new IllegalStateException("event " + event.getMessageId() + " ("
                        + event.getPayload().getClass().getSimpleName() + ") tells a step but is not described here");
        };
    }

    private static Described initial(Money amount, String merchantTransactionId, GatewayResult result) {
        return new Described(
                amount, merchantTransactionId, result == null ? null : result.getGatewayTransactionId(), null);
    }

    private static Described operation(Money amount, String operationId) {
        return new Described(amount, null, null, operationId);
    }

    /**
     * Refuses (to the dead-letter topic, rolling back the upsert) an event about another merchant's payment or in
     * another currency than the payment's: either would corrupt the balances the back-office rules check (rules 4, 6).
     */
    private static void checkBelongsToPayment(PaymentBalance balance, PaymentEventEnvelope event, Money amount) {
        if (!balance.merchantId().equals(event.getMerchantId())) {
            throw new InvalidMessageException("event " + event.getMessageId() + " names merchant '"
                    + event.getMerchantId() + "' but payment " + event.getPaymentId() + " belongs to another merchant");
        }
        if (balance.currency() != null && !balance.currency().equals(amount.getCurrency())) {
            throw new InvalidMessageException("event " + event.getMessageId() + " is in " + amount.getCurrency()
                    + " but payment " + event.getPaymentId() + " is in " + balance.currency());
        }
    }
}

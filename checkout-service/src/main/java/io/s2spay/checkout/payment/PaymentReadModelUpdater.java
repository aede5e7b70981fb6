package io.s2spay.checkout.payment;

import io.s2spay.checkout.webhook.MerchantWebhooks;
import io.s2spay.domain.lifecycle.Outcome;
import io.s2spay.domain.lifecycle.PaymentPosition;
import io.s2spay.domain.money.InvalidAmountException;
import io.s2spay.domain.money.MoneyAmounts;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.schema.GatewayAccountRef;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.ChargebackReversed;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentChargedBack;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRebilled;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.PaymentReversed;
import io.s2spay.schema.event.ReceiptConfirmed;
import io.s2spay.schema.event.StoredCredentialDeleted;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies payment events to the read model, once per message (the processed-message row commits with the
 * change): the initial payment's state, the operations on it and the money they moved, and the stored
 * credential it created; then wakes the requests waiting for the payment on every checkout instance.
 */
@Service
class PaymentReadModelUpdater {

    private static final Logger log = LoggerFactory.getLogger(PaymentReadModelUpdater.class);
    /** Refusals in which the gateway took part: the operation failed rather than broke one of s2spay's rules. */
    private static final Set<String> GATEWAY_REFUSALS = Set.of("GATEWAY_REJECTED", "GATEWAY_UNAVAILABLE");

    private static final String DUPLICATE_OPERATION = "DUPLICATE_OPERATION";

    private final PaymentRepository payments;
    private final OperationRepository operations;
    private final StoredCredentialRepository credentials;
    private final ProcessedMessages processedMessages;
    private final Clock clock;
    private final MerchantWebhooks merchantWebhooks;

    PaymentReadModelUpdater(
            PaymentRepository payments,
            OperationRepository operations,
            StoredCredentialRepository credentials,
            ProcessedMessages processedMessages,
            Clock clock,
            MerchantWebhooks merchantWebhooks) {
        this.payments = payments;
        this.operations = operations;
        this.credentials = credentials;
        this.processedMessages = processedMessages;
        this.clock = clock;
        this.merchantWebhooks = merchantWebhooks;
    }

    @Transactional
    public void apply(PaymentEventEnvelope event) {
        if (!processedMessages.markProcessed(event.getMessageId())) {
            log.debug("Event {} already applied, skipped", event.getMessageId());
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<PaymentRow> recorded = switch (event.getPayload()) {
            case PaymentCaptured e ->
                operationSucceeded(
                        event, OperationType.CAPTURE, e.getOperationId(), e.getAmount(), e.getGatewayResult(), now);
            case PaymentReversed e ->
                operationSucceeded(
                        event, OperationType.REVERSAL, e.getOperationId(), e.getAmount(), e.getGatewayResult(), now);
            case PaymentRefunded e ->
                operationSucceeded(
                        event, OperationType.REFUND, e.getOperationId(), e.getAmount(), e.getGatewayResult(), now);
            case PaymentRebilled e ->
                operationSucceeded(
                        event, OperationType.REBILL, e.getOperationId(), e.getAmount(), e.getGatewayResult(), now);
            case PaymentChargedBack e ->
                operationSucceeded(
                        event, OperationType.CHARGEBACK, e.getOperationId(), e.getAmount(), e.getGatewayResult(), now);
            case ChargebackReversed e ->
                operationSucceeded(
                        event,
                        OperationType.CHARGEBACK_REVERSAL,
                        e.getOperationId(),
                        e.getAmount(),
                        e.getGatewayResult(),
                        now);
            case ReceiptConfirmed e ->
                operationSucceeded(
                        event, OperationType.RECEIPT, e.getOperationId(), e.getAmount(), e.getGatewayResult(), now);
            case BackofficeCommandRejected e -> operationRefused(event, e, now);
            case StoredCredentialDeleted e -> credentialDeleted(event, e, now);
            case PaymentCommandRejected e
            when PaymentChange.DELETE_STORED_CREDENTIAL.equals(e.getCommandType()) ->
                credentialDeletionRefused(event, e, now);
            default -> initialPayment(event, now);
        };
        recorded.ifPresent(row -> recorded(event, row));
    }

    /**
     * After an event was applied to a payment: wake its waiters once the transaction commits, and record its
     * webhook deliveries (with the payment as it is now, operations included) in the same transaction.
     */
    private void recorded(PaymentEventEnvelope event, PaymentRow row) {
        payments.notifyUpdated(row.paymentId());
        merchantWebhooks.record(
                event,
                row.toView(operations.forPayment(row.paymentId()).stream()
                        .map(OperationRow::toView)
                        .toList()));
    }

    /**
     * The row with the gateway account the event names (its envelope's {@code gateway}), when the event moved the
     * payment or the row names none yet: after a failover the account of the outcome wins over the first one tried.
     */
    private static PaymentRow atGatewayAccount(PaymentRow row, PaymentEventEnvelope event, boolean moved, Instant now) {
        GatewayAccountRef ref = event.getGateway();
        if (ref == null || (!moved && row.outcome().gatewayAccount() != null)) {
            return row;
        }
        PaymentRow.GatewayAccount account = new PaymentRow.GatewayAccount(ref.getGateway(), ref.getAccount());
        return account.equals(row.outcome().gatewayAccount()) ? row : row.withGatewayAccount(account, now);
    }

    /** The initial payment's events (requested, outcome, redirect, receipt awaited, command rejected). */
    private Optional<PaymentRow> initialPayment(PaymentEventEnvelope event, Instant now) {
        Optional<PaymentChange> change = PaymentChange.of(event);
        if (change.isEmpty()) {
            // no change to the row, but the merchant is still told of every event of a payment it can see
            return payments.lock(event.getPaymentId())
                    .filter(row -> row.merchantId().equals(event.getMerchantId()));
        }
        Optional<PaymentRow> current = payments.lock(event.getPaymentId());
        if (current.isEmpty()) {
            if (!change.get().describesPayment()) {
                log.info(
                        "Event {} ({}) is about payment {}, which the read model does not know and cannot create "
                                + "from this event; skipped",
                        event.getMessageId(),
                        event.getPayload().getClass().getSimpleName(),
                        event.getPaymentId());
                return Optional.empty();
            }
            PaymentRow row = atGatewayAccount(
                    change.get().newRow(event.getPaymentId(), event.getMerchantId(), event.getOccurredAt(), now),
                    event,
                    true,
                    now);
            payments.insert(row);
            payments.registerMerchantTransactionId(row.merchantId(), row.merchantTransactionId(), row.paymentId());
            return Optional.of(row);
        }
        PaymentRow row = ownPayment(event, current.get());
        PaymentRow applied = change.get().applyTo(row, now);
        PaymentRow changed = atGatewayAccount(applied, event, applied.status() != row.status(), now);
        if (change.get().status() != null
                && changed.status() != change.get().status()
                && row.status() != change.get().status()) {
            log.info(
                    "Payment {} stays {}: event {} ({}) cannot move it to {}",
                    row.paymentId(),
                    row.status().name(),
                    event.getMessageId(),
                    event.getPayload().getClass().getSimpleName(),
                    change.get().status().name());
        }
        if (!changed.equals(row)) {
            payments.update(changed);
            if (changed.storedCredential().store()
                    && changed.storedCredential().id() != null
                    && row.storedCredential().id() == null) {
                credentials.registerCreatedBy(changed, change.get().initialTransactionId(), now);
            }
        }
        return Optional.of(changed);
    }

    /** A back-office operation succeeded: the operation, and the money it moved, once per operation. */
    private Optional<PaymentRow> operationSucceeded(
            PaymentEventEnvelope event,
            OperationType type,
            String operationId,
            Money amount,
            GatewayResult result,
            Instant now) {
        Optional<PaymentRow> current = payments.lock(event.getPaymentId());
        if (current.isEmpty()) {
            log.info(
                    "Event {} ({} {}) is about payment {}, which the read model does not know; skipped",
                    event.getMessageId(),
                    type.apiName(),
                    operationId,
                    event.getPaymentId());
            return Optional.empty();
        }
        PaymentRow row = ownPayment(event, current.get());
        checkMoney(event, amount, row.currency());
        Optional<OperationRow> existing = operations.find(row.paymentId(), operationId);
        if (existing.isPresent() && existing.get().status() == OperationRow.Status.SUCCEEDED) {
            log.info(
                    "Operation {} of payment {} already succeeded; event {} changes nothing",
                    operationId,
                    row.paymentId(),
                    event.getMessageId());
            return Optional.of(row);
        }
        String gatewayId = result == null ? null : result.getGatewayTransactionId();
        String code = result == null ? null : result.getCode();
        String description = result == null ? null : result.getDescription();
        if (existing.isPresent()) {
            operations.update(existing.get().succeeded(amount.getAmountMinor(), code, description, gatewayId, now));
        } else {
            operations.insert(new OperationRow(
                    row.paymentId(),
                    operationId,
                    row.merchantId(),
                    type,
                    OperationRow.Status.SUCCEEDED,
                    amount.getAmountMinor(),
                    row.currency(),
                    null,
                    OperationRow.originOf(operationId),
                    null,
                    code,
                    description,
                    gatewayId,
                    null,
                    null,
                    event.getOccurredAt(),
                    now));
        }
        // the interpreter moves the money (and, for a receipt, settles the transfer) as the lifecycle says
        PaymentPosition.Applied applied = row.position()
                .apply(new PaymentPosition.Step(type.transaction(), Outcome.SUCCESS, amount.getAmountMinor()));
        if (!applied.legal()) {
            log.warn(
                    "Operation {} {} of payment {} succeeded, but the lifecycle has no such move from {}: its money"
                            + " is not counted, to be investigated",
                    type.apiName(),
                    operationId,
                    row.paymentId(),
                    row.position().state());
            return Optional.of(row);
        }
        PaymentRow changed = row.withMovements(applied.position().movements(), now);
        PaymentStatus status = PaymentStatus.of(applied.position().state());
        if (status != row.status()) {
            changed = changed.withStatus(status, changed.outcome(), now);
        }
        payments.update(changed);
        return Optional.of(changed);
    }

    /** A back-office command was refused, by a balance rule (rejected) or by the gateway (failed). */
    private Optional<PaymentRow> operationRefused(
            PaymentEventEnvelope event, BackofficeCommandRejected rejection, Instant now) {
        if (rejection.getOperationId() == null) {
            log.info(
                    "Back-office rejection {} names no operation ({}: {}); nothing to record",
                    event.getMessageId(),
                    rejection.getReasonCode(),
                    rejection.getReason());
            return Optional.empty();
        }
        Optional<PaymentRow> current = payments.lock(event.getPaymentId());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        PaymentRow row = ownPayment(event, current.get());
        Optional<OperationRow> existing = operations.find(row.paymentId(), rejection.getOperationId());
        if (existing.isPresent()
                && (existing.get().status().isFinal() || DUPLICATE_OPERATION.equals(rejection.getReasonCode()))) {
            // a second command with the same operation id was refused: the first one's outcome stands
            return Optional.of(row);
        }
        OperationRow.Status status = GATEWAY_REFUSALS.contains(rejection.getReasonCode())
                ? OperationRow.Status.FAILED
                : OperationRow.Status.REJECTED;
        GatewayResult result = rejection.getGatewayResult();
        String code = result == null ? null : result.getCode();
        String description = result == null ? null : result.getDescription();
        String gatewayId = result == null ? null : result.getGatewayTransactionId();
        if (existing.isPresent()) {
            operations.update(existing.get()
                    .refused(
                            status,
                            rejection.getReasonCode(),
                            rejection.getReason(),
                            code,
                            description,
                            gatewayId,
                            now));
        } else {
            Optional<OperationType> type = OperationType.ofCommandType(rejection.getCommandType());
            if (type.isEmpty()) {
                log.info(
                        "Back-office rejection {} is about a command of unknown type {}; not recorded",
                        event.getMessageId(),
                        rejection.getCommandType());
                return Optional.empty();
            }
            operations.insert(new OperationRow(
                    row.paymentId(),
                    rejection.getOperationId(),
                    row.merchantId(),
                    type.get(),
                    status,
                    null,
                    row.currency(),
                    null,
                    OperationRow.originOf(rejection.getOperationId()),
                    rejection.getCommandMessageId(),
                    code,
                    description,
                    gatewayId,
                    rejection.getReasonCode(),
                    rejection.getReason(),
                    event.getOccurredAt(),
                    now));
        }
        return Optional.of(row);
    }

    private Optional<PaymentRow> credentialDeleted(
            PaymentEventEnvelope event, StoredCredentialDeleted deleted, Instant now) {
        credentials.markDeleted(event.getMerchantId(), deleted.getStoredCredentialId(), now);
        return payments.lock(event.getPaymentId())
                .filter(row -> row.merchantId().equals(event.getMerchantId()));
    }

    private Optional<PaymentRow> credentialDeletionRefused(
            PaymentEventEnvelope event, PaymentCommandRejected rejected, Instant now) {
        credentials.deletionRefused(
                event.getMerchantId(),
                rejected.getCommandMessageId(),
                rejected.getReasonCode() + ": " + rejected.getReason(),
                now);
        return payments.lock(event.getPaymentId())
                .filter(row -> row.merchantId().equals(event.getMerchantId()));
    }

    private static PaymentRow ownPayment(PaymentEventEnvelope event, PaymentRow row) {
        if (!row.merchantId().equals(event.getMerchantId())) {
            throw new InvalidMessageException("event " + event.getMessageId() + " names merchant '"
                    + event.getMerchantId() + "' but payment " + row.paymentId() + " belongs to another merchant");
        }
        return row;
    }

    private static void checkMoney(PaymentEventEnvelope event, Money amount, String currency) {
        if (amount == null || !currency.equals(amount.getCurrency())) {
            throw new InvalidMessageException("event " + event.getMessageId() + " moves "
                    + (amount == null ? "no amount" : amount.getCurrency()) + " on a payment in " + currency);
        }
        try {
            MoneyAmounts.format(amount.getAmountMinor(), amount.getCurrency());
        } catch (InvalidAmountException e) {
            throw new InvalidMessageException("event amount is invalid: " + e.getMessage());
        }
        if (amount.getAmountMinor() <= 0) {
            throw new InvalidMessageException("event " + event.getMessageId() + " moves a non-positive amount");
        }
    }
}

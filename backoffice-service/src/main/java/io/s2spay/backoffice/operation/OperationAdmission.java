package io.s2spay.backoffice.operation;

import io.s2spay.backoffice.BackofficeProperties;
import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.backoffice.balance.PaymentBalances;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.Gateways;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Topics;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admits a back-office command in one transaction: once per message and once per (payment, operation), checked
 * against the payment's balances under a lock; either records it as being submitted or publishes why not.
 */
@Service
class OperationAdmission {

    private static final Logger log = LoggerFactory.getLogger(OperationAdmission.class);

    /** What to do after admission: send {@code operation} to the gateway, or nothing (refused or already seen). */
    record Admitted(Optional<Operation> toSend) {}

    private final ProcessedMessages processed;
    private final BackofficeOperations operations;
    private final PaymentBalances balances;
    private final OutboxWriter outbox;
    private final Gateways gateways;
    private final BackofficeProperties properties;

    OperationAdmission(
            ProcessedMessages processed,
            BackofficeOperations operations,
            PaymentBalances balances,
            OutboxWriter outbox,
            Gateways gateways,
            BackofficeProperties properties) {
        this.processed = processed;
        this.operations = operations;
        this.balances = balances;
        this.outbox = outbox;
        this.gateways = gateways;
        this.properties = properties;
    }

    /**
     * Admits {@code command}, given whether the gateway reports the payment as awaiting its receipt. An admitted
     * operation names the gateway account it goes to ({@link Operation#gatewayAccount()}): the payment's, read
     * under the lock with its balance, so it is the account the checks were made for.
     */
    @Transactional
    Admitted admit(BackofficeCommand command, boolean awaitingReceipt, Instant now) {
        if (!processed.markProcessed(command.messageId())) {
            log.debug("Skipping already processed back-office command {}", command.messageId());
            return new Admitted(Optional.empty());
        }
        if (command.operationId() == null || command.operationId().isBlank()) {
            return reject(command, OperationRejectionReason.INVALID_COMMAND, "operationId is required", now);
        }
        if (command.operationId().startsWith(OperationIds.REPORTED_PREFIX)) {
            return reject(
                    command,
                    OperationRejectionReason.INVALID_COMMAND,
                    "operation ids starting with '" + OperationIds.REPORTED_PREFIX
                            + "' are reserved for operations the gateway reports",
                    now);
        }
        Optional<Operation> earlier = operations.find(command.paymentId(), command.operationId());
        if (earlier.isPresent()) {
            Operation op = earlier.get();
            return reject(
                    command,
                    OperationRejectionReason.DUPLICATE_OPERATION,
                    "operation " + op.operationId()
                            + " of payment " + op.paymentId() + " was already received (command "
                            + op.commandMessageId()
                            + ", " + op.operationType() + ", now " + op.state() + "); it is carried out once",
                    now);
        }
        PaymentBalance balance = balances.lock(command.paymentId()).orElse(null);
        OperationRoute route = OperationRoute.of(
                gateways, command.merchantId(), ownAccount(command, balance), command.operationType());
        RuleCheck check =
                OperationRules.check(command, balance, route, operations.open(command.paymentId()), awaitingReceipt);
        // recorded for an operation on the merchant's own payment only: another's account is none of its business
        GatewayAccount account = isOwn(command, balance) ? route.account() : null;
        String merchantTransactionId =
                OperationIds.merchantTransactionId(command.operationType(), command.paymentId(), command.operationId());
        return switch (check) {
            case RuleCheck.Rejected rejected -> {
                Operation op = operation(
                        command,
                        merchantTransactionId,
                        command.amount() == null ? null : command.amount().getAmountMinor(),
                        command.amount() == null ? null : command.amount().getCurrency(),
                        OperationState.REJECTED,
                        account,
                        now);
                operations.insert(
                        op, OperationState.REJECTED, rejected.reasonCode().name(), rejected.reason(), null);
                yield reject(command, rejected.reasonCode(), rejected.reason(), now);
            }
            case RuleCheck.Allowed allowed -> {
                Operation op = operation(
                        command,
                        merchantTransactionId,
                        allowed.amountMinor(),
                        allowed.currency(),
                        OperationState.SUBMITTING,
                        account,
                        now);
                // should this instance stop before recording the gateway's answer, the janitor takes over from here
                operations.insert(op, OperationState.SUBMITTING, null, null, now.plus(properties.stuckAfter()));
                yield new Admitted(Optional.of(op));
            }
        };
    }

    /** The account the merchant's payment was processed on, as its events named it (null for another's). */
    static GatewayAccount ownAccount(BackofficeCommand command, PaymentBalance balance) {
        return isOwn(command, balance) ? balance.gatewayAccount() : null;
    }

    private static boolean isOwn(BackofficeCommand command, PaymentBalance balance) {
        return balance != null && balance.merchantId().equals(command.merchantId());
    }

    private Admitted reject(BackofficeCommand command, OperationRejectionReason code, String reason, Instant now) {
        log.info(
                "Back-office command {} ({} {} on {}) rejected: {} {}",
                command.messageId(),
                command.commandType(),
                command.operationId(),
                command.paymentId(),
                code,
                reason);
        outbox.append(Topics.PAYMENT_EVENTS, command.paymentId(), OperationEvents.rejected(command, code, reason, now));
        return new Admitted(Optional.empty());
    }

    private static Operation operation(
            BackofficeCommand command,
            String merchantTransactionId,
            Long amountMinor,
            String currency,
            OperationState state,
            GatewayAccount account,
            Instant now) {
        return new Operation(
                command.paymentId(),
                command.operationId(),
                command.messageId(),
                command.commandType(),
                command.operationType(),
                command.merchantId(),
                amountMinor,
                currency,
                merchantTransactionId,
                command.correlationId(),
                state,
                null,
                0,
                now,
                account);
    }
}

package io.s2spay.backoffice.operation;

import io.s2spay.backoffice.BackofficeProperties;
import io.s2spay.backoffice.balance.PaymentBalances;
import io.s2spay.domain.lifecycle.Outcome;
import io.s2spay.domain.lifecycle.PaymentPosition;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the gateway said about an operation, in one transaction with its event and balance change, after
 * re-reading the operation under a lock so that an outcome is written once even when the janitor and the command
 * race.
 */
@Service
class OperationOutcomes {

    private static final Logger log = LoggerFactory.getLogger(OperationOutcomes.class);

    /** Where an answer comes from: what the absence of an answer means depends on it. */
    enum Source {
        /** The first submission: NOT_SENT proves nothing reached the gateway. */
        SUBMISSION,
        /** The janitor's query or resend of an operation that may already have reached the gateway. */
        FOLLOW_UP
    }

    private final BackofficeOperations operations;
    private final PaymentBalances balances;
    private final OutboxWriter outbox;
    private final BackofficeProperties properties;

    OperationOutcomes(
            BackofficeOperations operations,
            PaymentBalances balances,
            OutboxWriter outbox,
            BackofficeProperties properties) {
        this.operations = operations;
        this.balances = balances;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** Returns the operation's state after recording (unchanged when it was already settled). */
    @Transactional
    OperationState record(Operation submitted, GatewayTransaction answer, Source source, Instant now) {
        Operation locked =
                operations.lock(submitted.paymentId(), submitted.operationId()).orElseThrow();
        // an operation recorded before back-office kept its account names the one the caller sent it to
        Operation op = locked.gatewayAccount() == null && submitted.gatewayAccount() != null
                ? locked.withGatewayAccount(submitted.gatewayAccount())
                : locked;
        if (!op.state().isOpen()) {
            log.info(
                    "Operation {}/{} is already {}; answer {} dropped",
                    op.paymentId(),
                    op.operationId(),
                    op.state(),
                    answer.summary());
            return op.state();
        }
        String summary = answer.summary();
        switch (answer.outcome()) {
            case SUCCEEDED -> {
                PaymentEventEnvelope event = OperationEvents.succeeded(op, answer, now);
                operations.update(
                        op,
                        OperationState.SUCCEEDED,
                        answer.gatewayTransactionId(),
                        answer.resultCode(),
                        answer.resultDescription(),
                        null,
                        null,
                        null,
                        source == Source.FOLLOW_UP,
                        now);
                recordSuccess(
                        balances,
                        op.paymentId(),
                        op.operationId(),
                        op.operationType(),
                        op.amountMinor(),
                        op.currency(),
                        event.getMessageId(),
                        now);
                outbox.append(Topics.PAYMENT_EVENTS, op.paymentId(), event);
                log.info(
                        "Operation {} {} on payment {} succeeded: {}",
                        op.operationType(),
                        op.operationId(),
                        op.paymentId(),
                        summary);
                return OperationState.SUCCEEDED;
            }
            case DECLINED, FAILED -> {
                if (answer.evidence() == Evidence.NOT_SENT && source == Source.SUBMISSION) {
                    return reject(
                            op,
                            OperationRejectionReason.GATEWAY_UNAVAILABLE,
                            "the operation could not be sent to the" + " gateway (" + summary
                                    + "); nothing was done, send it again with a new operation id",
                            answer,
                            now);
                }
                if (answer.evidence().neverReachedGateway()) {
                    // a follow-up learnt nothing (or the request may still arrive): keep resolving
                    return checkAgain(op, answer, summary, source, now);
                }
                return reject(
                        op,
                        OperationRejectionReason.GATEWAY_REJECTED,
                        "the gateway refused the operation: " + summary,
                        answer,
                        now);
            }
            case PENDING, UNKNOWN -> {
                return checkAgain(op, answer, summary, source, now);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private OperationState reject(
            Operation op, OperationRejectionReason code, String reason, GatewayTransaction answer, Instant now) {
        operations.update(
                op,
                OperationState.REJECTED,
                answer.gatewayTransactionId(),
                answer.resultCode(),
                answer.resultDescription(),
                code.name(),
                reason,
                null,
                true,
                now);
        outbox.append(
                Topics.PAYMENT_EVENTS, op.paymentId(), OperationEvents.refusedByGateway(op, code, reason, answer, now));
        log.info(
                "Operation {} {} on payment {} rejected: {}",
                op.operationType(),
                op.operationId(),
                op.paymentId(),
                reason);
        return OperationState.REJECTED;
    }

    private OperationState checkAgain(
            Operation op, GatewayTransaction answer, String summary, Source source, Instant now) {
        int checks = op.checksMade() + (source == Source.FOLLOW_UP ? 1 : 0);
        Instant next = now.plus(properties.backoff(checks));
        operations.update(
                op,
                OperationState.UNKNOWN,
                answer.gatewayTransactionId(),
                answer.resultCode(),
                answer.resultDescription(),
                null,
                "outcome not known yet: " + summary,
                next,
                source == Source.FOLLOW_UP,
                now);
        log.warn(
                "Outcome of operation {} {} on payment {} not known yet ({}); next check at {}",
                op.operationType(),
                op.operationId(),
                op.paymentId(),
                summary,
                next);
        return OperationState.UNKNOWN;
    }

    /**
     * Records a succeeded operation's money on its payment through the lifecycle's interpreter, once per operation.
     * The rules admitted it from where the payment stood, so the lifecycle allows it; if it does not any more (the
     * payment moved meanwhile), the money is not counted and the discrepancy is logged for a look.
     */
    static void recordSuccess(
            PaymentBalances balances,
            String paymentId,
            String operationId,
            TransactionType type,
            long amountMinor,
            String currency,
            String sourceMessageId,
            Instant now) {
        PaymentBalances.Recorded recorded = balances.record(
                paymentId,
                PaymentBalances.operationEntryId(operationId),
                new PaymentPosition.Step(type, Outcome.SUCCESS, amountMinor),
                currency,
                sourceMessageId,
                now);
        if (recorded == PaymentBalances.Recorded.ILLEGAL) {
            log.error(
                    "Operation {} {} on payment {} succeeded at the gateway, but the lifecycle has no such move from"
                            + " where the payment stands: its balance is unchanged, to be investigated",
                    type,
                    operationId,
                    paymentId);
        }
    }
}

package io.s2spay.executor.payment;

import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.connector.opp.ResultCategory;
import io.s2spay.connector.opp.event.OppOutcomeEvents;

/**
 * The gateway's final word on one attempt as the executor records it: what it means for the attempt
 * ({@link GatewayOutcome}) and the connector's transaction it came from (result code, gateway id, card echo,
 * redirect, or why there was no answer). {@code submissions} counts the sends that produced it (0 for a query).
 */
record GatewayAnswer(GatewayOutcome outcome, OppTransaction transaction, int submissions) {

    /**
     * Reads the connector's answer for {@code attempt}. A transaction found under the attempt's merchantTransactionId
     * with another amount or currency is not taken as the attempt's: its outcome stays UNKNOWN for an operator.
     */
    static GatewayAnswer of(PaymentInstruction attempt, OppTransaction t, int submissions) {
        if (submissions > 0 && t.category() == ResultCategory.NOT_RECEIVED) {
            // "not found" moments after a send that got no usable answer proves nothing yet: the gateway may still be
            // processing that send. Rule 2: UNKNOWN, never FAILED; the status-poller settles it after its grace period
            String notFound = t.failureReason() != null
                    ? t.failureReason()
                    : "the gateway holds no transaction under merchantTransactionId " + attempt.merchantTransactionId();
            OppTransaction uncertain = new OppTransaction(
                    OppOutcome.UNKNOWN,
                    ResultCategory.NO_RESPONSE,
                    null,
                    t.paymentType(),
                    null,
                    null,
                    null,
                    null,
                    t.merchantTransactionId(),
                    null,
                    null,
                    null,
                    t.timestamp(),
                    notFound + " right after a submission without a usable answer; it may still be processing it");
            return new GatewayAnswer(GatewayOutcome.UNKNOWN, uncertain, submissions);
        }
        GatewayOutcome outcome = switch (t.outcome()) {
            case SUCCEEDED -> GatewayOutcome.SUCCEEDED;
            case PENDING ->
                t.requiresRedirect()
                        ? GatewayOutcome.REDIRECT
                        : isAwaitingReceipt(t) ? GatewayOutcome.AWAITING_RECEIPT : GatewayOutcome.PENDING;
            case DECLINED -> GatewayOutcome.DECLINED;
            case FAILED -> t.safeToResend() ? GatewayOutcome.NOT_RECEIVED : GatewayOutcome.FAILED;
            case UNKNOWN -> GatewayOutcome.UNKNOWN;
        };
        if (outcome != GatewayOutcome.UNKNOWN && outcome != GatewayOutcome.NOT_RECEIVED && !isFor(attempt, t)) {
            OppTransaction foreign = new OppTransaction(
                    OppOutcome.UNKNOWN,
                    ResultCategory.UNCLASSIFIED,
                    t.gatewayTransactionId(),
                    t.paymentType(),
                    null,
                    null,
                    t.amountMinor(),
                    t.currency(),
                    t.merchantTransactionId(),
                    null,
                    null,
                    null,
                    t.timestamp(),
                    "the gateway's transaction " + t.gatewayTransactionId() + " under merchantTransactionId "
                            + attempt.merchantTransactionId() + " is " + t.amountMinor() + " " + t.currency()
                            + ", not the payment's " + attempt.amountMinor() + " " + attempt.currency());
            return new GatewayAnswer(GatewayOutcome.UNKNOWN, foreign, submissions);
        }
        return new GatewayAnswer(outcome, t, submissions);
    }

    /** As OppOutcomeEvents decides PaymentAwaitingReceipt: a long-term pending answer about a real transaction. */
    private static boolean isAwaitingReceipt(OppTransaction t) {
        return t.category() == ResultCategory.PENDING_LONG_TERM
                && t.resultCode() != null
                && !t.resultCode().isBlank()
                && t.gatewayTransactionId() != null;
    }

    private static boolean isFor(PaymentInstruction attempt, OppTransaction t) {
        boolean amountMatches = t.amountMinor() == null || t.amountMinor() == attempt.amountMinor();
        boolean currencyMatches = t.currency() == null || t.currency().equals(attempt.currency());
        return amountMatches && currencyMatches;
    }

    /** A short text for logs: the result code and description, or why there was none. */
    String summary() {
        return OppOutcomeEvents.summary(transaction);
    }
}

package io.s2spay.executor.payment;

import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.routing.GatewayAccount;

/**
 * The gateway's final word on one attempt as the executor records it: what it means for the attempt
 * ({@link AttemptOutcome}), the gateway's transaction it came from (result code, gateway id, card echo, redirect, or
 * why there was no answer) and the gateway account that gave it. {@code submissions} counts the sends that produced
 * it (0 for a query).
 */
record GatewayAnswer(AttemptOutcome outcome, GatewayTransaction transaction, int submissions, GatewayAccount account) {

    /**
     * Reads the gateway's answer for {@code attempt}. A transaction found under the attempt's merchantTransactionId
     * with another amount or currency is not taken as the attempt's: its outcome stays UNKNOWN for an operator.
     */
    static GatewayAnswer of(PaymentInstruction attempt, GatewayTransaction t, int submissions, GatewayAccount account) {
        if (submissions > 0 && t.evidence() == Evidence.NOT_RECEIVED) {
            // "not found" moments after a send that got no usable answer proves nothing yet: the gateway may still be
            // processing that send. Rule 2: UNKNOWN, never FAILED; the status-poller settles it after its grace period
            String notFound = t.failureReason() != null
                    ? t.failureReason()
                    : "the gateway holds no transaction under merchantTransactionId " + attempt.merchantTransactionId();
            GatewayTransaction uncertain = t.uncertain(
                    "NO_RESPONSE",
                    notFound + " right after a submission without a usable answer; it may still be processing it",
                    false);
            return new GatewayAnswer(AttemptOutcome.UNKNOWN, uncertain, submissions, account);
        }
        AttemptOutcome outcome = switch (t.outcome()) {
            case SUCCEEDED -> AttemptOutcome.SUCCEEDED;
            case PENDING ->
                t.requiresRedirect()
                        ? AttemptOutcome.REDIRECT
                        : t.awaitingReceipt() ? AttemptOutcome.AWAITING_RECEIPT : AttemptOutcome.PENDING;
            case DECLINED -> AttemptOutcome.DECLINED;
            case FAILED -> t.safeToResend() ? AttemptOutcome.NOT_RECEIVED : AttemptOutcome.FAILED;
            case UNKNOWN -> AttemptOutcome.UNKNOWN;
        };
        if (outcome != AttemptOutcome.UNKNOWN && outcome != AttemptOutcome.NOT_RECEIVED && !isFor(attempt, t)) {
            GatewayTransaction foreign = t.uncertain(
                    "UNCLASSIFIED",
                    "the gateway's transaction " + t.gatewayTransactionId() + " under merchantTransactionId "
                            + attempt.merchantTransactionId() + " is " + t.amountMinor() + " " + t.currency()
                            + ", not the payment's " + attempt.amountMinor() + " " + attempt.currency(),
                    true);
            return new GatewayAnswer(AttemptOutcome.UNKNOWN, foreign, submissions, account);
        }
        return new GatewayAnswer(outcome, t, submissions, account);
    }

    private static boolean isFor(PaymentInstruction attempt, GatewayTransaction t) {
        boolean amountMatches = t.amountMinor() == null || t.amountMinor() == attempt.amountMinor();
        boolean currencyMatches = t.currency() == null || t.currency().equals(attempt.currency());
        return amountMatches && currencyMatches;
    }

    /** A short text for logs: the result code and description, or why there was none. */
    String summary() {
        return transaction.summary();
    }
}

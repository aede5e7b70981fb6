package io.s2spay.poller.resolution;

import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.event.GatewayOutcomeEvents;
import io.s2spay.gateway.event.GatewayOutcomeEvents.InitialPayment;
import io.s2spay.poller.PollerProperties;
import io.s2spay.poller.tracking.TrackedPayment;
import io.s2spay.poller.tracking.TrackingStatus;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentExpired;
import io.s2spay.schema.event.PaymentRedirectRequired;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decides, from the gateway's answer to a query, what becomes of a tracked payment: a final outcome is published,
 * anything uncertain is checked again later. Never guesses: an unreachable gateway or a "not found" that may still
 * turn into a payment only leads to another check.
 */
final class ResolutionPolicy {

    private final PollerProperties properties;

    ResolutionPolicy(PollerProperties properties) {
        this.properties = properties;
    }

    Decision decide(TrackedPayment payment, GatewayTransaction answer, Instant now) {
        InitialPayment initial = initialPayment(payment);
        String summary = answer.summary();
        return switch (answer.outcome()) {
            case SUCCEEDED -> new Decision.Settle(GatewayOutcomeEvents.initialPaymentOutcome(initial, answer), summary);
            case DECLINED ->
                // the shopper never completed the redirect: the contract calls that PaymentExpired, not a decline
                payment.status() == TrackingStatus.REDIRECT_PENDING && answer.sessionExpired()
                        ? new Decision.Settle(expired(initial, answer), summary)
                        : new Decision.Settle(GatewayOutcomeEvents.initialPaymentOutcome(initial, answer), summary);
            case FAILED -> failed(payment, initial, answer, summary, now);
            case PENDING -> pending(payment, initial, answer, summary, now);
            case UNKNOWN -> checkAgainLater(payment, payment.status(), answer, summary, now);
        };
    }

    private Decision failed(
            TrackedPayment payment, InitialPayment initial, GatewayTransaction answer, String summary, Instant now) {
        if (answer.evidence() == Evidence.NOT_SENT) {
            // the query itself was not sent (circuit open): nothing learnt
            return checkAgainLater(payment, payment.status(), answer, summary, now);
        }
        if (answer.evidence() == Evidence.NOT_RECEIVED && payment.gatewayTransactionId() == null) {
            // asked by merchantTransactionId: a delayed request may still turn into a payment (a gateway that does
            // not know its own id, asked by id, has nothing to wait for: that is settled below)
            boolean graceOver = !now.isBefore(payment.since().plus(properties.notReceivedGrace()));
            if (payment.status() == TrackingStatus.UNKNOWN && graceOver) {
                // the gateway has had ample time to record a delayed request: it never got it, nothing was charged
                return new Decision.Settle(GatewayOutcomeEvents.initialPaymentOutcome(initial, answer), summary);
            }
            return checkAgainLater(payment, payment.status(), answer, summary, now);
        }
        return new Decision.Settle(GatewayOutcomeEvents.initialPaymentOutcome(initial, answer), summary);
    }

    private Decision pending(
            TrackedPayment payment, InitialPayment initial, GatewayTransaction answer, String summary, Instant now) {
        boolean longTerm = answer.longTermPending() || payment.status() == TrackingStatus.AWAITING_RECEIPT;
        Duration expiry = longTerm ? properties.longTermPendingExpiry() : properties.redirectExpiry();
        if (!now.isBefore(payment.since().plus(expiry))) {
            return new Decision.Settle(expired(initial, answer), summary);
        }
        String gatewayId =
                answer.gatewayTransactionId() != null ? answer.gatewayTransactionId() : payment.gatewayTransactionId();
        if (longTerm) {
            // approved at the bank, the money comes with the receipt: said once, then checked seldom
            SpecificRecord news = payment.status() == TrackingStatus.AWAITING_RECEIPT
                    ? null
                    : GatewayOutcomeEvents.initialPaymentOutcome(initial, answer);
            return new Decision.CheckAgain(
                    TrackingStatus.AWAITING_RECEIPT,
                    gatewayId,
                    summary,
                    now.plus(properties.receiptInterval()),
                    news instanceof PaymentAwaitingReceipt ? news : null);
        }
        SpecificRecord news = null;
        if (payment.status() == TrackingStatus.UNKNOWN && answer.redirect() != null) {
            // the executor never saw this redirect (its answer was lost): tell checkout so the shopper can follow it
            SpecificRecord redirect = GatewayOutcomeEvents.initialPaymentOutcome(initial, answer);
            news = redirect instanceof PaymentRedirectRequired ? redirect : null;
        }
        TrackingStatus status = gatewayId != null ? TrackingStatus.REDIRECT_PENDING : payment.status();
        return new Decision.CheckAgain(status, gatewayId, summary, now.plus(properties.redirectInterval()), news);
    }

    private Decision checkAgainLater(
            TrackedPayment payment, TrackingStatus status, GatewayTransaction answer, String summary, Instant now) {
        Duration delay = switch (payment.status()) {
            case REDIRECT_PENDING -> properties.redirectInterval();
            case AWAITING_RECEIPT -> properties.receiptInterval();
            default -> backoff(payment.checksMade());
        };
        String gatewayId =
                answer.gatewayTransactionId() != null ? answer.gatewayTransactionId() : payment.gatewayTransactionId();
        return new Decision.CheckAgain(status, gatewayId, summary, now.plus(delay), null);
    }

    /** Exponential backoff from the first check's delay, doubling per check made, capped. */
    Duration backoff(int checksMade) {
        Duration first = properties.unknownFirstCheck();
        Duration max = properties.unknownMaxInterval();
        int doublings = Math.min(checksMade, 30);
        Duration delay = first.multipliedBy(1L << Math.min(doublings, 20));
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    private static PaymentExpired expired(InitialPayment initial, GatewayTransaction answer) {
        return PaymentExpired.newBuilder()
                .setPaymentType(initial.paymentType())
                .setAmount(initial.amount())
                .setMerchantTransactionId(initial.merchantTransactionId())
                .setGatewayResult(answer.resultCode() == null ? null : GatewayOutcomeEvents.gatewayResult(answer))
                .build();
    }

    private static InitialPayment initialPayment(TrackedPayment payment) {
        return new InitialPayment(
                PaymentType.valueOf(payment.paymentType()),
                new Money(payment.amountMinor(), payment.currency()),
                payment.merchantTransactionId(),
                null,
                null,
                null);
    }
}

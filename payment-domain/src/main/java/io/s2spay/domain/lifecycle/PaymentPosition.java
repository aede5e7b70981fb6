package io.s2spay.domain.lifecycle;

import io.s2spay.domain.balance.PaymentMovements;

/**
 * A payment's state and the money its transactions moved: what the interpreter makes of its events, one
 * {@link Step} at a time, with {@link PaymentLifecycle}'s table. Each service's own view (checkout's status,
 * back-office's balance, the poller's tracking) is a projection of it.
 *
 * @param type the initial transaction (PA or DB); null until the payment's first event names it
 */
public record PaymentPosition(TransactionType type, PaymentState state, PaymentMovements movements) {

    /** A payment s2spay has accepted and not sent yet. */
    public static PaymentPosition requested(TransactionType type) {
        if (!type.isInitial()) {
            throw new IllegalArgumentException("a payment starts with PA or DB, not " + type);
        }
        return new PaymentPosition(type, PaymentState.REQUESTED, PaymentMovements.NONE);
    }

    /**
     * One transaction's outcome, as an event tells it.
     *
     * @param amountMinor the money a success moved (ignored for any other outcome)
     */
    public record Step(TransactionType type, Outcome outcome, long amountMinor) {}

    /**
     * The position after {@code step}, and whether the table allowed it (an illegal step changes nothing). A
     * position whose initial transaction is not known yet takes it from its first initial step; an initial step of
     * the other type (a DB event on a PA) is illegal.
     */
    public Applied apply(Step step) {
        if (step.type().isInitial() && type != null && step.type() != type) {
            return new Applied(this, false);
        }
        TransactionType initial = type != null || !step.type().isInitial() ? type : step.type();
        return PaymentLifecycle.next(state, step.type(), step.outcome())
                .map(to -> new Applied(
                        new PaymentPosition(
                                initial,
                                to,
                                step.outcome() == Outcome.SUCCESS
                                        ? movements.plus(step.type().movement(), step.amountMinor())
                                        : movements),
                        true))
                .orElseGet(() -> new Applied(this, false));
    }

    /** The result of a step: the new position, and whether the step was a legal transition. */
    public record Applied(PaymentPosition position, boolean legal) {}
}

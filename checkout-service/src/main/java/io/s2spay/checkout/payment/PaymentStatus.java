package io.s2spay.checkout.payment;

import io.s2spay.domain.lifecycle.PaymentLifecycle;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * State of a payment's initial transaction (PA or DB) in the read model: a projection of the payment lifecycle
 * ({@link PaymentLifecycle}), whose table decides which event may move it where. A final state never changes, so an
 * event that arrives late or twice cannot move a payment backwards. What a merchant sees is {@link LifecycleStatus},
 * which adds what the operations on the payment did.
 */
enum PaymentStatus {
    PENDING(PaymentState.REQUESTED),
    REQUIRES_ACTION(PaymentState.REDIRECT_PENDING),
    UNKNOWN(PaymentState.UNKNOWN),
    /** A non-instant bank transfer the shopper approved; the money comes with the bank's receipt. */
    AWAITING_RECEIPT(PaymentState.AWAITING_RECEIPT),
    /** Authorized (PA) or debited (DB): the read model tells the two apart by the payment's type. */
    SUCCEEDED(PaymentState.AUTHORIZED, PaymentState.DEBITED),
    DECLINED(PaymentState.DECLINED),
    FAILED(PaymentState.FAILED),
    EXPIRED(PaymentState.EXPIRED);

    private final Set<PaymentState> lifecycleStates;

    PaymentStatus(PaymentState first, PaymentState... more) {
        this.lifecycleStates = Collections.unmodifiableSet(EnumSet.of(first, more));
    }

    /** The read model's status of a payment in lifecycle state {@code state}. */
    static PaymentStatus of(PaymentState state) {
        for (PaymentStatus status : values()) {
            if (status.lifecycleStates.contains(state)) {
                return status;
            }
        }
        throw new IllegalArgumentException("no read-model status for " + state);
    }

    /**
     * The lifecycle state of a payment of {@code type} in this status (a succeeded PA is authorized, a succeeded DB
     * debited): where the interpreter applies the payment's next step from.
     */
    PaymentState lifecycleState(TransactionType type) {
        if (this == SUCCEEDED) {
            return type == TransactionType.PA ? PaymentState.AUTHORIZED : PaymentState.DEBITED;
        }
        return lifecycleStates.iterator().next();
    }

    /** Whether an event may move a payment from this status to {@code next}: the lifecycle has such a move. */
    boolean canMoveTo(PaymentStatus next) {
        return next.lifecycleStates.stream()
                .map(PaymentLifecycle::statesMovingTo)
                .anyMatch(from -> !Collections.disjoint(from, lifecycleStates));
    }

    /** Whether nothing can change this status any more. */
    boolean isFinal() {
        return PaymentLifecycle.finalStates().containsAll(lifecycleStates);
    }

    /**
     * Whether {@code POST /v1/payments} answers with this status instead of waiting on: final statuses, a
     * redirect the shopper must follow, and a transfer awaiting the bank's receipt (which may take days). An
     * unknown outcome is still being resolved, so the call keeps waiting.
     */
    boolean answersPaymentRequest() {
        return isFinal() || this == REQUIRES_ACTION || this == AWAITING_RECEIPT;
    }

    /** Whether the initial payment succeeded, so its money is reserved or taken. */
    boolean succeeded() {
        return this == SUCCEEDED;
    }

    /** The API's name of this status, e.g. {@code requires_action}. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PaymentStatus fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

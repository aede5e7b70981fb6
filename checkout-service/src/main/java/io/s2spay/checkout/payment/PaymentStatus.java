package io.s2spay.checkout.payment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * State of a payment's initial transaction (PA or DB) in the read model, with the transitions events may cause:
 * a final state never changes, so an event that arrives late or twice cannot move a payment backwards. What a
 * merchant sees is {@link LifecycleStatus}, which adds what the operations on the payment did.
 */
enum PaymentStatus {
    PENDING,
    REQUIRES_ACTION,
    UNKNOWN,
    /** A non-instant bank transfer the shopper approved; the money comes with the bank's receipt. */
    AWAITING_RECEIPT,
    SUCCEEDED,
    DECLINED,
    FAILED,
    EXPIRED;

    private static final Map<PaymentStatus, Set<PaymentStatus>> TRANSITIONS = Map.of(
            PENDING, EnumSet.of(REQUIRES_ACTION, UNKNOWN, AWAITING_RECEIPT, SUCCEEDED, DECLINED, FAILED, EXPIRED),
            REQUIRES_ACTION, EnumSet.of(UNKNOWN, AWAITING_RECEIPT, SUCCEEDED, DECLINED, FAILED, EXPIRED),
            UNKNOWN, EnumSet.of(REQUIRES_ACTION, AWAITING_RECEIPT, SUCCEEDED, DECLINED, FAILED, EXPIRED),
            AWAITING_RECEIPT, EnumSet.of(SUCCEEDED, DECLINED, FAILED, EXPIRED),
            SUCCEEDED, EnumSet.noneOf(PaymentStatus.class),
            DECLINED, EnumSet.noneOf(PaymentStatus.class),
            FAILED, EnumSet.noneOf(PaymentStatus.class),
            EXPIRED, EnumSet.noneOf(PaymentStatus.class));

    /** Whether an event may move a payment from this status to {@code next}. */
    boolean canMoveTo(PaymentStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Whether nothing can change this status any more. */
    boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
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

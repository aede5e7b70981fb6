package io.s2spay.backoffice.operation;

import java.util.EnumSet;
import java.util.Set;

/** Where one back-office operation stands. */
enum OperationState {
    /** Admitted and possibly sent to the gateway; the answer is not recorded yet. */
    SUBMITTING,
    /** The gateway carried it out; its event is published and the balance updated. */
    SUCCEEDED,
    /** Refused by a balance rule or by the gateway; a {@code BackofficeCommandRejected} says why. */
    REJECTED,
    /** Sent, but whether the gateway carried it out is not known yet; resolved through the query endpoint. */
    UNKNOWN;

    private static final Set<OperationState> OPEN = EnumSet.of(SUBMITTING, UNKNOWN);

    /** The states whose outcome is not known yet: the janitor resolves them. */
    static Set<OperationState> open() {
        return OPEN;
    }

    boolean isOpen() {
        return OPEN.contains(this);
    }
}

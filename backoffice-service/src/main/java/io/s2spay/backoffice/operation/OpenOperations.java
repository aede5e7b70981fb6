package io.s2spay.backoffice.operation;

import io.s2spay.connector.opp.OppPaymentType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Operations on a payment that were sent but whose outcome is not known yet, by type. The rules count them as if
 * they succeeded wherever that restricts (a pending refund uses up refundable money, a pending capture blocks a
 * second one) and never where it would permit something.
 */
record OpenOperations(Map<OppPaymentType, Long> amounts) {

    static final OpenOperations NONE = new OpenOperations(Map.of());

    OpenOperations {
        amounts = Map.copyOf(amounts);
    }

    static OpenOperations of(Map<OppPaymentType, Long> amounts) {
        return new OpenOperations(new EnumMap<>(amounts));
    }

    boolean has(OppPaymentType type) {
        return amounts.containsKey(type);
    }

    long amount(OppPaymentType type) {
        return amounts.getOrDefault(type, 0L);
    }
}

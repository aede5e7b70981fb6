package io.s2spay.backoffice.operation;

import io.s2spay.domain.lifecycle.TransactionType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Operations on a payment that were sent but whose outcome is not known yet, by type. The rules count them as if
 * they succeeded wherever that restricts (a pending refund uses up refundable money, a pending capture blocks a
 * second one) and never where it would permit something.
 */
record OpenOperations(Map<TransactionType, Long> amounts) {

    static final OpenOperations NONE = new OpenOperations(Map.of());

    OpenOperations {
        amounts = Map.copyOf(amounts);
    }

    static OpenOperations of(Map<TransactionType, Long> amounts) {
        return new OpenOperations(new EnumMap<>(amounts));
    }

    boolean has(TransactionType type) {
        return amounts.containsKey(type);
    }

    long amount(TransactionType type) {
        return amounts.getOrDefault(type, 0L);
    }
}

package io.s2spay.sandbox.gateway;

import java.util.Optional;

/** OPP payment types: the two initial ones and the back-office operations that reference a payment. */
public enum PaymentType {
    PA,
    DB,
    CP,
    RV,
    RF,
    RB,
    CB,
    CR,
    RC;

    public boolean isInitial() {
        return this == PA || this == DB;
    }

    public static Optional<PaymentType> of(String value) {
        for (PaymentType type : values()) {
            if (type.name().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

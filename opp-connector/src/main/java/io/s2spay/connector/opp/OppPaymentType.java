package io.s2spay.connector.opp;

import java.util.EnumSet;
import java.util.Set;

/** OPP's {@code paymentType} codes this connector sends and understands. */
public enum OppPaymentType {
    /** Preauthorization: reserves the funds. */
    PA,
    /** Debit: authorization and capture in one step. */
    DB,
    /** Capture of a preauthorization. */
    CP,
    /** Reversal (void) of a preauthorization, debit or capture not yet settled. */
    RV,
    /** Refund, full or partial, of captured funds. */
    RF,
    /** Rebill: an additional charge on a processed payment. */
    RB,
    /** Chargeback recorded as processed by the bank. */
    CB,
    /** Chargeback reversal. */
    CR,
    /** Receipt: confirmation that the reserved funds of an asynchronous payment reached the merchant. */
    RC;

    private static final Set<OppPaymentType> INITIAL = EnumSet.of(PA, DB);

    /** True for PA and DB, the types that open a payment. */
    public boolean isInitial() {
        return INITIAL.contains(this);
    }

    /** True for the back-office types sent against an existing payment (CP RV RF RB CB CR RC). */
    public boolean isBackOffice() {
        return !isInitial();
    }

    /** The type named by OPP's {@code paymentType} string, or null for a type this connector does not know. */
    static OppPaymentType fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (OppPaymentType type : values()) {
            if (type.name().equals(code)) {
                return type;
            }
        }
        return null;
    }
}

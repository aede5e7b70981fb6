package io.s2spay.connector.opp;

/**
 * OPP's {@code standingInstruction.*} parameters: marks a payment as the first (customer-initiated) or a later
 * (merchant-initiated) payment of a series on stored card data.
 *
 * @param initialTransactionId for REPEATED payments, the gateway id of the INITIAL one (nullable otherwise)
 */
public record OppStandingInstruction(Mode mode, Type type, Source source, String initialTransactionId) {

    /** First payment of the series, or a later one. */
    public enum Mode {
        INITIAL,
        REPEATED
    }

    /** Kind of series. */
    public enum Type {
        UNSCHEDULED,
        RECURRING,
        INSTALLMENT
    }

    /** Who initiates: the cardholder (CIT) or the merchant (MIT). */
    public enum Source {
        CIT,
        MIT
    }

    public OppStandingInstruction {
        if (mode == null || type == null || source == null) {
            throw new IllegalArgumentException("standing instruction needs mode, type and source");
        }
        if (initialTransactionId != null && initialTransactionId.isBlank()) {
            initialTransactionId = null;
        }
    }

    /** The first, customer-initiated payment that stores the card for later use. */
    public static OppStandingInstruction initialCit(Type type) {
        return new OppStandingInstruction(Mode.INITIAL, type, Source.CIT, null);
    }

    /** A later, merchant-initiated payment referring to the initial one. */
    public static OppStandingInstruction repeatedMit(Type type, String initialTransactionId) {
        return new OppStandingInstruction(Mode.REPEATED, type, Source.MIT, initialTransactionId);
    }
}

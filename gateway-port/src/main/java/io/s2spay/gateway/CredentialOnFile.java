package io.s2spay.gateway;

/**
 * A payment's place in a series on stored card data: the first (customer-initiated) payment that stores the card, or
 * a later (merchant-initiated) one that refers to it.
 *
 * @param initialTransactionId for REPEATED payments, the gateway id of the INITIAL one (nullable otherwise)
 */
public record CredentialOnFile(Mode mode, Type type, Source source, String initialTransactionId) {

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

    public CredentialOnFile {
        if (mode == null || type == null || source == null) {
            throw new IllegalArgumentException("a credential on file needs mode, type and source");
        }
        if (initialTransactionId != null && initialTransactionId.isBlank()) {
            initialTransactionId = null;
        }
    }

    /** The first, customer-initiated payment that stores the card for later use. */
    public static CredentialOnFile initialCit(Type type) {
        return new CredentialOnFile(Mode.INITIAL, type, Source.CIT, null);
    }

    /** A later, merchant-initiated payment referring to the initial one. */
    public static CredentialOnFile repeatedMit(Type type, String initialTransactionId) {
        return new CredentialOnFile(Mode.REPEATED, type, Source.MIT, initialTransactionId);
    }
}

package io.s2spay.connector.opp;

/** Thrown by operations without a transaction to return (deleting a registration) when the gateway did not confirm them. */
public class OppGatewayException extends RuntimeException {

    private final transient OppTransaction transaction;

    public OppGatewayException(String message, OppTransaction transaction) {
        super(message + ": " + describe(transaction));
        this.transaction = transaction;
    }

    /** What the gateway (or the connector, when no answer arrived) said. */
    public OppTransaction transaction() {
        return transaction;
    }

    private static String describe(OppTransaction t) {
        if (t.resultCode() != null) {
            return t.resultCode() + " " + t.resultDescription() + " (" + t.outcome() + ")";
        }
        return t.outcome() + " " + t.category() + (t.failureReason() == null ? "" : ": " + t.failureReason());
    }
}

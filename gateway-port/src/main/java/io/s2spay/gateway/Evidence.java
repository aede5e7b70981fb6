package io.s2spay.gateway;

/** How the outcome of a {@link GatewayTransaction} is known: the distinction every rule about resending rests on. */
public enum Evidence {
    /** The gateway answered about the transaction (its result may still be uncertain, e.g. a communication error). */
    ANSWER,
    /** No usable answer arrived: timeout, reset, lost response, 5xx, an unreadable or rate-limited answer. */
    NO_ANSWER,
    /** The connector did not send the request (circuit open, connection refused): nothing reached the gateway. */
    NOT_SENT,
    /** The gateway's look-up holds no transaction under this reference: it never received the request. */
    NOT_RECEIVED;

    /** True when the gateway provably did not process the request, so it may be sent again with the same reference. */
    public boolean neverReachedGateway() {
        return this == NOT_SENT || this == NOT_RECEIVED;
    }
}

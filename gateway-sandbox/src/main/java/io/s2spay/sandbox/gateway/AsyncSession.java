package io.s2spay.sandbox.gateway;

import java.time.Instant;

/** Something the sandbox waits for on a pending transaction, and when it stops waiting. */
public record AsyncSession(Kind kind, String token, Instant deadline) {

    /** What is awaited. */
    public enum Kind {
        /** The shopper at the issuer's 3-D Secure challenge page; times out when abandoned. */
        THREE_DS,
        /** The shopper at the bank's page; times out when abandoned. */
        BANK,
        /** The acquirer's late answer to a timed-out authorization; arrives at the deadline. */
        ACQUIRER_LATE_ANSWER
    }
}

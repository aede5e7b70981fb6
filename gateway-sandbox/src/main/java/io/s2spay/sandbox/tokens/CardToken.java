package io.s2spay.sandbox.tokens;

import java.time.Instant;

/**
 * A single-use card token. It holds the card number in memory only, for its short life: it is never journaled, so a
 * token from before a restart is unknown afterwards.
 */
record CardToken(
        String id,
        String account,
        String number,
        TokensPayment.CardSummary card,
        Instant created,
        Instant expiresAt,
        boolean used) {

    CardToken markUsed() {
        return new CardToken(id, account, number, card, created, expiresAt, true);
    }

    @Override
    public String toString() {
        return "CardToken[" + id + " " + card + (used ? " used" : "") + "]";
    }
}

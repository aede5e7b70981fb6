package io.s2spay.sandbox.tokens;

import java.time.Instant;

/**
 * A card saved for a customer by a payment with {@code save_card} (journal kind {@code tokens.payment_method}): the
 * card's summary and issuer profile, so that later off-session payments behave like the card; detached ones refuse.
 */
record PaymentMethod(
        String id,
        String account,
        String customerId,
        TokensPayment.CardSummary card,
        TokensTestCards.Profile profile,
        boolean detached,
        Instant created) {

    PaymentMethod detach() {
        return new PaymentMethod(id, account, customerId, card, profile, true, created);
    }
}

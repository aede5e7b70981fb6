package io.s2spay.sandbox.orders;

import java.time.Instant;

/** A card token stored by a completed payment on an order with {@code enforceTokenization}; deleted ones are kept. */
record Token(
        String tokenId, String merchantId, String orderId, Order.CardSummary card, boolean deleted, Instant createdAt) {

    Token markedDeleted() {
        return new Token(tokenId, merchantId, orderId, card, true, createdAt);
    }
}

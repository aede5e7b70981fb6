package io.s2spay.sandbox.tokens;

import java.time.Instant;

/** A refund of (part of) a succeeded payment (journal kind {@code tokens.refund}). */
record TokensRefund(
        String id,
        String account,
        String paymentId,
        long amount,
        String currency,
        String reference,
        String status,
        Instant created) {}

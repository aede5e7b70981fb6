package io.s2spay.checkout.payment;

import io.s2spay.schema.PaymentType;
import io.s2spay.vault.CardDetails;

/**
 * A payment request that passed every rule, in the types the rest of checkout works with; its
 * {@code toString()} masks the card (see {@link CardDetails}).
 */
record ValidatedPayment(
        PaymentType paymentType,
        long amountMinor,
        String currency,
        String paymentBrand,
        CardDetails card,
        String merchantTransactionId,
        String descriptor,
        String shopperResultUrl) {}

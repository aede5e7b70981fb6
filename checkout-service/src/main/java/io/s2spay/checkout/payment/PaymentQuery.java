package io.s2spay.checkout.payment;

import java.time.Instant;

/**
 * What {@code GET /v1/payments} asks for: a page size, a cursor and filters (each null when not given).
 *
 * @param startingAfter the id of the last payment of the previous page
 * @param createdFrom created at or after
 * @param createdBefore created before
 */
record PaymentQuery(
        int limit,
        String startingAfter,
        String merchantTransactionId,
        LifecycleStatus status,
        Instant createdFrom,
        Instant createdBefore) {}

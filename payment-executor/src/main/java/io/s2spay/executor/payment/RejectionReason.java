package io.s2spay.executor.payment;

/** Why the executor refused a payment command; the name is the {@code reasonCode} of {@code PaymentCommandRejected}. */
enum RejectionReason {
    INVALID_AMOUNT,
    INVALID_CURRENCY,
    INVALID_PAYMENT_BRAND,
    INVALID_MERCHANT_TRANSACTION_ID,
    MISSING_PAYMENT_INSTRUMENT,
    AMBIGUOUS_PAYMENT_INSTRUMENT,
    INVALID_CARD_REFERENCE,
    UNKNOWN_MERCHANT_ACCOUNT,
    CARD_NOT_IN_VAULT,
    CARD_UNREADABLE,
    DUPLICATE_PAYMENT,
    DUPLICATE_MERCHANT_TRANSACTION_ID
}

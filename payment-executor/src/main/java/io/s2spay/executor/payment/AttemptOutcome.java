package io.s2spay.executor.payment;

/** What a gateway answer (after resolving any uncertainty through the query endpoint) means for an attempt. */
enum AttemptOutcome {
    /** Approved (including "successful, review manually"). */
    SUCCEEDED,
    /** Accepted, the shopper must follow a redirect. */
    REDIRECT,
    /** Accepted but pending without a redirect (e.g. a redirect session whose page the answer did not carry). */
    PENDING,
    /** Approved by the shopper at the bank, the money arrives with the bank's receipt (long-term pending 800.400.5xx). */
    AWAITING_RECEIPT,
    /** Refused by the bank, a risk or 3-D Secure check, or for the card data: final. */
    DECLINED,
    /** Not processed for the request, the merchant's configuration or a gateway system error: final. */
    FAILED,
    /** Provably never reached the gateway (query says no such merchantTransactionId, or the call was not sent). */
    NOT_RECEIVED,
    /** Not known whether the gateway processed it: timeout, reset, lost response, 5xx, still unresolved by query. */
    UNKNOWN
}

package io.s2spay.connector.orders;

/** The connector's name for the class of an answer (recorded in {@code GatewayTransaction.category}). */
enum OrdersCategory {
    /** Completed (also a payment later refunded). */
    SUCCESSFUL,
    /** Waiting for the customer: a 3-D Secure challenge, or an order not paid yet. */
    PENDING,
    /** The issuer, risk check or 3-D Secure declined, or the customer cancelled. */
    DECLINED,
    /** The customer abandoned the 3-D Secure challenge. */
    SESSION_EXPIRED,
    /** The card or token was refused before any authorization. */
    CARD_REFUSED,
    /** The acquirer or gateway could not process it; nothing charged. */
    TECHNICAL_FAILURE,
    /** The request was refused (format, configuration, reference, rule). */
    REQUEST_REFUSED,
    /** The connector did not send the request (circuit open, connection refused). */
    NOT_SENT,
    /** The API's look-up holds nothing under the reference: it never received the request. */
    NOT_RECEIVED,
    /** No answer: timeout, reset, lost response. */
    NO_RESPONSE,
    /** An HTTP 5xx page instead of an answer. */
    GATEWAY_HTTP_ERROR,
    /** An answer the connector cannot read. */
    UNREADABLE_RESPONSE,
    /** A code outside the API's vocabulary. */
    UNKNOWN_CODE
}

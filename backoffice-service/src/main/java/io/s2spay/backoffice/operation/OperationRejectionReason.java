package io.s2spay.backoffice.operation;

import io.s2spay.domain.balance.BalanceRules;

/**
 * The machine-readable reasons ({@code reasonCode}) of a {@code BackofficeCommandRejected}: every balance rule of
 * {@link BalanceRules.Rule} under its own name, and the reasons only back-office knows (the command, the merchant,
 * the gateway).
 */
enum OperationRejectionReason {
    /** The command lacks its operation id or carries no valid payload. */
    INVALID_COMMAND,
    /** The amount is zero or negative. */
    INVALID_AMOUNT,
    /** The amount is in another currency than the payment. */
    CURRENCY_MISMATCH,
    /** The command needs an amount (a rebill) and has none. */
    AMOUNT_REQUIRED,
    /** No payment with this id for this merchant. */
    PAYMENT_NOT_FOUND,
    /** The initial payment did not succeed (declined, failed, expired) or its outcome is not known yet. */
    PAYMENT_NOT_COMPLETED,
    /** A capture or reversal of a payment that is not a pre-authorization (PA). */
    NOT_A_PREAUTHORIZATION,
    /** A second capture: a pre-authorization is captured once. */
    ALREADY_CAPTURED,
    /** The pre-authorization was reversed: nothing left to capture or reverse. */
    ALREADY_REVERSED,
    /** A capture or receipt above the authorized amount. */
    AMOUNT_EXCEEDS_AUTHORIZED,
    /** A refund, rebill or chargeback on a payment whose money was never captured. */
    NOT_CAPTURED,
    /** Refunds (or chargebacks) above what was captured and is not already refunded or charged back. */
    AMOUNT_EXCEEDS_REFUNDABLE,
    /** Nothing left to refund or charge back. */
    NOTHING_TO_REFUND,
    /** A refund, rebill or second chargeback while a chargeback is open (the bank holds the money). */
    CHARGEBACK_OPEN,
    /** A receipt for another amount than the payment's: a receipt confirms the whole payment. */
    AMOUNT_MISMATCH,
    /** A chargeback reversal without a chargeback to reverse. */
    NO_CHARGEBACK,
    /** A chargeback reversal above the open chargebacks. */
    AMOUNT_EXCEEDS_CHARGEBACK,
    /** A receipt confirmation for a payment that does not await one. */
    NO_PENDING_RECEIPT,
    /** The same (payment, operation id) was already received; it is carried out once. */
    DUPLICATE_OPERATION,
    /** The merchant has no gateway account configured in this service (a payment whose events named none). */
    MERCHANT_NOT_CONFIGURED,
    /** The gateway account the payment was processed on is not configured in this service (any more). */
    GATEWAY_ACCOUNT_NOT_CONFIGURED,
    /** The gateway family of the payment's account cannot do this operation ({@code GatewayCapabilities}). */
    OPERATION_NOT_SUPPORTED_BY_GATEWAY,
    /** The gateway refused the operation; its result is attached. */
    GATEWAY_REJECTED,
    /** The operation could not be sent to the gateway (circuit open, connection refused): nothing was done. */
    GATEWAY_UNAVAILABLE;

    /** The reason for a broken balance rule: the rule's own name. */
    static OperationRejectionReason of(BalanceRules.Rule rule) {
        return valueOf(rule.name());
    }
}

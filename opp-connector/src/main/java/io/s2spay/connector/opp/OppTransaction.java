package io.s2spay.connector.opp;

import java.time.Instant;

/**
 * One OPP transaction as the connector understood it: the gateway's answer (id, result code, amount, card summary,
 * redirect, registration) with its {@link OppOutcome} and {@link ResultCategory}, or, when no answer could be read,
 * an UNKNOWN/FAILED outcome saying why in {@code failureReason}.
 *
 * @param gatewayTransactionId OPP's {@code id}; null when the gateway's answer was not received
 * @param paymentType          OPP's {@code paymentType} (PA, DB, CP...)
 * @param amountMinor          the amount in minor units of {@code currency}, when the gateway returned one
 * @param registrationId       the stored card's id when the payment created or used a registration
 * @param failureReason        for connector-assigned categories (timeout, HTTP 503, reset, circuit open, not
 *                             found...): a short reason for operators; null when the gateway answered
 * @param paymentBrand         OPP's {@code paymentBrand} (VISA, MASTER, SOFORTUEBERWEISUNG...)
 * @param referencedId         for a back-office transaction, the id of the payment it refers to
 * @param initialTransactionId the {@code standingInstruction.initialTransactionId} the gateway answered: for the
 *                             INITIAL payment of a series, the id later merchant-initiated payments must reference
 */
public record OppTransaction(
        OppOutcome outcome,
        ResultCategory category,
        String gatewayTransactionId,
        String paymentType,
        String resultCode,
        String resultDescription,
        Long amountMinor,
        String currency,
        String merchantTransactionId,
        OppCardSummary card,
        OppRedirect redirect,
        String registrationId,
        Instant timestamp,
        String failureReason,
        String paymentBrand,
        String referencedId,
        String initialTransactionId) {

    public OppTransaction {
        if (outcome == null || category == null) {
            throw new IllegalArgumentException("outcome and category are required");
        }
    }

    /** A transaction without brand, reference and standing-instruction details. */
    public OppTransaction(
            OppOutcome outcome,
            ResultCategory category,
            String gatewayTransactionId,
            String paymentType,
            String resultCode,
            String resultDescription,
            Long amountMinor,
            String currency,
            String merchantTransactionId,
            OppCardSummary card,
            OppRedirect redirect,
            String registrationId,
            Instant timestamp,
            String failureReason) {
        this(
                outcome,
                category,
                gatewayTransactionId,
                paymentType,
                resultCode,
                resultDescription,
                amountMinor,
                currency,
                merchantTransactionId,
                card,
                redirect,
                registrationId,
                timestamp,
                failureReason,
                null,
                null,
                null);
    }

    /** An attempt whose outcome is not known because no usable answer arrived. */
    static OppTransaction unknown(ResultCategory category, String merchantTransactionId, String reason) {
        return new OppTransaction(
                OppOutcome.UNKNOWN,
                category,
                null,
                null,
                null,
                null,
                null,
                null,
                merchantTransactionId,
                null,
                null,
                null,
                null,
                reason);
    }

    /** A request the connector did not send, so the gateway cannot have processed it. */
    static OppTransaction notSent(String merchantTransactionId, String reason) {
        return new OppTransaction(
                OppOutcome.FAILED,
                ResultCategory.NOT_SENT,
                null,
                null,
                null,
                null,
                null,
                null,
                merchantTransactionId,
                null,
                null,
                null,
                null,
                reason);
    }

    /** The query endpoint's statement that no transaction with this merchantTransactionId exists. */
    static OppTransaction notReceived(String merchantTransactionId, String resultCode, String resultDescription) {
        return new OppTransaction(
                OppOutcome.FAILED,
                ResultCategory.NOT_RECEIVED,
                null,
                null,
                resultCode,
                resultDescription,
                null,
                null,
                merchantTransactionId,
                null,
                null,
                null,
                null,
                "the gateway holds no transaction with merchantTransactionId " + merchantTransactionId);
    }

    /** True when the shopper must be redirected to complete the payment. */
    public boolean requiresRedirect() {
        return outcome == OppOutcome.PENDING && redirect != null;
    }

    /**
     * True when the gateway provably never processed this request, so it may be sent again with the same
     * merchantTransactionId without risk of a second charge.
     */
    public boolean safeToResend() {
        return category.neverReachedGateway();
    }

    /** The {@code paymentType} as an enum, or null for a type this connector does not know. */
    public OppPaymentType type() {
        return OppPaymentType.fromCode(paymentType);
    }
}

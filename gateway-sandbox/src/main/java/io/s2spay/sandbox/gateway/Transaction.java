package io.s2spay.sandbox.gateway;

import java.time.Instant;

/**
 * One OPP transaction (an initial PA/DB or a back-office operation), immutable: every status change is a new
 * version with the same id.
 *
 * @param rootId the initial payment of the transaction's tree (its own id for an initial payment)
 * @param outcomeAfterRedirect the code the transaction gets once the shopper approves at the redirect
 * @param bankOriginated true when the bank, not the merchant, originated it (chargebacks, receipts)
 */
public record Transaction(
        String id,
        String entityId,
        PaymentType paymentType,
        GatewayBrand paymentBrand,
        long amountMinor,
        String currency,
        String merchantTransactionId,
        String referencedId,
        String rootId,
        TransactionState state,
        String resultCode,
        CardData card,
        boolean createRegistration,
        String registrationId,
        StandingInstruction standingInstruction,
        String descriptor,
        String shopperResultUrl,
        String notificationUrl,
        RedirectInfo redirect,
        AsyncSession session,
        String outcomeAfterRedirect,
        boolean bankOriginated,
        String ndc,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isRoot() {
        return id.equals(rootId);
    }

    public boolean succeeded() {
        return state == TransactionState.SUCCEEDED;
    }

    /** This transaction with a new state and result; the redirect and the awaited session are over. */
    public Transaction withResult(TransactionState newState, String code, Instant now) {
        return new Transaction(
                id,
                entityId,
                paymentType,
                paymentBrand,
                amountMinor,
                currency,
                merchantTransactionId,
                referencedId,
                rootId,
                newState,
                code,
                card,
                createRegistration,
                registrationId,
                standingInstruction,
                descriptor,
                shopperResultUrl,
                notificationUrl,
                null,
                null,
                outcomeAfterRedirect,
                bankOriginated,
                ndc,
                createdAt,
                now);
    }

    public Transaction withSession(AsyncSession newSession) {
        return new Transaction(
                id,
                entityId,
                paymentType,
                paymentBrand,
                amountMinor,
                currency,
                merchantTransactionId,
                referencedId,
                rootId,
                state,
                resultCode,
                card,
                createRegistration,
                registrationId,
                standingInstruction,
                descriptor,
                shopperResultUrl,
                notificationUrl,
                redirect,
                newSession,
                outcomeAfterRedirect,
                bankOriginated,
                ndc,
                createdAt,
                updatedAt);
    }

    public Transaction withRegistration(String newRegistrationId, StandingInstruction newStandingInstruction) {
        return new Transaction(
                id,
                entityId,
                paymentType,
                paymentBrand,
                amountMinor,
                currency,
                merchantTransactionId,
                referencedId,
                rootId,
                state,
                resultCode,
                card,
                createRegistration,
                newRegistrationId,
                newStandingInstruction,
                descriptor,
                shopperResultUrl,
                notificationUrl,
                redirect,
                session,
                outcomeAfterRedirect,
                bankOriginated,
                ndc,
                createdAt,
                updatedAt);
    }
}

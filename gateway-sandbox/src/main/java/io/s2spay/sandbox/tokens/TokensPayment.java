package io.s2spay.sandbox.tokens;

import java.time.Instant;

/**
 * A payment of the tokens API as the sandbox keeps it (journal kind {@code tokens.payment}): the card's brand and last
 * digits and the issuer's profile of it, never its number.
 *
 * @param refunded        minor units refunded so far
 * @param actionExpiresAt when an unfinished 3-D Secure challenge fails as abandoned
 */
record TokensPayment(
        String id,
        String account,
        Status status,
        long amount,
        String currency,
        String reference,
        String description,
        String customerId,
        boolean offSession,
        boolean saveCard,
        CardSummary card,
        TokensTestCards.Profile profile,
        String returnUrl,
        String redirectUrl,
        String failureCode,
        String failureMessage,
        String declineCode,
        String paymentMethodId,
        long refunded,
        Instant created,
        Instant actionExpiresAt) {

    /** The payment's status, as the API names it. */
    enum Status {
        REQUIRES_ACTION("requires_action"),
        SUCCEEDED("succeeded"),
        FAILED("failed");

        final String apiName;

        Status(String apiName) {
            this.apiName = apiName;
        }
    }

    /** What is kept of a card: brand, last four digits, expiry. */
    record CardSummary(String brand, String last4, int expMonth, int expYear) {}

    TokensPayment succeeded(String paymentMethodId) {
        return new TokensPayment(
                id,
                account,
                Status.SUCCEEDED,
                amount,
                currency,
                reference,
                description,
                customerId,
                offSession,
                saveCard,
                card,
                profile,
                returnUrl,
                redirectUrl,
                null,
                null,
                null,
                paymentMethodId,
                refunded,
                created,
                null);
    }

    TokensPayment failed(String failureCode, String failureMessage, String declineCode) {
        return new TokensPayment(
                id,
                account,
                Status.FAILED,
                amount,
                currency,
                reference,
                description,
                customerId,
                offSession,
                saveCard,
                card,
                profile,
                returnUrl,
                redirectUrl,
                failureCode,
                failureMessage,
                declineCode,
                null,
                refunded,
                created,
                null);
    }

    TokensPayment refundedMore(long amount) {
        return new TokensPayment(
                id,
                account,
                status,
                this.amount,
                currency,
                reference,
                description,
                customerId,
                offSession,
                saveCard,
                card,
                profile,
                returnUrl,
                redirectUrl,
                failureCode,
                failureMessage,
                declineCode,
                paymentMethodId,
                refunded + amount,
                created,
                actionExpiresAt);
    }
}

package io.s2spay.connector.opp;

import io.s2spay.gateway.CardData;
import io.s2spay.gateway.CredentialOnFile;

/**
 * An initial payment (PA or DB) for {@code POST /v1/payments}, or for {@code POST /v1/registrations/{id}/payments}
 * when paid with stored card data.
 *
 * @param paymentType         PA or DB
 * @param amountMinor         amount in minor units of {@code currency} (converted with its ISO 4217 exponent)
 * @param currency            ISO 4217 code
 * @param paymentBrand        OPP brand (VISA, MASTER, AMEX, or a redirect brand); may be null for registration payments
 * @param merchantTransactionId the attempt's unique reference; also the key that resolves an UNKNOWN outcome
 * @param card                card data, or null for a non-card brand or a registration payment
 * @param createRegistration  asks the gateway to store the card and return a {@code registrationId}
 * @param standingInstruction nullable
 * @param shopperResultUrl    where the shopper's browser returns after a redirect; nullable for synchronous brands
 * @param notificationUrl     where the gateway sends webhooks for this payment; nullable
 * @param descriptor          text on the shopper's statement; nullable
 */
public record OppPaymentRequest(
        OppPaymentType paymentType,
        long amountMinor,
        String currency,
        String paymentBrand,
        String merchantTransactionId,
        CardData card,
        boolean createRegistration,
        CredentialOnFile standingInstruction,
        String shopperResultUrl,
        String notificationUrl,
        String descriptor) {

    public OppPaymentRequest {
        if (paymentType == null || !paymentType.isInitial()) {
            throw new IllegalArgumentException("an initial payment is PA or DB, not " + paymentType);
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be greater than zero");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        if (merchantTransactionId == null || merchantTransactionId.isBlank() || merchantTransactionId.length() > 255) {
            throw new IllegalArgumentException("merchantTransactionId is required (1..255 characters)");
        }
    }

    @Override
    public String toString() {
        return "OppPaymentRequest[" + paymentType + " " + amountMinor + " " + currency + " " + paymentBrand
                + ", merchantTransactionId=" + merchantTransactionId + ", card=" + card
                + ", createRegistration=" + createRegistration + ", standingInstruction=" + standingInstruction + "]";
    }
}

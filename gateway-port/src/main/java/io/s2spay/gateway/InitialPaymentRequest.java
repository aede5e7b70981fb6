package io.s2spay.gateway;

import io.s2spay.domain.lifecycle.TransactionType;

/**
 * An initial payment (PA or DB) on card data, on a stored card, or on a redirect brand.
 *
 * @param amountMinor           amount in minor units of {@code currency}
 * @param currency              ISO 4217 code
 * @param paymentBrand          the brand (VISA, MASTER, AMEX, or a redirect brand); may be null for a stored card
 * @param merchantTransactionId the attempt's unique reference; also the key that resolves an UNKNOWN outcome
 * @param card                  card data, or null for a non-card brand or a stored card
 * @param storedCardId          the gateway's id of a stored card to pay with (a registration), or null
 * @param storeCard             asks the gateway to store the card and return its id
 * @param credentialOnFile      nullable
 * @param shopperResultUrl      where the shopper's browser returns after a redirect; nullable for synchronous brands
 * @param notificationUrl       where the gateway sends webhooks for this payment; nullable
 * @param descriptor            text on the shopper's statement; nullable
 */
public record InitialPaymentRequest(
        TransactionType type,
        long amountMinor,
        String currency,
        String paymentBrand,
        String merchantTransactionId,
        CardData card,
        String storedCardId,
        boolean storeCard,
        CredentialOnFile credentialOnFile,
        String shopperResultUrl,
        String notificationUrl,
        String descriptor) {

    public InitialPaymentRequest {
        if (type == null || !type.isInitial()) {
            throw new IllegalArgumentException("an initial payment is PA or DB, not " + type);
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be greater than zero");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        GatewayReferences.requireMerchantTransactionId(merchantTransactionId);
        if (storedCardId != null && storedCardId.isBlank()) {
            storedCardId = null;
        }
    }

    @Override
    public String toString() {
        return "InitialPaymentRequest[" + type + " " + amountMinor + " " + currency + " " + paymentBrand
                + ", merchantTransactionId=" + merchantTransactionId + ", card=" + card + ", storedCardId="
                + storedCardId + ", storeCard=" + storeCard + ", credentialOnFile=" + credentialOnFile + "]";
    }
}

package io.s2spay.checkout.payment;

import io.s2spay.schema.PaymentType;
import io.s2spay.vault.CardDetails;

/**
 * A payment request that passed every rule, in the types the rest of checkout works with; its
 * {@code toString()} masks the card (see {@link CardDetails}).
 *
 * @param paymentBrand null for a stored-credential charge that leaves it to the credential
 * @param card null for a bank transfer or a stored-credential charge
 * @param shopperResultUrl the merchant's page the shopper comes back to; null for a stored-credential charge
 * @param storedCredentialType the agreement of the card to store ({@code storeCard}), else null
 * @param storedCredentialId the stored card to charge as a merchant-initiated transaction, else null
 */
record ValidatedPayment(
        PaymentType paymentType,
        long amountMinor,
        String currency,
        String paymentBrand,
        CardDetails card,
        String merchantTransactionId,
        String descriptor,
        String shopperResultUrl,
        boolean storeCard,
        String storedCredentialType,
        String storedCredentialId) {

    /** Whether the merchant charges a stored card without the shopper (merchant-initiated). */
    boolean merchantInitiated() {
        return storedCredentialId != null;
    }
}

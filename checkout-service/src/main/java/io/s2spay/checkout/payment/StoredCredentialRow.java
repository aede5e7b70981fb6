package io.s2spay.checkout.payment;

import java.time.Instant;
import java.util.Locale;

/**
 * A stored card (the gateway's registration) of one merchant, created by a customer-initiated payment.
 *
 * @param type how the merchant charges it later: UNSCHEDULED, RECURRING or INSTALLMENT
 * @param initialTransactionId the network's id of the INITIAL customer-initiated transaction, sent with every
 *     merchant-initiated charge
 * @param deleteCommandId the DeleteStoredCredential command sent while {@code deleting}
 */
record StoredCredentialRow(
        String id,
        String merchantId,
        String paymentId,
        String type,
        Status status,
        String paymentBrand,
        String initialTransactionId,
        PaymentRow.MaskedCard card,
        String deleteCommandId,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether the credential may be charged. */
    enum Status {
        ACTIVE,
        DELETING,
        DELETED;

        String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    StoredCredentialView toView() {
        return new StoredCredentialView(
                id,
                type,
                status.apiName(),
                paymentBrand,
                card == null
                        ? null
                        : new PaymentView.Card(
                                card.bin(),
                                card.last4Digits(),
                                card.brand(),
                                String.format("%02d", card.expiryMonth()),
                                String.valueOf(card.expiryYear())),
                paymentId,
                failureReason,
                createdAt,
                updatedAt);
    }
}

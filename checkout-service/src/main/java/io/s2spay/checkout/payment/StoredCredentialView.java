package io.s2spay.checkout.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A stored card as the API shows it ({@code /v1/stored-credentials/{id}}).
 *
 * @param paymentId the customer-initiated payment that stored it
 * @param failureReason why the last deletion was refused, if it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredCredentialView(
        String id,
        String type,
        String status,
        String paymentBrand,
        PaymentView.Card card,
        String paymentId,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {}

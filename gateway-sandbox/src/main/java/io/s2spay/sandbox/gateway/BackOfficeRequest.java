package io.s2spay.sandbox.gateway;

/**
 * A validated back-office request on a payment (CP, RV, RF, RB, CB, CR, RC).
 *
 * @param amountMinor null when not sent (RV, RC and bank-originated operations default to the full amount)
 * @param reasonCode the chargeback reason (000.100.2xx) of a bank-originated chargeback, else null
 */
public record BackOfficeRequest(
        String entityId,
        PaymentType paymentType,
        Long amountMinor,
        String currency,
        String merchantTransactionId,
        String notificationUrl,
        String reasonCode) {}

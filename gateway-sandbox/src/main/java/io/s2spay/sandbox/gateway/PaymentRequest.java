package io.s2spay.sandbox.gateway;

/**
 * A validated initial payment request (PA or DB), with card data or on a registration.
 *
 * @param paymentBrand null for a payment on a registration, which pays with the registration's brand
 * @param card null for bank brands and for payments on a registration
 */
public record PaymentRequest(
        String entityId,
        PaymentType paymentType,
        GatewayBrand paymentBrand,
        long amountMinor,
        String currency,
        String merchantTransactionId,
        CardInput card,
        boolean createRegistration,
        StandingInstruction standingInstruction,
        String shopperResultUrl,
        String notificationUrl,
        String descriptor) {}

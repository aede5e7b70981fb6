package io.s2spay.gateway.routing;

import io.s2spay.domain.lifecycle.TransactionType;

/**
 * What routing reads of an initial payment.
 *
 * @param brand         the payment brand (VISA, ...); null for a payment on a stored card whose brand is not sent
 * @param amountMinor   in minor units of {@code currency}
 * @param storesCard    the payment asks the gateway to store the card for later merchant-initiated payments
 */
public record RoutedPayment(TransactionType type, String brand, String currency, long amountMinor, boolean storesCard) {

    public RoutedPayment {
        if (type == null || !type.isInitial()) {
            throw new IllegalArgumentException("only an initial payment (PA or DB) is routed, not " + type);
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
    }
}

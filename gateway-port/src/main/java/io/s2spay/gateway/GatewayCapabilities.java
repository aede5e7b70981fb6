package io.s2spay.gateway;

import io.s2spay.domain.lifecycle.TransactionType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a gateway family can do, so that s2spay refuses what it cannot before anything is sent.
 *
 * @param transactions     the transactions a merchant may ask for (the initial PA/DB and the operations on a payment;
 *                         a bank-originated CB, CR or RC that only the gateway reports is not listed)
 * @param brands           the payment brands it accepts ({@code PaymentBrand} names: VISA, MASTER, ...)
 * @param storedCards      whether it stores a card for later merchant-initiated payments
 * @param threeDSecure     whether a customer-initiated card payment may be challenged (a redirect to the issuer)
 */
public record GatewayCapabilities(
        Set<TransactionType> transactions, Set<String> brands, boolean storedCards, boolean threeDSecure) {

    public GatewayCapabilities {
        if (transactions == null || transactions.isEmpty() || brands == null || brands.isEmpty()) {
            throw new IllegalArgumentException("a gateway supports at least one transaction and one brand");
        }
        transactions = Set.copyOf(EnumSet.copyOf(transactions));
        brands = Set.copyOf(brands);
    }

    public boolean supports(TransactionType type) {
        return transactions.contains(type);
    }

    public boolean accepts(String brand) {
        return brands.contains(brand);
    }
}

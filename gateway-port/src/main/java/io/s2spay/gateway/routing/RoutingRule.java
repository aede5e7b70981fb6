package io.s2spay.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One rule of a merchant's routing: the payments it matches and the gateway accounts to try for them, in order (the
 * first one takes the payment; the next only when the one before provably did not process it, see
 * {@link Failover}).
 *
 * @param brands         the brands it matches ({@code VISA}, {@code MASTER}, ...); empty for every brand
 * @param currencies     the ISO 4217 currencies it matches; empty for every currency
 * @param minAmountMinor the smallest amount it matches, in minor units of the payment's currency, inclusive; null
 *                       for no lower bound
 * @param maxAmountMinor the largest amount it matches, inclusive; null for no upper bound
 * @param accounts       the accounts to try, at least one, each once
 */
public record RoutingRule(
        Set<String> brands,
        Set<String> currencies,
        Long minAmountMinor,
        Long maxAmountMinor,
        List<GatewayAccount> accounts) {

    public RoutingRule {
        brands = brands == null
                ? Set.of()
                : brands.stream().map(b -> b.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        currencies = currencies == null
                ? Set.of()
                : currencies.stream()
                        .map(c -> c.trim().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        for (String currency : currencies) {
            if (!currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("a routing rule's currency is an ISO 4217 code, not " + currency);
            }
        }
        if (minAmountMinor != null && minAmountMinor < 0 || maxAmountMinor != null && maxAmountMinor < 0) {
            throw new IllegalArgumentException("a routing rule's amounts are not negative");
        }
        if (minAmountMinor != null && maxAmountMinor != null && minAmountMinor > maxAmountMinor) {
            throw new IllegalArgumentException(
                    "a routing rule's min-amount " + minAmountMinor + " is above its max-amount " + maxAmountMinor);
        }
        if (accounts == null || accounts.isEmpty()) {
            throw new IllegalArgumentException("a routing rule names at least one gateway account");
        }
        if (Set.copyOf(accounts).size() != accounts.size()) {
            throw new IllegalArgumentException("a routing rule names each gateway account once: " + accounts);
        }
        accounts = List.copyOf(accounts);
    }

    /** A rule that matches every payment. */
    public static RoutingRule any(List<GatewayAccount> accounts) {
        return new RoutingRule(Set.of(), Set.of(), null, null, accounts);
    }

    /** Whether the rule matches a payment of {@code brand} (null: the brand is not known, e.g. a stored card). */
    public boolean matches(String brand, String currency, long amountMinor) {
        return (brands.isEmpty() || brand != null && brands.contains(brand))
                && (currencies.isEmpty() || currencies.contains(currency))
                && (minAmountMinor == null || amountMinor >= minAmountMinor)
                && (maxAmountMinor == null || amountMinor <= maxAmountMinor);
    }

    @Override
    public String toString() {
        return "brands=" + (brands.isEmpty() ? "any" : brands) + " currencies="
                + (currencies.isEmpty() ? "any" : currencies) + " amount="
                + (minAmountMinor == null ? "0" : minAmountMinor)
                + ".." + (maxAmountMinor == null ? "" : maxAmountMinor) + " -> " + accounts;
    }
}

package io.s2spay.gateway.routing;

import java.util.List;

/**
 * A merchant's routing: its rules, tried in order (the first that matches a payment decides), and the accounts
 * for a payment no rule matches.
 */
public record MerchantRoutes(List<RoutingRule> rules, List<GatewayAccount> defaultAccounts) {

    public MerchantRoutes {
        rules = rules == null ? List.of() : List.copyOf(rules);
        defaultAccounts = defaultAccounts == null ? List.of() : List.copyOf(defaultAccounts);
        if (defaultAccounts.isEmpty()) {
            throw new IllegalArgumentException("a merchant's routing names its default gateway account(s)");
        }
        if (java.util.Set.copyOf(defaultAccounts).size() != defaultAccounts.size()) {
            throw new IllegalArgumentException("the default route names each gateway account once: " + defaultAccounts);
        }
    }

    /** The accounts for a payment: the first matching rule's, else the default ones. */
    public List<GatewayAccount> accountsFor(String brand, String currency, long amountMinor) {
        return rules.stream()
                .filter(rule -> rule.matches(brand, currency, amountMinor))
                .findFirst()
                .map(RoutingRule::accounts)
                .orElse(defaultAccounts);
    }
}

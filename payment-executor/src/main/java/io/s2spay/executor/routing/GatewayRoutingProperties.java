package io.s2spay.executor.routing;

import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.MerchantRoutes;
import io.s2spay.gateway.routing.RoutingRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which gateway accounts take each merchant's initial payments ({@code s2spay.routing.*}):
 *
 * <pre>
 * s2spay.routing.merchants.merchant-a:
 *   rules:                                  # tried in order, the first that matches decides
 *     - brands: [VISA]
 *       currencies: [EUR]
 *       accounts: [opp:merchant-a]
 *     - brands: [MASTER]
 *       currencies: [SEK]
 *       max-amount: 5000000                 # minor units of the payment's currency, inclusive (also min-amount)
 *       accounts: [orders:shop-se, opp:merchant-a]   # the second only when the first provably did not process it
 *   default-accounts: [opp:merchant-a]
 * </pre>
 *
 * A merchant without an entry is routed to every gateway family's account keyed by its merchant id. Accounts are
 * written {@code family:account}, the account being a key of that family's {@code s2spay.<family>.accounts}.
 */
@ConfigurationProperties("s2spay.routing")
public record GatewayRoutingProperties(Map<String, Merchant> merchants) {

    public GatewayRoutingProperties {
        merchants = merchants == null ? Map.of() : Map.copyOf(merchants);
    }

    /** One merchant's rules and default accounts. */
    public record Merchant(List<Rule> rules, List<String> defaultAccounts) {}

    /** One rule: what it matches and the accounts to try. */
    public record Rule(
            Set<String> brands, Set<String> currencies, Long minAmount, Long maxAmount, List<String> accounts) {}

    /**
     * The routing as the router reads it; a malformed entry fails with a message naming its property.
     *
     * @throws IllegalArgumentException naming the property that is wrong
     */
    public Map<String, MerchantRoutes> routes() {
        Map<String, MerchantRoutes> routes = new LinkedHashMap<>();
        merchants.forEach((merchantId, merchant) -> {
            String prefix = "s2spay.routing.merchants." + merchantId;
            List<Rule> rules = merchant.rules() == null ? List.of() : merchant.rules();
            List<RoutingRule> parsed = new java.util.ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                Rule rule = rules.get(i);
                String at = prefix + ".rules[" + i + "]";
                parsed.add(named(
                        at,
                        () -> new RoutingRule(
                                rule.brands(),
                                rule.currencies(),
                                rule.minAmount(),
                                rule.maxAmount(),
                                accounts(at + ".accounts", rule.accounts()))));
            }
            routes.put(
                    merchantId,
                    named(
                            prefix,
                            () -> new MerchantRoutes(
                                    parsed, accounts(prefix + ".default-accounts", merchant.defaultAccounts()))));
        });
        return routes;
    }

    private static List<GatewayAccount> accounts(String property, List<String> accounts) {
        if (accounts == null || accounts.isEmpty()) {
            throw new IllegalArgumentException(property + " must name at least one gateway account (family:account)");
        }
        return named(
                property, () -> accounts.stream().map(GatewayAccount::parse).toList());
    }

    private static <T> T named(String property, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("s2spay.")
                    ? e
                    : new IllegalArgumentException(property + ": " + e.getMessage(), e);
        }
    }
}

package io.s2spay.gateway.routing;

import io.s2spay.gateway.GatewayCapabilities;
import io.s2spay.gateway.GatewayPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the gateway accounts for a merchant's initial payment: the merchant's rules by brand, currency and amount
 * (first match, else its default), or, for a merchant without rules, every family's account keyed by its merchant
 * id. Of those, only the accounts whose family can do the payment (its {@link GatewayCapabilities}: the type, the
 * brand, storing the card) stay in the route, in the rule's order.
 */
public final class GatewayRouter {

    private final Gateways gateways;
    private final Map<String, MerchantRoutes> routes;

    /**
     * @throws IllegalArgumentException when a rule names an account that no family here has (so a typo stops the
     *     service at startup, not a payment later)
     */
    public GatewayRouter(Gateways gateways, Map<String, MerchantRoutes> routes) {
        this.gateways = gateways;
        this.routes = Map.copyOf(new LinkedHashMap<>(routes));
        this.routes.forEach((merchantId, merchantRoutes) -> {
            List<GatewayAccount> named = new ArrayList<>(merchantRoutes.defaultAccounts());
            merchantRoutes.rules().forEach(rule -> named.addAll(rule.accounts()));
            for (GatewayAccount account : named) {
                if (!gateways.has(account)) {
                    throw new IllegalArgumentException("the routing of merchant " + merchantId + " names " + account
                            + ", which is not a configured gateway account");
                }
            }
        });
    }

    public Gateways gateways() {
        return gateways;
    }

    /** Whether the merchant has any gateway account at all (by its rules or by accounts keyed by its id). */
    public boolean knowsMerchant(String merchantId) {
        return merchantId != null
                && (routes.containsKey(merchantId)
                        || !gateways.accountsNamedAfter(merchantId).isEmpty());
    }

    /** The accounts to try for {@code payment} of {@code merchantId}, or why none can take it. */
    public Route route(String merchantId, RoutedPayment payment) {
        MerchantRoutes merchantRoutes = merchantId == null ? null : routes.get(merchantId);
        List<GatewayAccount> candidates = merchantRoutes != null
                ? merchantRoutes.accountsFor(payment.brand(), payment.currency(), payment.amountMinor())
                : gateways.accountsNamedAfter(merchantId);
        if (candidates.isEmpty()) {
            return new Route(List.of(), "merchant " + merchantId + " has no gateway account configured");
        }
        List<GatewayAccount> able = new ArrayList<>();
        List<String> unable = new ArrayList<>();
        for (GatewayAccount account : candidates) {
            String lack = lack(gateways.portOf(account).capabilities(), payment);
            if (lack == null) {
                able.add(account);
            } else {
                unable.add(account + " " + lack);
            }
        }
        return able.isEmpty()
                ? new Route(
                        List.of(),
                        "no gateway account of merchant " + merchantId + " can take a " + payment.type() + " of "
                                + (payment.brand() == null ? "a stored card" : payment.brand()) + " in "
                                + payment.currency() + ": " + String.join("; ", unable))
                : new Route(able, null);
    }

    /** The account a stored card or a payment already belongs to, checked; see {@link Gateways#portOf}. */
    public GatewayPort portOf(GatewayAccount account) {
        return gateways.portOf(account);
    }

    private static String lack(GatewayCapabilities capabilities, RoutedPayment payment) {
        if (!capabilities.supports(payment.type())) {
            return "does not support " + payment.type();
        }
        if (payment.brand() != null && !capabilities.accepts(payment.brand())) {
            return "does not accept " + payment.brand();
        }
        if (payment.storesCard() && !capabilities.storedCards()) {
            return "does not store cards";
        }
        return null;
    }
}

package io.s2spay.gateway.routing;

import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.UnknownGatewayAccountException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every gateway family a service runs with (one {@link GatewayPort} adapter each, by its {@link GatewayPort#name()}),
 * and the way from a {@link GatewayAccount} to the adapter that holds it.
 */
public final class Gateways {

    private final Map<String, GatewayPort> ports = new LinkedHashMap<>();

    public Gateways(Collection<? extends GatewayPort> adapters) {
        for (GatewayPort port : adapters) {
            GatewayPort earlier = ports.putIfAbsent(port.name(), port);
            if (earlier != null) {
                throw new IllegalArgumentException("two gateway adapters are named " + port.name());
            }
        }
    }

    /**
     * The gateways of a service that cannot run without one.
     *
     * @throws IllegalStateException when there is no adapter (no connector configured)
     */
    public static Gateways requireAny(Collection<? extends GatewayPort> adapters, String service) {
        if (adapters.isEmpty()) {
            throw new IllegalStateException(service + " needs a gateway: configure at least one connector (its"
                    + " s2spay.<gateway>.base-url and accounts, e.g. s2spay.opp.base-url)");
        }
        return new Gateways(adapters);
    }

    /** The adapter of the family {@code gateway}, if this service runs with it. */
    public Optional<GatewayPort> port(String gateway) {
        return Optional.ofNullable(ports.get(gateway));
    }

    /** Every adapter, in the order they were given. */
    public Collection<GatewayPort> all() {
        return ports.values();
    }

    /** Whether a family of that name runs here and has that account configured. */
    public boolean has(GatewayAccount account) {
        GatewayPort port = ports.get(account.gateway());
        return port != null && port.hasAccount(account.account());
    }

    /**
     * The adapter holding {@code account}.
     *
     * @throws UnknownGatewayAccountException when the family does not run here or has no such account
     */
    public GatewayPort portOf(GatewayAccount account) {
        GatewayPort port = ports.get(account.gateway());
        if (port == null) {
            throw new UnknownGatewayAccountException(
                    "no gateway family " + account.gateway() + " runs here (families: " + ports.keySet() + ")");
        }
        if (!port.hasAccount(account.account())) {
            throw new UnknownGatewayAccountException(
                    "gateway " + account.gateway() + " has no account " + account.account() + " configured");
        }
        return port;
    }

    /**
     * The account a payment of {@code merchantId} was processed on: {@code recorded} (what its events named), or, for
     * a payment whose events name none (processed before s2spay routed payments), the merchant's first account keyed
     * by its id.
     *
     * @throws UnknownGatewayAccountException when the recorded account is not configured here, or none is recorded
     *     and no family has an account keyed by the merchant's id
     */
    public GatewayAccount accountOf(String merchantId, GatewayAccount recorded) {
        if (recorded != null) {
            portOf(recorded);
            return recorded;
        }
        return accountsNamedAfter(merchantId).stream()
                .findFirst()
                .orElseThrow(() -> new UnknownGatewayAccountException(
                        "merchant " + merchantId + " has no gateway account configured"));
    }

    /**
     * The accounts keyed by {@code merchantId} itself, in every family that has one: the route of a merchant
     * without routing rules (how accounts were always configured: {@code s2spay.opp.accounts.<merchant id>}).
     */
    public List<GatewayAccount> accountsNamedAfter(String merchantId) {
        List<GatewayAccount> accounts = new ArrayList<>();
        if (merchantId == null) {
            return accounts;
        }
        ports.values().stream()
                .filter(port -> port.hasAccount(merchantId))
                .forEach(port -> accounts.add(new GatewayAccount(port.name(), merchantId)));
        return accounts;
    }
}

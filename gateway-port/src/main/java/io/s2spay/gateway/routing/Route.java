package io.s2spay.gateway.routing;

import java.util.List;

/**
 * The accounts a payment is tried on, in order, or, when none can take it, why.
 *
 * @param accounts the accounts able to take the payment (configured, and whose family can do it), first choice first
 * @param refusal  null when {@code accounts} is not empty; otherwise a sentence naming what each candidate lacked
 */
public record Route(List<GatewayAccount> accounts, String refusal) {

    public Route {
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty() == (refusal == null)) {
            throw new IllegalArgumentException("a route has accounts or a refusal, not both");
        }
    }

    public boolean isRefused() {
        return accounts.isEmpty();
    }

    /** The account tried first. */
    public GatewayAccount first() {
        return accounts.get(0);
    }

    /** The account after {@code account} in this route, or null when it was the last. */
    public GatewayAccount after(GatewayAccount account) {
        int index = accounts.indexOf(account);
        return index < 0 || index + 1 >= accounts.size() ? null : accounts.get(index + 1);
    }
}

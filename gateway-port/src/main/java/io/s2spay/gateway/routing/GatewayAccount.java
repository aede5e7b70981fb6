package io.s2spay.gateway.routing;

import io.s2spay.schema.GatewayAccountRef;

/**
 * One account at one gateway family: the family's name ({@code GatewayPort.name()}, e.g. "opp") and the account's
 * key in that family's configuration (e.g. {@code s2spay.opp.accounts.merchant-a}). Written {@code opp:merchant-a}
 * in routing rules, logs and events.
 */
public record GatewayAccount(String gateway, String account) {

    public GatewayAccount {
        if (gateway == null || !gateway.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException(
                    "a gateway family's name is lower-case letters, digits and '-' (e.g. opp), not " + gateway);
        }
        if (account == null || !account.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException(
                    "a gateway account's key is 1 to 64 letters, digits, '.', '_' or '-', not " + account);
        }
    }

    /** Reads {@code gateway:account}. */
    public static GatewayAccount parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "a gateway account is written gateway:account (e.g. opp:merchant-a), not " + text);
        }
        return new GatewayAccount(
                text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    /** The account an event names ({@code PaymentEventEnvelope.gateway}), or null when it names none. */
    public static GatewayAccount of(GatewayAccountRef ref) {
        return ref == null ? null : new GatewayAccount(ref.getGateway(), ref.getAccount());
    }

    /** This account as events name it. */
    public GatewayAccountRef toRef() {
        return new GatewayAccountRef(gateway, account);
    }

    @Override
    public String toString() {
        return gateway + ":" + account;
    }
}

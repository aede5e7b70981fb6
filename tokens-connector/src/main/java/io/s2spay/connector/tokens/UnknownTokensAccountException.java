package io.s2spay.connector.tokens;

import io.s2spay.gateway.UnknownGatewayAccountException;

/** No {@code s2spay.tokens.accounts.<id>} for the gateway account asked for. */
public class UnknownTokensAccountException extends UnknownGatewayAccountException {

    public UnknownTokensAccountException(String accountId) {
        super("no tokens API account configured under s2spay.tokens.accounts." + accountId);
    }
}

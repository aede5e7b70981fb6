package io.s2spay.connector.opp;

import io.s2spay.gateway.UnknownGatewayAccountException;

/** Thrown when no OPP account is configured for a merchant; nothing is sent to the gateway. */
public class UnknownOppAccountException extends UnknownGatewayAccountException {

    public UnknownOppAccountException(String merchantId) {
        super("no OPP account is configured for merchant '" + merchantId + "' (s2spay.opp.accounts." + merchantId
                + ".entity-id / .access-token)");
    }
}

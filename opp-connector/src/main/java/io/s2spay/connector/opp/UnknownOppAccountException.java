package io.s2spay.connector.opp;

/** Thrown when no OPP account is configured for a merchant; nothing is sent to the gateway. */
public class UnknownOppAccountException extends IllegalArgumentException {

    public UnknownOppAccountException(String merchantId) {
        super("no OPP account is configured for merchant '" + merchantId + "' (s2spay.opp.accounts." + merchantId
                + ".entity-id / .access-token)");
    }
}

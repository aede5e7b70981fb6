package io.s2spay.gateway;

/** The merchant has no account at this gateway. */
public class UnknownGatewayAccountException extends IllegalArgumentException {

    public UnknownGatewayAccountException(String message) {
        super(message);
    }
}

package io.s2spay.checkout.merchant;

/** The request carries no API key, or one that belongs to no merchant. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException() {
        super("missing or invalid API key: send the merchant's secret key as 'Authorization: Bearer <key>'");
    }
}

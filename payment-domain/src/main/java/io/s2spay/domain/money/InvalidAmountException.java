package io.s2spay.domain.money;

/** An amount or currency that breaks the ISO 4217 rules; the message says what is wrong. */
public class InvalidAmountException extends IllegalArgumentException {

    public InvalidAmountException(String message) {
        super(message);
    }
}

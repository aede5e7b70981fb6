package io.s2spay.vault;

/** A stored card cannot be decrypted: its key is not configured, or its row was tampered with. */
public class CardVaultException extends RuntimeException {

    public CardVaultException(String message) {
        super(message);
    }

    public CardVaultException(String message, Throwable cause) {
        super(message, cause);
    }
}

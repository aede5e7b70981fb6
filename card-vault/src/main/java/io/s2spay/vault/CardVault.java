package io.s2spay.vault;

/**
 * The encrypted store of card numbers and security codes: the only place a PAN or CVV is kept, so
 * that every other table, topic and log line carries a vault id and a masked summary instead.
 */
public interface CardVault {

    /**
     * Encrypts and stores {@code card} for {@code merchantId} in the caller's transaction, so that the
     * card only exists if the payment that uses it is committed too.
     *
     * @throws IllegalStateException when no transaction is active
     */
    VaultedCard store(String merchantId, CardDetails card);

    /**
     * Decrypts the card {@code vaultId} of {@code merchantId}; the security code is {@code null} once
     * erased.
     *
     * @throws CardNotInVaultException when there is no such card, also when it belongs to another merchant
     * @throws CardVaultException when the stored card cannot be decrypted (unknown key id, tampered row)
     */
    CardDetails reveal(String merchantId, String vaultId);

    /**
     * Erases the card's security code, as card rules demand once the authorization is complete.
     * Idempotent: erasing an already erased code, or the code of an unknown card, does nothing.
     */
    void eraseSecurityCode(String vaultId);
}

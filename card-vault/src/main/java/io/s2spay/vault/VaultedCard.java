package io.s2spay.vault;

/**
 * What may be said about a stored card outside the vault: its vault id and the parts of the card
 * that card rules allow to be shown (BIN, last four digits, brand, expiry).
 *
 * @param brand the payment brand detected from the number (VISA, MASTER, AMEX…), or {@code UNKNOWN}
 */
public record VaultedCard(
        String vaultId, String bin, String last4Digits, String brand, int expiryMonth, int expiryYear) {}

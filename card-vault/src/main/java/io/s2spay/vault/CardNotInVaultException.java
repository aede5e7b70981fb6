package io.s2spay.vault;

/** The vault holds no card with this id for this merchant (or none at all: the two are not told apart). */
public class CardNotInVaultException extends RuntimeException {

    private final String vaultId;

    public CardNotInVaultException(String vaultId) {
        super("card " + vaultId + " is not in the vault");
        this.vaultId = vaultId;
    }

    public String vaultId() {
        return vaultId;
    }
}

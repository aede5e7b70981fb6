package io.s2spay.vault;

import io.s2spay.domain.card.CardNumbers;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The card vault on PostgreSQL: one row per card in {@code vault.card}, number, holder and security
 * code each sealed with {@link CardCipher}; only BIN, last four, brand and expiry are kept in clear.
 */
final class JdbcCardVault implements CardVault {

    static final String UNKNOWN_BRAND = "UNKNOWN";

    private final JdbcClient jdbc;
    private final CardCipher cipher;

    JdbcCardVault(DataSource dataSource, CardCipher cipher) {
        this.jdbc = JdbcClient.create(dataSource);
        this.cipher = cipher;
    }

    @Override
    public VaultedCard store(String merchantId, CardDetails card) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("CardVault.store must run in the transaction of the payment it belongs to");
        }
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId is required");
        }
        if (!CardNumbers.isValid(card.number())) {
            throw new IllegalArgumentException(
                    "card number " + CardNumbers.mask(card.number()) + " is not a valid card number");
        }
        String vaultId = "card_" + UUID.randomUUID();
        String bin = CardNumbers.bin(card.number());
        String last4 = CardNumbers.last4(card.number());
        String brand = CardNumbers.brandOf(card.number()).orElse(UNKNOWN_BRAND);
        jdbc.sql("""
                        insert into vault.card (vault_id, merchant_id, key_id, number_ciphertext, holder_ciphertext,
                                                security_code_ciphertext, bin, last4_digits, brand, expiry_month, expiry_year)
                        values (:vaultId, :merchantId, :keyId, :number, :holder, :cvv, :bin, :last4, :brand, :month, :year)
                        """)
                .param("vaultId", vaultId)
                .param("merchantId", merchantId)
                .param("keyId", cipher.currentKeyId())
                .param("number", cipher.encrypt(card.number(), vaultId, merchantId, "number"))
                .param(
                        "holder",
                        card.holder() == null ? null : cipher.encrypt(card.holder(), vaultId, merchantId, "holder"))
                .param("cvv", card.cvv() == null ? null : cipher.encrypt(card.cvv(), vaultId, merchantId, "cvv"))
                .param("bin", bin)
                .param("last4", last4)
                .param("brand", brand)
                .param("month", card.expiryMonth())
                .param("year", card.expiryYear())
                .update();
        return new VaultedCard(vaultId, bin, last4, brand, card.expiryMonth(), card.expiryYear());
    }

    @Override
    public CardDetails reveal(String merchantId, String vaultId) {
        Optional<CardDetails> card = jdbc.sql("""
                        select key_id, number_ciphertext, holder_ciphertext, security_code_ciphertext, expiry_month, expiry_year
                          from vault.card
                         where vault_id = :vaultId and merchant_id = :merchantId
                        """)
                .param("vaultId", vaultId)
                .param("merchantId", merchantId)
                .query((rs, row) -> {
                    String keyId = rs.getString("key_id");
                    byte[] holder = rs.getBytes("holder_ciphertext");
                    byte[] cvv = rs.getBytes("security_code_ciphertext");
                    return new CardDetails(
                            cipher.decrypt(keyId, rs.getBytes("number_ciphertext"), vaultId, merchantId, "number"),
                            holder == null ? null : cipher.decrypt(keyId, holder, vaultId, merchantId, "holder"),
                            rs.getInt("expiry_month"),
                            rs.getInt("expiry_year"),
                            cvv == null ? null : cipher.decrypt(keyId, cvv, vaultId, merchantId, "cvv"));
                })
                .optional();
        return card.orElseThrow(() -> new CardNotInVaultException(vaultId));
    }

    @Override
    public void eraseSecurityCode(String vaultId) {
        jdbc.sql("""
                        update vault.card
                           set security_code_ciphertext = null, security_code_erased_at = now()
                         where vault_id = :vaultId and security_code_ciphertext is not null
                        """).param("vaultId", vaultId).update();
    }
}

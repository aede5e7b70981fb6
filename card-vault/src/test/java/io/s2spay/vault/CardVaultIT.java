package io.s2spay.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.testkit.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The vault on real PostgreSQL: what is in the table, who can read it, and what erasure leaves behind. */
@SpringBootTest(classes = CardVaultIT.VaultTestApplication.class)
class CardVaultIT {

    // TEST KEY — local stack only
    static final String TEST_KEY = "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class VaultTestApplication {}

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().register(registry, "vaulttest");
        registry.add("s2spay.vault.encryption-key", () -> TEST_KEY);
        registry.add("s2spay.vault.key-id", () -> "test-k1");
    }

    @Autowired
    CardVault vault;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Test
    void revealsAStoredCardToItsMerchant() {
        CardDetails card = new CardDetails("4200000000000000", "Jane Jones", 12, 2031, "123");

        VaultedCard vaulted = transactions.execute(tx -> vault.store("merchant-a", card));

        assertThat(vaulted.vaultId()).matches("card_[0-9a-f-]{36}");
        assertThat(vaulted).isEqualTo(new VaultedCard(vaulted.vaultId(), "420000", "0000", "VISA", 12, 2031));
        assertThat(vault.reveal("merchant-a", vaulted.vaultId())).isEqualTo(card);
    }

    @Test
    void tableHoldsNoClearCardNumberHolderOrSecurityCode() {
        CardDetails card = new CardDetails("5454545454545454", "Erika Mustermann", 3, 2030, "7391");
        VaultedCard vaulted = transactions.execute(tx -> vault.store("merchant-a", card));

        Map<String, Object> row = jdbc().sql("select * from vault.card where vault_id = ?")
                .param(vaulted.vaultId())
                .query()
                .singleRow();
        String asJson = jdbc().sql("select row_to_json(c)::text from vault.card c where vault_id = ?")
                .param(vaulted.vaultId())
                .query(String.class)
                .single();

        assertThat(asJson).doesNotContain("5454545454545454", "Erika", "Mustermann");
        for (Object value : row.values()) {
            if (value instanceof byte[] bytes) {
                String raw = new String(bytes, StandardCharsets.ISO_8859_1);
                assertThat(raw).doesNotContain("5454545454545454", "545454", "Erika", "7391");
            } else if (value != null) {
                assertThat(value.toString()).isNotIn("5454545454545454", "Erika Mustermann", "7391");
            }
        }
        assertThat(row)
                .containsEntry("bin", "545454")
                .containsEntry("last4_digits", "5454")
                .containsEntry("brand", "MASTER")
                .containsEntry("key_id", "test-k1");
    }

    @Test
    void refusesToRevealAnotherMerchantsCard() {
        VaultedCard vaulted = transactions.execute(
                tx -> vault.store("merchant-a", new CardDetails("4200000000000000", "Jane Jones", 12, 2031, "123")));

        assertThatThrownBy(() -> vault.reveal("merchant-b", vaulted.vaultId()))
                .isInstanceOf(CardNotInVaultException.class)
                .hasMessageContaining(vaulted.vaultId());
    }

    @Test
    void refusesToRevealAnUnknownCard() {
        assertThatThrownBy(() -> vault.reveal("merchant-a", "card_00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(CardNotInVaultException.class);
    }

    @Test
    void erasesTheSecurityCodeAndKeepsTheRestOfTheCard() {
        VaultedCard vaulted = transactions.execute(
                tx -> vault.store("merchant-a", new CardDetails("4200000000000000", "Jane Jones", 12, 2031, "123")));

        vault.eraseSecurityCode(vaulted.vaultId());
        vault.eraseSecurityCode(vaulted.vaultId());

        assertThat(vault.reveal("merchant-a", vaulted.vaultId()))
                .isEqualTo(new CardDetails("4200000000000000", "Jane Jones", 12, 2031, null));
        Map<String, Object> row = jdbc().sql(
                        "select security_code_ciphertext, security_code_erased_at from vault.card where vault_id = ?")
                .param(vaulted.vaultId())
                .query()
                .singleRow();
        assertThat(row.get("security_code_ciphertext")).isNull();
        assertThat(row.get("security_code_erased_at")).isNotNull();
    }

    @Test
    void erasingTheCodeOfAnUnknownCardDoesNothing() {
        vault.eraseSecurityCode("card_00000000-0000-0000-0000-000000000000");

        assertThat(jdbc().sql(
                                "select count(*) from vault.card where vault_id = 'card_00000000-0000-0000-0000-000000000000'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void storesOnlyInsideATransaction() {
        assertThatThrownBy(
                        () -> vault.store("merchant-a", new CardDetails("4200000000000000", "Jane", 12, 2031, "123")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsNothingWhenTheCallersTransactionRollsBack() {
        String[] vaultId = new String[1];
        transactions.executeWithoutResult(tx -> {
            vaultId[0] = vault.store("merchant-a", new CardDetails("4200000000000000", "Jane", 12, 2031, "123"))
                    .vaultId();
            tx.setRollbackOnly();
        });

        assertThatThrownBy(() -> vault.reveal("merchant-a", vaultId[0])).isInstanceOf(CardNotInVaultException.class);
    }

    @Test
    void refusesACiphertextCopiedFromAnotherCard() {
        VaultedCard victim = transactions.execute(
                tx -> vault.store("merchant-a", new CardDetails("4200000000000000", "Jane", 12, 2031, "123")));
        VaultedCard attacker = transactions.execute(
                tx -> vault.store("merchant-b", new CardDetails("5454545454545454", "Mallory", 12, 2031, "999")));

        jdbc().sql("""
                        update vault.card set number_ciphertext =
                            (select number_ciphertext from vault.card where vault_id = :victim)
                         where vault_id = :attacker
                        """)
                .param("victim", victim.vaultId())
                .param("attacker", attacker.vaultId())
                .update();

        assertThatThrownBy(() -> vault.reveal("merchant-b", attacker.vaultId()))
                .isInstanceOf(CardVaultException.class)
                .hasMessageNotContaining("4200000000000000");
    }

    @Test
    void readsCardsStoredBeforeAKeyRotation() {
        VaultedCard before = transactions.execute(
                tx -> vault.store("merchant-a", new CardDetails("4200000000000000", "Jane", 12, 2031, "123")));
        String newKey = Base64.getEncoder().encodeToString(new byte[32]);
        CardVault rotated =
                new JdbcCardVault(dataSource, new CardCipher("test-k2", newKey, Map.of("test-k1", TEST_KEY)));

        VaultedCard after = transactions.execute(
                tx -> rotated.store("merchant-a", new CardDetails("5454545454545454", "Jane", 12, 2031, "456")));

        assertThat(rotated.reveal("merchant-a", before.vaultId()).number()).isEqualTo("4200000000000000");
        assertThat(rotated.reveal("merchant-a", after.vaultId()).cvv()).isEqualTo("456");
        assertThat(jdbc().sql("select key_id from vault.card where vault_id = ?")
                        .param(after.vaultId())
                        .query(String.class)
                        .single())
                .isEqualTo("test-k2");
        assertThatThrownBy(() -> vault.reveal("merchant-a", after.vaultId())).isInstanceOf(CardVaultException.class);
    }

    @Test
    void migratesSafelyWhenSeveralServicesStartAtOnce() throws Exception {
        VaultSchemaMigration migration = new VaultSchemaMigration(dataSource);
        Callable<Void> migrate = () -> {
            migration.migrate();
            return null;
        };

        try (var executor = Executors.newFixedThreadPool(3)) {
            List<Future<Void>> results = executor.invokeAll(List.of(migrate, migrate, migrate));
            for (Future<Void> result : results) {
                result.get();
            }
        }

        assertThat(jdbc().sql("select count(*) from vault.flyway_schema_history where success")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }
}

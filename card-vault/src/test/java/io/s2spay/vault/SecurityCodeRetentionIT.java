package io.s2spay.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The retention job on real PostgreSQL: security codes no completed authorization erased go after an hour. */
@SpringBootTest(classes = CardVaultIT.VaultTestApplication.class)
class SecurityCodeRetentionIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().register(registry, "vaultretention");
        registry.add("s2spay.vault.encryption-key", () -> CardVaultIT.TEST_KEY);
        registry.add("s2spay.vault.key-id", () -> "test-k1");
    }

    @Autowired
    CardVault vault;

    @Autowired
    ExpiredSecurityCodeEraser eraser;

    @Autowired
    CardVaultProperties properties;

    @Autowired
    ScheduledTaskHolder scheduler;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void keepsSecurityCodesAnHourAndRunsTheErasureByDefault() {
        assertThat(properties.securityCodeRetention()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.securityCodeErasure().enabled()).isTrue();
        assertThat(scheduler.getScheduledTasks())
                .as("the vault schedules its erasure itself, whether or not the application enables scheduling")
                .anySatisfy(task -> assertThat(task.toString()).contains(ExpiredSecurityCodeEraser.TASK));
    }

    @Test
    void erasesOnlySecurityCodesOlderThanTheRetentionAndKeepsTheRestOfTheCard() {
        VaultedCard expired = store("merchant-a", "4200000000000000", "123");
        VaultedCard recent = store("merchant-a", "5454545454545454", "456");
        storedAgo(expired, "1 hour 1 minute");
        storedAgo(recent, "59 minutes");

        eraser.erase();

        assertThat(vault.reveal("merchant-a", expired.vaultId()))
                .isEqualTo(new CardDetails("4200000000000000", "Jane Jones", 12, 2031, null));
        assertThat(vault.reveal("merchant-a", recent.vaultId()).cvv()).isEqualTo("456");
        Map<String, Object> row = jdbc().sql(
                        "select security_code_ciphertext, security_code_erased_at from vault.card where vault_id = ?")
                .param(expired.vaultId())
                .query()
                .singleRow();
        assertThat(row.get("security_code_ciphertext")).isNull();
        assertThat(row.get("security_code_erased_at")).isNotNull();
    }

    @Test
    void leavesTheErasureTimeOfAnAlreadyErasedCodeAlone() {
        VaultedCard card = store("merchant-b", "4200000000000000", "789");
        vault.eraseSecurityCode(card.vaultId());
        jdbc().sql("update vault.card set created_at = now() - interval '2 hours',"
                        + " security_code_erased_at = now() - interval '90 minutes' where vault_id = ?")
                .param(card.vaultId())
                .update();

        eraser.erase();

        assertThat(jdbc().sql("select now() - security_code_erased_at > interval '89 minutes' from vault.card"
                                + " where vault_id = ?")
                        .param(card.vaultId())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private VaultedCard store(String merchantId, String number, String cvv) {
        return transactions.execute(
                tx -> vault.store(merchantId, new CardDetails(number, "Jane Jones", 12, 2031, cvv)));
    }

    private void storedAgo(VaultedCard card, String age) {
        jdbc().sql("update vault.card set created_at = now() - cast(? as interval) where vault_id = ?")
                .param(age)
                .param(card.vaultId())
                .update();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}

package io.s2spay.vault;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Gives an application with a PostgreSQL DataSource and {@code s2spay.vault.encryption-key} a {@link CardVault}. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty("s2spay.vault.encryption-key")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(CardVaultProperties.class)
@EnableScheduling
public class CardVaultAutoConfiguration {

    @Bean
    VaultSchemaMigration vaultSchemaMigration(DataSource dataSource, CardVaultProperties properties) {
        VaultSchemaMigration migration = new VaultSchemaMigration(dataSource);
        if (properties.migrate()) {
            migration.migrate();
        }
        return migration;
    }

    @Bean
    @ConditionalOnProperty(name = "s2spay.vault.security-code-erasure.enabled", matchIfMissing = true)
    ExpiredSecurityCodeEraser expiredSecurityCodeEraser(
            DataSource dataSource, CardVaultProperties properties, VaultSchemaMigration migration) {
        return new ExpiredSecurityCodeEraser(
                dataSource,
                properties.securityCodeRetention(),
                properties.securityCodeErasure().interval());
    }

    @Bean
    @ConditionalOnMissingBean
    CardVault cardVault(DataSource dataSource, CardVaultProperties properties, VaultSchemaMigration migration) {
        return new JdbcCardVault(
                dataSource, new CardCipher(properties.keyId(), properties.encryptionKey(), properties.retiredKeys()));
    }
}

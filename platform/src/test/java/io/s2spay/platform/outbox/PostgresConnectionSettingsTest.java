package io.s2spay.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresConnectionSettingsTest {

    @Test
    void takesHostPortAndDatabaseFromTheJdbcUrl() {
        PostgresConnectionSettings settings = PostgresConnectionSettings.fromJdbc(
                "jdbc:postgresql://127.0.0.1:54329/s2spay?currentSchema=checkout", "s2spay", "secret");

        assertThat(settings)
                .isEqualTo(new PostgresConnectionSettings("127.0.0.1", 54329, "s2spay", "s2spay", "secret"));
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void defaultsThePortAndTakesTheFirstOfSeveralHosts() {
        PostgresConnectionSettings settings =
                PostgresConnectionSettings.fromJdbc("jdbc:postgresql://db-a,db-b:6432/payments", "u", null);

        assertThat(settings.host()).isEqualTo("db-a");
        assertThat(settings.port()).isEqualTo(5432);
        assertThat(settings.database()).isEqualTo("payments");
    }

    @Test
    void refusesANonPostgresqlUrl() {
        assertThatThrownBy(() -> PostgresConnectionSettings.fromJdbc("jdbc:h2:mem:x", "sa", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL");
    }
}

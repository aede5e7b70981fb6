package io.s2spay.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsAreOneStepOfTwoThousandAtSixteenAfterAJitWarmUpThenTheBaseline() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.payments()).isEqualTo(2000);
        assertThat(options.steps()).containsExactly(16);
        assertThat(options.concurrencyIgnored()).isFalse();
        assertThat(options.warmup()).isEqualTo(3000);
        assertThat(options.warmupConcurrency()).isEqualTo(16);
        assertThat(options.idleSeconds()).isEqualTo(10);
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:54329/s2spay");
        assertThat(options.jdbcUser()).isEqualTo("s2spay");
        assertThat(options.jdbcPassword()).isEqualTo("s2spay");
        assertThat(options.baselineClients()).isEqualTo(8);
        assertThat(options.baselineSeconds()).isEqualTo(10);
    }

    @Test
    void positionalArgumentsAreThePaymentsAndTheOneStepsConcurrency() {
        BenchmarkOptions options = BenchmarkOptions.parse("500", "4", "--warmup", "0", "--url", "http://host:9/");

        assertThat(options.payments()).isEqualTo(500);
        assertThat(options.steps()).containsExactly(4);
        assertThat(options.concurrencyIgnored()).isFalse();
        assertThat(options.warmup()).isZero();
        assertThat(options.baseUrl()).hasToString("http://host:9");
    }

    @Test
    void stepsAreTheConcurrenciesInOrderEachRunningThePositionalPayments() {
        BenchmarkOptions options = BenchmarkOptions.parse("200", "--steps", "1,4,16,64,128");

        assertThat(options.payments()).isEqualTo(200);
        assertThat(options.steps()).containsExactly(1, 4, 16, 64, 128);
        assertThat(options.concurrencyIgnored()).isFalse();
        // the warm-up runs at the largest step when it exceeds the JIT warm-up's 16
        assertThat(options.warmupConcurrency()).isEqualTo(128);
    }

    @Test
    void stepsReplaceAPositionalConcurrencyAndSaySo() {
        BenchmarkOptions options = BenchmarkOptions.parse("200", "4", "--warmup", "100", "--steps", "1, 4");

        assertThat(options.steps()).containsExactly(1, 4);
        assertThat(options.concurrencyIgnored()).isTrue();
        assertThat(options.warmupConcurrency()).isEqualTo(16);
    }

    @Test
    void namedOptionsOfTheIdleSampleAndTheBaseline() {
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--idle-seconds",
                "0",
                "--jdbc",
                "jdbc:postgresql://db:5432/x",
                "--jdbc-user",
                "u",
                "--jdbc-password",
                "p",
                "--baseline-clients",
                "2",
                "--baseline-seconds",
                "0");

        assertThat(options.idleSeconds()).isZero();
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/x");
        assertThat(options.jdbcUser()).isEqualTo("u");
        assertThat(options.jdbcPassword()).isEqualTo("p");
        assertThat(options.baselineClients()).isEqualTo(2);
        assertThat(options.baselineSeconds()).isZero();
    }

    @Test
    void badStepsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--steps", "1,,4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--steps")
                .hasMessageContaining("1,,4");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--steps", "1,four")).hasMessageContaining("--steps");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--steps", "4,0")).hasMessageContaining("--steps");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--steps", "-1")).hasMessageContaining("--steps");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--steps", "")).hasMessageContaining("--steps");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--steps")).hasMessage("--steps needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--steps", "--warmup", "5"))
                .hasMessage("--steps needs a value");
    }

    @Test
    void otherNonsenseIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("0")).hasMessageContaining("payments");
        assertThatThrownBy(() -> BenchmarkOptions.parse("10", "x")).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> BenchmarkOptions.parse("10", "0")).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> BenchmarkOptions.parse("1", "2", "3")).hasMessageContaining("at most");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast")).hasMessageContaining("--fast");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--warmup", "-1")).hasMessageContaining("--warmup");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--warmup", "lots")).hasMessageContaining("--warmup");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--idle-seconds", "-3")).hasMessageContaining("--idle-seconds");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--baseline-clients", "0"))
                .hasMessageContaining("--baseline-clients");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--baseline-seconds", "x"))
                .hasMessageContaining("--baseline-seconds");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--jdbc", "jdbc:mysql://db/x"))
                .hasMessageContaining("--jdbc");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--url", "not a url")).hasMessageContaining("--url");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--url", "localhost:8080"))
                .hasMessageContaining("--url");
    }

    @Test
    void theUsageNamesEveryOption() {
        assertThat(BenchmarkOptions.usage())
                .contains(
                        "--steps",
                        "--warmup",
                        "--url",
                        "--api-key",
                        "--idle-seconds",
                        "--jdbc ",
                        "--jdbc-user",
                        "--jdbc-password",
                        "--baseline-clients",
                        "--baseline-seconds");
    }
}

package io.s2spay.sandbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Amount strings by ISO 4217 exponent, OPP-shaped ids and the issuer simulation's scripted answers. */
class AmountsAndIdsTest {

    @Test
    void convertsAmountsWithExactlyTheCurrencysExponent() {
        assertThat(Amounts.toMinor("92.00", Currency.getInstance("EUR"))).contains(9200L);
        assertThat(Amounts.toMinor("500", Currency.getInstance("JPY"))).contains(500L);
        assertThat(Amounts.toMinor("1.500", Currency.getInstance("KWD"))).contains(1500L);
        assertThat(Amounts.toMinor("92", Currency.getInstance("EUR"))).isEmpty();
        assertThat(Amounts.toMinor("500.0", Currency.getInstance("JPY"))).isEmpty();
        assertThat(Amounts.format(9200, "EUR")).isEqualTo("92.00");
        assertThat(Amounts.format(500, "JPY")).isEqualTo("500");
        assertThat(Amounts.format(1500, "KWD")).isEqualTo("1.500");
        assertThat(Amounts.format(5, "EUR")).isEqualTo("0.05");
    }

    @Test
    void generatesUniqueIdsShapedLikeOpps() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = Ids.next();
            assertThat(Ids.isId(id)).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void scriptsBankDeclinesAndErrorsWithMagicAmounts() {
        assertThat(IssuerSimulator.scriptedByAmount(99_955)).contains("800.100.155");
        assertThat(IssuerSimulator.scriptedByAmount(99_983)).contains("900.100.300");
        assertThat(IssuerSimulator.scriptedByAmount(99_999)).contains("999.999.999");
        assertThat(IssuerSimulator.scriptedByAmount(99_980)).isEmpty();
        assertThat(IssuerSimulator.scriptedByAmount(9_200)).isEmpty();
    }

    @Test
    void classifiesResultCodesWithOppsPublishedPatterns() {
        assertThat(GatewayResultCodes.isSuccessful("000.100.110")).isTrue();
        assertThat(GatewayResultCodes.isSuccessful("000.400.000")).isTrue();
        assertThat(GatewayResultCodes.isSuccessful("000.600.000")).isTrue();
        assertThat(GatewayResultCodes.isSuccessful("000.200.000")).isFalse();
        assertThat(GatewayResultCodes.isPending("800.400.500")).isTrue();
        assertThat(GatewayResultCodes.isChargeback("000.100.220")).isTrue();
        assertThat(GatewayResultCodes.isValidation("100.100.101")).isTrue();
        assertThat(GatewayResultCodes.isValidation("700.400.100")).isTrue();
        assertThat(GatewayResultCodes.isValidation("800.100.151")).isFalse();
        assertThat(GatewayResultCodes.isValidation("100.380.401")).isFalse();
    }
}

package io.s2spay.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyAmountsTest {

    @ParameterizedTest
    @CsvSource({"92.00,EUR,9200", "0.01,EUR,1", "500,JPY,500", "1.250,KWD,1250", "1000000.00,USD,100000000"})
    void parsesAmountsWrittenWithTheCurrencysExponent(String amount, String currency, long minor) {
        assertThat(MoneyAmounts.parseMinorUnits(amount, currency)).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource({"9200,EUR,92.00", "1,EUR,0.01", "500,JPY,500", "1250,KWD,1.250", "0,EUR,0.00"})
    void formatsMinorUnitsForTheGateway(long minor, String currency, String amount) {
        assertThat(MoneyAmounts.format(minor, currency)).isEqualTo(amount);
    }

    @ParameterizedTest
    @CsvSource({
        "92.5,EUR,exactly 2 digits",
        "92,EUR,exactly 2 digits",
        "500.00,JPY,exactly 0 digits",
        "1.25,KWD,exactly 3 digits",
        "1e3,EUR,plain decimal",
        "-1.00,EUR,plain decimal",
        "+1.00,EUR,plain decimal",
        "' 1.00',EUR,plain decimal",
        "0.00,EUR,greater than zero",
        "01.00,EUR,leading zeros",
        "99999999999999.00,EUR,too large",
        "1.,EUR,plain decimal",
        ".50,EUR,plain decimal"
    })
    void refusesMalformedAmountsWithASpecificReason(String amount, String currency, String reason) {
        assertThatThrownBy(() -> MoneyAmounts.parseMinorUnits(amount, currency))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource({"EURO,three upper-case", "eur,three upper-case", "ABC,not an ISO 4217", "XAU,not a currency payments"})
    void refusesUnknownCurrencies(String currency, String reason) {
        assertThatThrownBy(() -> MoneyAmounts.parseMinorUnits("1.00", currency))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void knowsTheExponentsOfIso4217() {
        assertThat(MoneyAmounts.exponent("JPY")).isZero();
        assertThat(MoneyAmounts.exponent("EUR")).isEqualTo(2);
        assertThat(MoneyAmounts.exponent("KWD")).isEqualTo(3);
    }

    @Test
    void refusesToFormatNegativeAmounts() {
        assertThatThrownBy(() -> MoneyAmounts.format(-1, "EUR")).isInstanceOf(InvalidAmountException.class);
    }
}

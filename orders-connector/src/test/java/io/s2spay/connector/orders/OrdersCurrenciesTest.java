package io.s2spay.connector.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alpha ↔ numeric table agrees with ISO 4217 as the JDK knows it, both ways. */
class OrdersCurrenciesTest {

    @Test
    void mapsTheSeedsCurrenciesBothWays() {
        assertThat(OrdersCurrencies.numeric("SEK")).contains("752");
        assertThat(OrdersCurrencies.numeric("EUR")).contains("978");
        assertThat(OrdersCurrencies.alpha("578")).contains("NOK");
        assertThat(OrdersCurrencies.alpha("036")).contains("AUD");
    }

    @Test
    void everyEntryIsIso4217() {
        for (String alpha : List.of(
                "SEK", "EUR", "NOK", "DKK", "ISK", "GBP", "USD", "CHF", "PLN", "CZK", "HUF", "CAD", "AUD", "JPY")) {
            String numeric = OrdersCurrencies.numeric(alpha).orElseThrow();
            assertThat(numeric).as(alpha).isEqualTo(Currency.getInstance(alpha).getNumericCodeAsString());
            assertThat(OrdersCurrencies.alpha(numeric)).contains(alpha);
        }
    }

    @Test
    void knowsNothingElse() {
        assertThat(OrdersCurrencies.supports("XAF")).isFalse();
        assertThat(OrdersCurrencies.numeric(null)).isEmpty();
        assertThat(OrdersCurrencies.alpha("999")).isEmpty();
    }
}

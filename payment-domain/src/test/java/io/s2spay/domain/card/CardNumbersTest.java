package io.s2spay.domain.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"4200000000000000", "5454545454545454", "377777777777770", "4111111111111111"})
    void acceptsNumbersWithAValidCheckDigit(String pan) {
        assertThat(CardNumbers.isValid(pan)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4200000000000001",
                "5454545454545455",
                "12345",
                "42000000000000000000",
                "4200 0000 0000 0000",
                ""
            })
    void refusesNumbersFailingLuhnOrLength(String pan) {
        assertThat(CardNumbers.isValid(pan)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "4200000000000000,VISA",
        "5454545454545454,MASTER",
        "2221000000000009,MASTER",
        "377777777777770,AMEX",
        "6011000990139424,DISCOVER",
        "3530111333300000,JCB"
    })
    void recognisesTheBrand(String pan, String brand) {
        assertThat(CardNumbers.brandOf(pan)).contains(brand);
    }

    @Test
    void masksAllButBinAndLastFour() {
        assertThat(CardNumbers.mask("4200000000001234")).isEqualTo("420000******1234");
        assertThat(CardNumbers.bin("4200000000001234")).isEqualTo("420000");
        assertThat(CardNumbers.last4("4200000000001234")).isEqualTo("1234");
    }
}

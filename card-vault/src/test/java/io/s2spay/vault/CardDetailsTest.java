package io.s2spay.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardDetailsTest {

    @Test
    void toStringShowsOnlyTheMaskedNumber() {
        CardDetails card = new CardDetails("4200000000000000", "Jane Jones", 12, 2031, "123");

        assertThat(card.toString())
                .contains("420000******0000")
                .contains("12/2031")
                .doesNotContain("4200000000000000")
                .doesNotContain("Jane")
                .doesNotContain("123");
    }

    @Test
    void withoutSecurityCodeDropsOnlyTheCode() {
        CardDetails card = new CardDetails("5454545454545454", "Jane Jones", 1, 2030, "123");

        assertThat(card.withoutSecurityCode())
                .isEqualTo(new CardDetails("5454545454545454", "Jane Jones", 1, 2030, null));
    }
}

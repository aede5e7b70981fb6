package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.gateway.CardData;
import org.junit.jupiter.api.Test;

class OppCardDataTest {

    @Test
    void printsOnlyBinAndLastFourDigits() {
        CardData card = new CardData("5454545454545454", "Jane Jones", 12, 2031, "737");

        assertThat(card.toString()).isEqualTo("CardData[number=545454******5454, holder=***, expiry=12/2031, cvv=***]");
        assertThat(card.bin()).isEqualTo("545454");
        assertThat(card.last4()).isEqualTo("5454");
        // the request holding the card prints it masked too
        assertThat(new OppPaymentRequest(
                                OppPaymentType.PA, 100, "EUR", "MASTER", "m", card, false, null, null, null, null)
                        .toString())
                .doesNotContain("5454545454545454")
                .doesNotContain("737");
    }

    @Test
    void refusesCardDataThatIsNotDigits() {
        assertThatThrownBy(() -> new CardData("4200 0000 0000 0000", "J", 1, 2030, "123"))
                .hasMessage("card number must be 12 to 19 digits");
        assertThatThrownBy(() -> new CardData("4200000000000000", "J", 13, 2030, "123"))
                .hasMessageContaining("month");
        assertThatThrownBy(() -> new CardData("4200000000000000", "J", 1, 30, "123"))
                .hasMessageContaining("four digits");
        assertThatThrownBy(() -> new CardData("4200000000000000", "J", 1, 2030, "12a"))
                .hasMessageContaining("CVV");
    }
}

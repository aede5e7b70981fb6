package io.s2spay.sandbox;

import static io.s2spay.sandbox.OppClient.visaDebit;
import static io.s2spay.sandbox.OppClient.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.sandbox.OppClient.Reply;
import io.s2spay.sandbox.gateway.GatewayResultCodes;
import io.s2spay.sandbox.gateway.TestCard;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every documented test card, magic amount and forced result gives its outcome, from every result code family. */
class TestCardOutcomesIT {

    private static OppClient opp;

    @BeforeAll
    static void start() {
        opp = new OppClient(TestSandbox.shared());
    }

    @ParameterizedTest
    @EnumSource(TestCard.class)
    void answersEachTestCardWithItsDocumentedResult(TestCard card) {
        Map<String, String> request = with(
                visaDebit(),
                "paymentBrand",
                card.brand().name(),
                "card.number",
                card.number(),
                "card.cvv",
                "1234".substring(0, card.brand().cvvLength()),
                "shopperResultUrl",
                "https://shop.example/return");

        Reply reply = opp.pay(request);

        String expected = switch (card.behaviour()) {
            case APPROVE -> card.resultCode() != null ? card.resultCode() : "000.100.110";
            case THREE_DS_CHALLENGE -> "000.200.000";
            case DECLINE, UNCERTAIN -> card.resultCode();
        };
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(expected);
        assertThat(reply.json().path("result").path("description").asString())
                .isEqualTo(GatewayResultCodes.describe(expected));
        assertThat(reply.json().has("redirect")).isEqualTo(card.behaviour() == TestCard.Behaviour.THREE_DS_CHALLENGE);
        // the acquirer's late answer may already have turned an uncertain payment into a success
        assertThat(opp.query(reply.id()).code())
                .isIn(expected, card.behaviour() == TestCard.Behaviour.UNCERTAIN ? "000.600.000" : expected);
    }

    @ParameterizedTest
    @CsvSource({
        "999.51, 800.100.151",
        "999.55, 800.100.155",
        "999.62, 800.100.162",
        "999.71, 800.100.171",
        "999.79, 800.100.179",
        "999.83, 900.100.300",
        "999.86, 900.100.600",
        "999.98, 800.800.800",
        "999.99, 999.999.999",
        "999.50, 000.100.110"
    })
    void scriptsOutcomesWithMagicAmountsOnAnyCard(String amount, String code) {
        assertThat(opp.pay(with(visaDebit(), "amount", amount)).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
        "000.400.100, 200", // successful, needing review
        "000.100.112, 200", // successful in connector test mode
        "800.400.200, 200", // 3-D Secure rejection
        "100.380.401, 200", // 3-D Secure rejection (authentication failed)
        "100.400.142, 200", // external risk rejection
        "800.100.170, 200", // bank decline
        "800.100.500, 200", // bank decline (recurring stopped)
        "800.300.101, 200", // blacklist
        "800.110.100, 200", // risk validation (duplicate transaction)
        "900.100.100, 200", // communication error
        "900.100.400, 200", // communication error (timeout at acquirer)
        "800.500.100, 200", // system error
        "600.100.100, 200", // system error
        "100.396.102, 200", // asynchronous workflow error
        "100.100.101, 400", // validation: account
        "200.300.404, 400", // validation: format
        "700.100.100, 400", // validation: reference
        "100.550.300, 400"
    }) // validation: amount
    void forcesAnyCatalogueCodeThroughTheCardHolder(String code, int status) {
        Reply reply = opp.pay(with(visaDebit(), "card.holder", "RESULT " + code));

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().has("id")).isEqualTo(status == 200);
    }
}

package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OppResponsesTest {

    @Test
    void readsAPendingThreeDSecurePaymentWithItsRedirect() {
        String json = """
                {"id":"8ac7a4a279a3ae7c0179a3b1c2d3e4f5","paymentType":"PA","paymentBrand":"VISA","amount":"1.250",
                 "currency":"KWD","descriptor":"1234.5678.9876 MAC_Channel","merchantTransactionId":"order-9",
                 "result":{"code":"000.200.000","description":"transaction pending"},
                 "card":{"bin":"401200","last4Digits":"0026","holder":"Jane Jones","expiryMonth":"05","expiryYear":"2034"},
                 "redirect":{"url":"https://sandbox.example/threeds/challenge","parameters":[
                    {"name":"TermUrl","value":"https://sandbox.example/threeds/return"},{"name":"PaReq","value":"abc=="}]},
                 "buildNumber":"b1","timestamp":"2026-11-21 08:35:11.123+0000","ndc":"8a82..._abc"}""";

        OppTransaction transaction = OppResponses.transaction(OppResponses.parse(json), null);

        assertThat(transaction.outcome()).isEqualTo(OppOutcome.PENDING);
        assertThat(transaction.category()).isEqualTo(ResultCategory.PENDING);
        assertThat(transaction.requiresRedirect()).isTrue();
        assertThat(transaction.amountMinor()).isEqualTo(1250L);
        assertThat(transaction.type()).isEqualTo(OppPaymentType.PA);
        assertThat(transaction.card()).isEqualTo(new OppCardSummary("401200", "0026", "Jane Jones", 5, 2034, "VISA"));
        assertThat(transaction.redirect().method()).isEqualTo("POST");
        assertThat(transaction.redirect().url()).isEqualTo("https://sandbox.example/threeds/challenge");
        assertThat(transaction.redirect().parameter("PaReq")).isEqualTo("abc==");
        assertThat(transaction.timestamp()).isEqualTo(Instant.parse("2026-11-21T08:35:11.123Z"));
        assertThat(transaction.failureReason()).isNull();
    }

    @Test
    void readsTimestampsWithAndWithoutFractions() {
        assertThat(OppResponses.timestamp("2026-11-21 08:35:11+0000")).isEqualTo(Instant.parse("2026-11-21T08:35:11Z"));
        assertThat(OppResponses.timestamp("2026-11-21 10:35:11+0200")).isEqualTo(Instant.parse("2026-11-21T08:35:11Z"));
        assertThat(OppResponses.timestamp("2026-11-21T08:35:11Z")).isEqualTo(Instant.parse("2026-11-21T08:35:11Z"));
        assertThat(OppResponses.timestamp("yesterday")).isNull();
    }

    @Test
    void leavesAnAmountThatDoesNotFitItsCurrencyUnread() {
        String json = """
                {"id":"a1","paymentType":"DB","amount":"92.0","currency":"EUR","result":{"code":"000.000.000"}}""";

        assertThat(OppResponses.transaction(OppResponses.parse(json), null).amountMinor())
                .isNull();
    }

    @Test
    void readsTheTransactionsOfAQueryAnswer() {
        String json = """
                {"result":{"code":"000.000.100","description":"successful request"},"payments":[
                  {"id":"a1","paymentType":"DB","amount":"10.00","currency":"EUR","merchantTransactionId":"m-1",
                   "result":{"code":"000.100.110"},"timestamp":"2026-11-21 08:00:00+0000"},
                  {"id":"a2","paymentType":"DB","amount":"10.00","currency":"EUR","merchantTransactionId":"m-1",
                   "result":{"code":"800.110.100","description":"duplicate transaction"},"timestamp":"2026-11-21 08:00:05+0000"}]}""";

        List<OppTransaction> held = OppResponses.transactions(OppResponses.parse(json), "m-1");

        assertThat(held).extracting(OppTransaction::gatewayTransactionId).containsExactly("a1", "a2");
        // the later refusal of a duplicate does not hide the charge that happened first
        assertThat(OppResponses.mostSignificant(held).gatewayTransactionId()).isEqualTo("a1");
    }

    @Test
    void prefersTheLatestAmongEquallySignificantTransactions() {
        String json = """
                {"result":{"code":"000.000.100"},"payments":[
                  {"id":"a1","paymentType":"DB","merchantTransactionId":"m","result":{"code":"800.100.151"},"timestamp":"2026-11-21 08:00:00+0000"},
                  {"id":"a2","paymentType":"DB","merchantTransactionId":"m","result":{"code":"800.100.152"},"timestamp":"2026-11-21 09:00:00+0000"}]}""";

        assertThat(OppResponses.mostSignificant(OppResponses.transactions(OppResponses.parse(json), "m"))
                        .gatewayTransactionId())
                .isEqualTo("a2");
    }

    @Test
    void refusesDocumentsThatAreNotJsonObjects() {
        assertThat(OppResponses.parse("<html>Bad gateway</html>")).isNull();
        assertThat(OppResponses.parse("[1,2]")).isNull();
        assertThat(OppResponses.parse("")).isNull();
    }

    @Test
    void explainsAnUnclassifiedCode() {
        OppTransaction transaction = OppResponses.transaction(OppResponses.parse("""
                {"id":"x","result":{"code":"000.500.000","description":"?"}}"""), null);

        assertThat(transaction.outcome()).isEqualTo(OppOutcome.UNKNOWN);
        assertThat(transaction.failureReason()).contains("000.500.000");
    }
}

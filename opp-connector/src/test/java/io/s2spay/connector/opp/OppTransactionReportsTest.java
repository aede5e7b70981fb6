package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.event.TransactionReports;
import io.s2spay.schema.internal.OppTransactionReported;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OppTransactionReportsTest {

    private static final OppGateway OPP = new OppGateway(
            new OppGatewayClient(OppGatewayClientTest.properties(9)),
            new OppNotificationDecoders(OppGatewayClientTest.properties(9)));

    private static final Instant NOW = Instant.parse("2026-11-21T08:35:11.123456Z");

    private static OppTransaction chargeback(Long amountMinor) {
        return new OppTransaction(
                OppOutcome.SUCCEEDED,
                ResultCategory.CHARGEBACK,
                "cb-id",
                "CB",
                "000.100.220",
                "Chargeback",
                amountMinor,
                "EUR",
                null,
                null,
                null,
                null,
                Instant.parse("2026-11-21T08:35:10Z"),
                null,
                "VISA",
                "db-id",
                null);
    }

    private static OppTransaction debit() {
        return new OppTransaction(
                OppOutcome.SUCCEEDED,
                ResultCategory.SUCCESSFUL,
                "db-id",
                "DB",
                "000.100.110",
                "ok",
                9_200L,
                "EUR",
                "order-1",
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void carriesTheConfirmedTransactionAndItsPaymentAndReadsBackAsTheSameTransaction() {
        OppTransactionReported report = TransactionReports.of(
                "merchant-demo", OppAnswers.toPort(chargeback(9_200L)), OppAnswers.toPort(debit()), NOW);
        GatewayTransaction read = TransactionReports.transaction(report, OPP);

        assertThat(report.getMerchantId()).isEqualTo("merchant-demo");
        assertThat(report.getReportedAt()).isEqualTo(Instant.parse("2026-11-21T08:35:11.123Z"));
        assertThat(report.getPaymentGatewayTransactionId()).isEqualTo("db-id");
        assertThat(report.getPaymentMerchantTransactionId()).isEqualTo("order-1");
        assertThat(TransactionReports.key(report)).isEqualTo("db-id");
        assertThat(read.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(read.evidence()).isEqualTo(Evidence.ANSWER);
        assertThat(read.category()).isEqualTo("CHARGEBACK");
        assertThat(read.type()).isEqualTo(TransactionType.CB);
        assertThat(read.gatewayTransactionId()).isEqualTo("cb-id");
        assertThat(read.amountMinor()).isEqualTo(9_200L);
        assertThat(read.currency()).isEqualTo("EUR");
        assertThat(read.referencedId()).isEqualTo("db-id");
        assertThat(read.merchantTransactionId()).isNull();
        assertThat(read.timestamp()).isEqualTo(Instant.parse("2026-11-21T08:35:10Z"));
    }

    @Test
    void isKeyedByTheReferencedTransactionWhenThePaymentIsNotKnown() {
        OppTransactionReported report =
                TransactionReports.of("merchant-demo", OppAnswers.toPort(chargeback(100L)), null, NOW);

        assertThat(report.getPaymentGatewayTransactionId()).isNull();
        assertThat(TransactionReports.key(report)).isEqualTo("db-id");
    }

    @Test
    void refusesAnAnswerWithoutAmount() {
        assertThatThrownBy(() -> TransactionReports.of(
                        "merchant-demo", OppAnswers.toPort(chargeback(null)), OppAnswers.toPort(debit()), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cb-id");
    }
}

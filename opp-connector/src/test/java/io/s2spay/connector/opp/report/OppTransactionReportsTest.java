package io.s2spay.connector.opp.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.connector.opp.ResultCategory;
import io.s2spay.schema.internal.OppTransactionReported;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OppTransactionReportsTest {

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
        OppTransactionReported report = OppTransactionReports.of("merchant-demo", chargeback(9_200L), debit(), NOW);
        OppTransaction read = OppTransactionReports.transaction(report);

        assertThat(report.getMerchantId()).isEqualTo("merchant-demo");
        assertThat(report.getReportedAt()).isEqualTo(Instant.parse("2026-11-21T08:35:11.123Z"));
        assertThat(report.getPaymentGatewayTransactionId()).isEqualTo("db-id");
        assertThat(report.getPaymentMerchantTransactionId()).isEqualTo("order-1");
        assertThat(OppTransactionReports.key(report)).isEqualTo("db-id");
        assertThat(read.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(read.category()).isEqualTo(ResultCategory.CHARGEBACK);
        assertThat(read.type()).isEqualTo(OppPaymentType.CB);
        assertThat(read.gatewayTransactionId()).isEqualTo("cb-id");
        assertThat(read.amountMinor()).isEqualTo(9_200L);
        assertThat(read.currency()).isEqualTo("EUR");
        assertThat(read.referencedId()).isEqualTo("db-id");
        assertThat(read.merchantTransactionId()).isNull();
        assertThat(read.timestamp()).isEqualTo(Instant.parse("2026-11-21T08:35:10Z"));
    }

    @Test
    void isKeyedByTheReferencedTransactionWhenThePaymentIsNotKnown() {
        OppTransactionReported report = OppTransactionReports.of("merchant-demo", chargeback(100L), null, NOW);

        assertThat(report.getPaymentGatewayTransactionId()).isNull();
        assertThat(OppTransactionReports.key(report)).isEqualTo("db-id");
    }

    @Test
    void refusesAnAnswerWithoutAmount() {
        assertThatThrownBy(() -> OppTransactionReports.of("merchant-demo", chargeback(null), debit(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cb-id");
    }
}

package io.s2spay.connector.opp;

import static io.s2spay.connector.opp.SandboxGateway.MERCHANT;
import static io.s2spay.connector.opp.SandboxGateway.newMerchantTransactionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.s2spay.gateway.CardData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The rate-limited status endpoint, the unlimited query endpoint, and what the connector writes to the log. */
@ExtendWith(OutputCaptureExtension.class)
class StatusAndQueryIT {

    static SandboxGateway gateway;
    static OppGatewayClient client;

    @BeforeAll
    static void connect() {
        gateway = SandboxGateway.shared();
        client = gateway.client(gateway.properties(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void answersTheThirdStatusRequestWithinAMinuteAsRateLimitedButQueriesWithoutLimit() {
        OppTransaction paid = client.submitPayment(MERCHANT, FaultsIT.debit(newMerchantTransactionId("status")));
        String resourcePath = "/v1/payments/" + paid.gatewayTransactionId();

        OppTransaction first = client.paymentStatus(MERCHANT, resourcePath);
        OppTransaction second = client.paymentStatus(MERCHANT, paid.gatewayTransactionId());
        OppTransaction third = client.paymentStatus(MERCHANT, resourcePath);

        assertThat(first.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(second.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(third.outcome()).isEqualTo(OppOutcome.UNKNOWN);
        assertThat(third.category()).isEqualTo(ResultCategory.RATE_LIMITED);
        assertThat(third.failureReason()).contains("429").contains("800.120.100");
        for (int i = 0; i < 10; i++) {
            assertThat(client.queryById(MERCHANT, paid.gatewayTransactionId()).outcome())
                    .isEqualTo(OppOutcome.SUCCEEDED);
            assertThat(client.resolve(MERCHANT, paid.merchantTransactionId()).outcome())
                    .isEqualTo(OppOutcome.SUCCEEDED);
        }
        assertThat(client.circuitBreaker().getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    @Test
    void refusesAResourcePathThatIsNotAPaymentBeforeSendingAnything() {
        long calls = client.circuitBreaker().getMetrics().getNumberOfBufferedCalls();

        assertThatThrownBy(() -> client.paymentStatus(MERCHANT, "https://evil.example/v1/payments/abc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.paymentStatus(MERCHANT, "/v1/payments/abc/../../sandbox/ledger"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(client.circuitBreaker().getMetrics().getNumberOfBufferedCalls())
                .isEqualTo(calls);
    }

    @Test
    void distinguishesTheInitialPaymentFromOperationsCarryingTheSameMerchantTransactionId() {
        String mtid = newMerchantTransactionId("shared");
        OppTransaction pa = client.submitPayment(
                MERCHANT,
                new OppPaymentRequest(
                        OppPaymentType.PA,
                        3000,
                        "EUR",
                        "VISA",
                        mtid,
                        PaymentFlowsIT.VISA,
                        false,
                        null,
                        null,
                        null,
                        null));
        // OPP accepts a capture carrying its authorization's merchantTransactionId
        OppTransaction cp = client.submitBackOffice(
                MERCHANT, pa.gatewayTransactionId(), OppBackOfficeRequest.of(OppPaymentType.CP, 3000, "EUR", mtid));

        List<OppTransaction> all = client.queryAllByMerchantTransactionId(MERCHANT, mtid);

        assertThat(all)
                .extracting(OppTransaction::gatewayTransactionId)
                .containsExactlyInAnyOrder(pa.gatewayTransactionId(), cp.gatewayTransactionId());
        assertThat(client.resolve(MERCHANT, mtid).gatewayTransactionId()).isEqualTo(pa.gatewayTransactionId());
        assertThat(client.resolve(MERCHANT, mtid, OppPaymentType.CP).gatewayTransactionId())
                .isEqualTo(cp.gatewayTransactionId());
        assertThat(client.resolve(MERCHANT, mtid, OppPaymentType.RF).category()).isEqualTo(ResultCategory.NOT_RECEIVED);
    }

    @Test
    void reportsAnUnknownMerchantTransactionIdAsNeverReceived() {
        String mtid = newMerchantTransactionId("never-sent");

        OppTransaction resolved = client.resolve(MERCHANT, mtid);

        assertThat(resolved.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(resolved.category()).isEqualTo(ResultCategory.NOT_RECEIVED);
        assertThat(resolved.safeToResend()).isTrue();
        assertThat(resolved.resultCode()).isEqualTo("700.400.580");
        assertThat(client.queryAllByMerchantTransactionId(MERCHANT, mtid)).isEmpty();
        assertThat(client.queryByMerchantTransactionId(MERCHANT, mtid).category())
                .isEqualTo(ResultCategory.NOT_RECEIVED);
    }

    @Test
    void neverLogsCardNumbersOrCvvEvenAtDebugLevel(CapturedOutput output) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.s2spay.connector.opp");
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            CardData card = new CardData("5454545454545454", "Jane Jones", 3, 2031, "987");
            OppTransaction paid = client.submitPayment(
                    MERCHANT,
                    new OppPaymentRequest(
                            OppPaymentType.DB,
                            1500,
                            "EUR",
                            "MASTER",
                            newMerchantTransactionId("logs"),
                            card,
                            false,
                            null,
                            null,
                            null,
                            null));
            gateway.failNextRequest("lost-response");
            client.submitPaymentSafely(
                    MERCHANT,
                    new OppPaymentRequest(
                            OppPaymentType.DB,
                            1500,
                            "EUR",
                            "MASTER",
                            newMerchantTransactionId("logs"),
                            card,
                            false,
                            null,
                            null,
                            null,
                            null));

            assertThat(paid.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
            assertThat(output.getAll())
                    .contains("card=545454...5454")
                    .contains("card.number=***")
                    .doesNotContain("5454545454545454")
                    .doesNotContain("cvv=987");
        } finally {
            logger.setLevel(level);
        }
    }
}

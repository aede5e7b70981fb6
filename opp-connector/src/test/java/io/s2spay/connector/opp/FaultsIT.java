package io.s2spay.connector.opp;

import static io.s2spay.connector.opp.SandboxGateway.MERCHANT;
import static io.s2spay.connector.opp.SandboxGateway.newMerchantTransactionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.CredentialOnFile;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fault between the connector and the gateway (latency beyond the read timeout, a gateway that never answers,
 * 5xx, connection reset, a charge whose response is lost) against the sandbox: each is UNKNOWN, never DECLINED, and
 * is resolved through the query endpoint before anything is sent again, so the ledger never shows a second charge.
 */
class FaultsIT {

    static SandboxGateway gateway;
    static OppGatewayClient client;

    @BeforeAll
    static void connect() {
        gateway = SandboxGateway.shared();
        // the faults here are injected on purpose: this client's circuit must not open (its own test below)
        client = gateway.client(gateway.properties(Duration.ofSeconds(1))
                .withCircuitBreaker(new CircuitBreakerSettings(100, 100, 100, null, null)));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void reportsALatencyBeyondTheReadTimeoutAsUnknownThenFindsTheChargeMadeAfterAll() {
        String mtid = newMerchantTransactionId("latency");
        gateway.failNextRequest("latency=2000");

        OppTransaction result = client.submitPayment(MERCHANT, debit(mtid));

        assertThat(result.outcome()).isEqualTo(OppOutcome.UNKNOWN);
        assertThat(result.category()).isEqualTo(ResultCategory.NO_RESPONSE);
        assertThat(result.failureReason()).contains("timeout");
        assertThat(result.safeToResend()).isFalse();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(client.resolve(MERCHANT, mtid).outcome()).isEqualTo(OppOutcome.SUCCEEDED));
        assertThat(gateway.charges(mtid)).isEqualTo(1);
    }

    @Test
    void resendsAfterATimeoutWhenTheGatewayHasNotReceivedItAndStillChargesOnce() {
        String mtid = newMerchantTransactionId("latency-safe");
        // the first attempt is answered late: the query finds nothing yet, the resend is charged, and the late
        // first attempt is then refused by the gateway's duplicate check
        gateway.failNextRequest("latency=2500");

        OppTransaction result = client.submitPaymentSafely(MERCHANT, debit(mtid));

        assertThat(result.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(result.merchantTransactionId()).isEqualTo(mtid);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> gateway.charges(mtid) == 1);
    }

    @Test
    void reportsAGatewayThatNeverAnswersAsUnknownAndFindsNothingCharged() {
        String mtid = newMerchantTransactionId("timeout");
        gateway.failNextRequest("timeout");

        OppTransaction result = client.submitPayment(MERCHANT, debit(mtid));
        OppTransaction resolved = client.resolve(MERCHANT, mtid);

        assertThat(result.outcome()).isEqualTo(OppOutcome.UNKNOWN);
        assertThat(result.failureReason()).contains("timeout");
        assertThat(resolved.outcome()).isEqualTo(OppOutcome.FAILED);
        assertThat(resolved.category()).isEqualTo(ResultCategory.NOT_RECEIVED);
        assertThat(resolved.safeToResend()).isTrue();
        assertThat(gateway.charges(mtid)).isZero();
    }

    @Test
    void reportsHttp500And503AsUnknownNeverAsDeclined() {
        for (String fault : new String[] {"http500", "http503"}) {
            String mtid = newMerchantTransactionId(fault);
            gateway.failNextRequest(fault);

            OppTransaction result = client.submitPayment(MERCHANT, debit(mtid));

            assertThat(result.outcome()).isEqualTo(OppOutcome.UNKNOWN);
            assertThat(result.category()).isEqualTo(ResultCategory.GATEWAY_HTTP_ERROR);
            assertThat(result.failureReason()).contains("HTTP " + fault.substring(4));
            assertThat(client.resolve(MERCHANT, mtid).category()).isEqualTo(ResultCategory.NOT_RECEIVED);
            assertThat(gateway.charges(mtid)).isZero();
        }
    }

    @Test
    void reportsAConnectionResetAsUnknownAndResendsSafely() {
        String mtid = newMerchantTransactionId("reset");
        gateway.failNextRequest("reset");
        OppTransaction result = client.submitPayment(MERCHANT, debit(mtid));

        assertThat(result.outcome()).isEqualTo(OppOutcome.UNKNOWN);
        assertThat(result.category()).isEqualTo(ResultCategory.NO_RESPONSE);
        assertThat(result.failureReason()).contains("connection failed after the request was sent");

        String safeMtid = newMerchantTransactionId("reset-safe");
        gateway.failNextRequest("reset");
        OppTransaction safe = client.submitPaymentSafely(MERCHANT, debit(safeMtid));

        assertThat(safe.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(gateway.charges(mtid)).isZero();
        assertThat(gateway.charges(safeMtid)).isEqualTo(1);
    }

    @Test
    void findsTheChargeWhoseResponseWasLostAndNeverChargesAgain() {
        String mtid = newMerchantTransactionId("lost");
        gateway.failNextRequest("lost-response");

        OppTransaction lost = client.submitPayment(MERCHANT, debit(mtid));
        assertThat(lost.outcome()).isEqualTo(OppOutcome.UNKNOWN);
        assertThat(lost.category()).isEqualTo(ResultCategory.NO_RESPONSE);
        assertThat(gateway.charges(mtid))
                .as("charged although the response was lost")
                .isEqualTo(1);

        OppTransaction resolved = client.resolve(MERCHANT, mtid);
        assertThat(resolved.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(resolved.gatewayTransactionId()).isNotNull();

        // a redelivered command sends the same attempt again: the gateway refuses the duplicate and the connector
        // answers with the charge it already made
        OppTransaction again = client.submitPayment(MERCHANT, debit(mtid));
        assertThat(again.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(again.gatewayTransactionId()).isEqualTo(resolved.gatewayTransactionId());
        assertThat(gateway.charges(mtid)).isEqualTo(1);
    }

    @Test
    void resolvesALostResponseWithoutResendingIt() {
        String mtid = newMerchantTransactionId("lost-safe");
        gateway.failNextRequest("lost-response");

        OppTransaction result = client.submitPaymentSafely(MERCHANT, debit(mtid));

        assertThat(result.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(result.amountMinor()).isEqualTo(4200L);
        assertThat(gateway.charges(mtid)).isEqualTo(1);
        assertThat(gateway.ledger(gateway.entityId(), mtid)).hasSize(1);
    }

    @Test
    void resolvesALostBackOfficeResponseWithoutCapturingTwice() {
        String mtid = newMerchantTransactionId("lost-cp");
        OppTransaction pa = client.submitPayment(
                MERCHANT,
                new OppPaymentRequest(
                        OppPaymentType.PA,
                        7000,
                        "EUR",
                        "VISA",
                        mtid,
                        PaymentFlowsIT.VISA,
                        false,
                        null,
                        null,
                        null,
                        null));
        gateway.failNextRequest("lost-response");

        OppTransaction capture = client.submitBackOfficeSafely(
                MERCHANT,
                pa.gatewayTransactionId(),
                OppBackOfficeRequest.of(OppPaymentType.CP, 7000, "EUR", mtid + "-cp"));

        assertThat(capture.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(capture.type()).isEqualTo(OppPaymentType.CP);
        assertThat(capture.referencedId()).isEqualTo(pa.gatewayTransactionId());
        assertThat(gateway.ledger(gateway.entityId(), mtid).stream()
                        .filter(tx -> "CP".equals(tx.path("paymentType").asString())))
                .hasSize(1);
    }

    @Test
    void resolvesALostRegistrationPaymentWithoutChargingTwice() {
        OppTransaction stored = client.submitPayment(
                MERCHANT,
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        100,
                        "EUR",
                        "VISA",
                        newMerchantTransactionId("cit"),
                        PaymentFlowsIT.VISA,
                        true,
                        CredentialOnFile.initialCit(CredentialOnFile.Type.UNSCHEDULED),
                        null,
                        null,
                        null));
        String mtid = newMerchantTransactionId("mit-lost");
        gateway.failNextRequest("lost-response");

        OppTransaction result = client.submitRegistrationPaymentSafely(
                MERCHANT,
                stored.registrationId(),
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        2500,
                        "EUR",
                        null,
                        mtid,
                        null,
                        false,
                        CredentialOnFile.repeatedMit(CredentialOnFile.Type.UNSCHEDULED, stored.initialTransactionId()),
                        null,
                        null,
                        null));

        assertThat(result.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(result.registrationId()).isEqualTo(stored.registrationId());
        assertThat(gateway.charges(mtid)).isEqualTo(1);
    }

    @Test
    void opensTheCircuitAfterRepeated5xxAndThenSendsNothing() {
        OppProperties properties = gateway.properties(Duration.ofSeconds(1))
                .withCircuitBreaker(new CircuitBreakerSettings(50, 3, 3, Duration.ofMinutes(1), 1));
        try (OppGatewayClient guarded = gateway.client(properties)) {
            for (int i = 0; i < 3; i++) {
                gateway.failNextRequest("http503");
                assertThat(guarded.submitPayment(MERCHANT, debit(newMerchantTransactionId("cb")))
                                .outcome())
                        .isEqualTo(OppOutcome.UNKNOWN);
            }
            assertThat(guarded.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

            String mtid = newMerchantTransactionId("cb-open");
            OppTransaction refused = guarded.submitPayment(MERCHANT, debit(mtid));

            assertThat(refused.outcome()).isEqualTo(OppOutcome.FAILED);
            assertThat(refused.category()).isEqualTo(ResultCategory.NOT_SENT);
            assertThat(client.resolve(MERCHANT, mtid).category()).isEqualTo(ResultCategory.NOT_RECEIVED);
        }
    }

    @Test
    void declinesAreNotFailuresForTheCircuitBreaker() {
        OppProperties properties = gateway.properties(Duration.ofSeconds(1))
                .withCircuitBreaker(new CircuitBreakerSettings(50, 3, 3, Duration.ofMinutes(1), 1));
        try (OppGatewayClient guarded = gateway.client(properties)) {
            for (int i = 0; i < 4; i++) {
                assertThat(guarded.submitPayment(
                                        MERCHANT,
                                        PaymentFlowsIT.card(
                                                OppPaymentType.DB,
                                                1000,
                                                "EUR",
                                                "VISA",
                                                newMerchantTransactionId("decline"),
                                                new CardData("4000000000000002", "Jane", 12, 2034, "123")))
                                .outcome())
                        .isEqualTo(OppOutcome.DECLINED);
            }

            assertThat(guarded.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(guarded.circuitBreaker().getMetrics().getNumberOfFailedCalls())
                    .isZero();
        }
    }

    static OppPaymentRequest debit(String mtid) {
        return PaymentFlowsIT.card(OppPaymentType.DB, 4200, "EUR", "VISA", mtid, PaymentFlowsIT.VISA);
    }
}

package io.s2spay.connector.orders;

import static io.s2spay.connector.orders.OrdersSandbox.ACCOUNT;
import static io.s2spay.connector.orders.OrdersSandbox.debit;
import static io.s2spay.connector.orders.OrdersSandbox.reference;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fault of the sandbox between the connector and the orders API: each ends in the real outcome with exactly
 * one charge in the sandbox's ledger — an answer lost after the charge is resolved through the order's status, a
 * request that never reached the API is sent again — or in UNKNOWN while the API stays unreachable, NOT_SENT when
 * nothing was sent.
 */
class OrdersFaultsIT {

    private static OrdersSandbox sandbox;
    private static OrdersGateway gateway;

    @BeforeAll
    static void start() {
        sandbox = OrdersSandbox.shared();
        gateway = sandbox.gateway();
    }

    @AfterEach
    void clear() {
        sandbox.clearFaults();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static GatewayTransaction pay(String reference) {
        return gateway.submitInitial(ACCOUNT, debit(reference, 1000, "SEK", "4200000000000000", false));
    }

    private static void assertChargedOnce(String reference, GatewayTransaction answer) {
        assertThat(answer.outcome()).as(answer.summary()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(answer.evidence()).isEqualTo(Evidence.ANSWER);
        assertThat(answer.merchantTransactionId()).isEqualTo(reference);
        assertThat(sandbox.ledger(reference).path("counts").path("payments").asInt())
                .isEqualTo(1);
        assertThat(sandbox.ledger(reference)
                        .path("payments")
                        .get(0)
                        .path("orderId")
                        .asString())
                .isEqualTo(answer.gatewayTransactionId());
    }

    @Test
    void aLostPaymentAnswerIsResolvedWithoutASecondCharge() {
        String reference = reference();
        sandbox.failNext("POST", "/payments", "lost-response", 1);

        assertChargedOnce(reference, pay(reference));
    }

    @Test
    void aLostOrderAnswerIsFoundByItsReference() {
        String reference = reference();
        sandbox.failNext("POST", "/orders", "lost-response", 1);

        assertChargedOnce(reference, pay(reference));
    }

    @Test
    void theMagicAmountLosesBothAnswersAndStillChargesOnce() {
        String reference = reference();
        GatewayTransaction answer =
                gateway.submitInitial(ACCOUNT, debit(reference, 99901, "SEK", "4200000000000000", false));

        assertChargedOnce(reference, answer);
        assertThat(answer.amountMinor()).isEqualTo(99901);
    }

    @Test
    void http500And503BeforeProcessingAreSentAgain() {
        String payment500 = reference();
        sandbox.failNext("POST", "/payments", "http500", 1);
        assertChargedOnce(payment500, pay(payment500));

        String order503 = reference();
        sandbox.failNext("POST", "/orders", "http503", 1);
        assertChargedOnce(order503, pay(order503));
    }

    @Test
    void aResetConnectionIsResolvedThenSentAgain() {
        String reference = reference();
        sandbox.failNext("POST", "/payments", "reset", 1);

        assertChargedOnce(reference, pay(reference));
    }

    @Test
    void aTimeoutIsUnknownUntilTheStatusShowsNothingWasCharged() {
        // the sandbox holds the request 3 s without processing it; the connector reads for 1 s
        String reference = reference();
        sandbox.failNext("POST", "/payments", "timeout", 1);

        assertChargedOnce(reference, pay(reference));
    }

    @Test
    void latencyBeyondTheReadTimeoutNeverChargesTwice() {
        // processed after 2.5 s, long after the connector gave up waiting and paid again: the order is paid once
        String reference = reference();
        sandbox.failNext("POST", "/payments", "latency=2500", 1);

        GatewayTransaction answer = pay(reference);

        assertChargedOnce(reference, answer);
        org.awaitility.Awaitility.await()
                .pollDelay(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sandbox.ledger(reference)
                                .path("counts")
                                .path("payments")
                                .asInt())
                        .isEqualTo(1));
    }

    @Test
    void latencyWithinTheReadTimeoutIsJustSlow() {
        String reference = reference();
        sandbox.failNext("POST", "/payments", "latency=300", 1);

        assertChargedOnce(reference, pay(reference));
    }

    @Test
    void aLostRefundAnswerIsResolvedThroughTheOrdersRefunds() {
        String reference = reference();
        GatewayTransaction paid = pay(reference);
        sandbox.failNext("POST", "/refunds", "lost-response", 1);

        GatewayTransaction refund = gateway.submitFollowUp(
                ACCOUNT,
                new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 400L, "SEK", reference()));

        assertThat(refund.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(refund.amountMinor()).isEqualTo(400);
        assertThat(sandbox.ledger(reference).path("counts").path("refunds").asInt())
                .isEqualTo(1);
    }

    @Test
    void anApiUnreachableThroughEveryLookUpStaysUnknownAndIsResolvedLater() {
        String reference = reference();
        sandbox.failNext("POST", "/orders", "http503", 1);
        sandbox.failNext("GET", "/orders", "http503", 100);

        GatewayTransaction answer = pay(reference);

        assertThat(answer.outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(answer.evidence()).isEqualTo(Evidence.NO_ANSWER);
        assertThat(answer.safeToResend()).isFalse();
        sandbox.clearFaults();
        GatewayTransaction resolved = gateway.resolve(ACCOUNT, reference, TransactionType.DB);
        assertThat(resolved.evidence()).isEqualTo(Evidence.NOT_RECEIVED);
        assertThat(resolved.safeToResend()).isTrue();
        assertChargedOnce(reference, pay(reference));
    }

    @Test
    void aLostPaymentWhoseStatusCannotBeReadStaysUnknownWithItsOrder() {
        String reference = reference();
        sandbox.failNext("POST", "/payments", "lost-response", 1);
        sandbox.failNext("GET", "/status", "reset", 100);

        GatewayTransaction answer = pay(reference);

        assertThat(answer.outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(answer.gatewayTransactionId()).isNotNull();
        sandbox.clearFaults();
        GatewayTransaction resolved = gateway.resolve(ACCOUNT, reference, TransactionType.DB);
        assertThat(resolved.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        // sent again (as s2spay would not, but a redelivered command might): still one charge
        assertChargedOnce(reference, pay(reference));
    }

    @Test
    void aRefusedConnectionIsNotSent() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OrdersProperties closed = new OrdersProperties(
                "http://127.0.0.1:" + port + "/orders-api/",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                null,
                Map.of(ACCOUNT, OrdersSandbox.merchantA()),
                null,
                null);
        try (OrdersGateway unreachable = sandbox.gateway(closed)) {
            GatewayTransaction answer =
                    unreachable.submitInitial(ACCOUNT, debit(reference(), 1000, "SEK", "4200000000000000", false));
            assertThat(answer.outcome()).isEqualTo(GatewayOutcome.FAILED);
            assertThat(answer.evidence()).isEqualTo(Evidence.NOT_SENT);
            assertThat(answer.safeToResend()).isTrue();
        }
    }

    @Test
    void anOpenCircuitIsNotSent() {
        OrdersProperties properties = sandbox.properties()
                .withCircuitBreaker(new CircuitBreakerSettings(50, 4, 4, Duration.ofMinutes(5), 1))
                .withResolution(new ResolutionSettings(1, Duration.ZERO, 1.0, 0));
        CircuitBreaker circuitBreaker = OrdersGateway.defaultCircuitBreaker(properties);
        try (OrdersGateway fragile = sandbox.gateway(properties, circuitBreaker)) {
            sandbox.failNext("POST", "/orders", "http500", 100);
            sandbox.failNext("GET", "/orders", "http500", 100);
            for (int i = 0; i < 2; i++) {
                assertThat(fragile.submitInitial(ACCOUNT, debit(reference(), 1000, "SEK", "4200000000000000", false))
                                .outcome())
                        .isEqualTo(GatewayOutcome.UNKNOWN);
            }
            assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            String reference = reference();
            GatewayTransaction refused =
                    fragile.submitInitial(ACCOUNT, debit(reference, 1000, "SEK", "4200000000000000", false));
            assertThat(refused.evidence()).isEqualTo(Evidence.NOT_SENT);
            assertThat(refused.failureReason()).contains("circuit breaker");
            sandbox.clearFaults();
            assertThat(gateway.find(ACCOUNT, reference, TransactionType.DB).evidence())
                    .isEqualTo(Evidence.NOT_RECEIVED);
        }
    }
}

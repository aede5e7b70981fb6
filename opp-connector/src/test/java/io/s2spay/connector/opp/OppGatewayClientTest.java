package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.gateway.CardData;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the client does when the gateway cannot be reached at all; answers are tested against the sandbox. */
class OppGatewayClientTest {

    private static final OppPaymentRequest PAYMENT = new OppPaymentRequest(
            OppPaymentType.DB,
            9200,
            "EUR",
            "VISA",
            "order-1",
            new CardData("4200000000000000", "Jane Jones", 5, 2034, "123"),
            false,
            null,
            null,
            null,
            null);

    @Test
    void reportsARefusedConnectionAsNotSentSoTheAttemptMayBeRepeated() throws IOException {
        try (OppGatewayClient client = new OppGatewayClient(properties(closedPort()))) {
            OppTransaction result = client.submitPayment("m1", PAYMENT);

            assertThat(result.outcome()).isEqualTo(OppOutcome.FAILED);
            assertThat(result.category()).isEqualTo(ResultCategory.NOT_SENT);
            assertThat(result.safeToResend()).isTrue();
            assertThat(result.merchantTransactionId()).isEqualTo("order-1");
            assertThat(result.failureReason()).contains("could not connect");
        }
    }

    @Test
    void reportsAnUnreachableQueryAsUnknownNeverAsNotReceived() throws IOException {
        try (OppGatewayClient client = new OppGatewayClient(properties(closedPort()))) {
            OppTransaction result = client.resolve("m1", "order-1");

            assertThat(result.outcome()).isEqualTo(OppOutcome.UNKNOWN);
            assertThat(result.safeToResend()).isFalse();
            assertThatThrownBy(() -> client.queryAllByMerchantTransactionId("m1", "order-1"))
                    .isInstanceOf(OppGatewayException.class);
        }
    }

    @Test
    void sendsNothingWhileTheCircuitIsOpen() throws IOException {
        OppProperties properties = properties(closedPort());
        CircuitBreaker breaker =
                CircuitBreaker.of("test", OppGatewayClient.circuitBreakerConfig(properties.circuitBreaker()));
        breaker.transitionToOpenState();
        try (OppGatewayClient client = new OppGatewayClient(properties, breaker, builder -> {})) {
            OppTransaction payment = client.submitPayment("m1", PAYMENT);
            OppTransaction status = client.queryById("m1", "8ac7a4a1");

            assertThat(payment.category()).isEqualTo(ResultCategory.NOT_SENT);
            assertThat(payment.failureReason()).contains("circuit breaker");
            assertThat(status.outcome()).isEqualTo(OppOutcome.UNKNOWN);
            assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(2);
        }
    }

    @Test
    void opensTheCircuitAfterRepeatedConnectionFailures() throws IOException {
        OppProperties properties =
                properties(closedPort()).withCircuitBreaker(new CircuitBreakerSettings(50, 4, 4, null, null));
        try (OppGatewayClient client = new OppGatewayClient(properties)) {
            for (int i = 0; i < 4; i++) {
                assertThat(client.submitPayment("m1", PAYMENT).failureReason()).contains("could not connect");
            }

            assertThat(client.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(client.submitPayment("m1", PAYMENT).failureReason()).contains("circuit breaker");
        }
    }

    @Test
    void acceptsOnlyOppPaymentResourcePaths() {
        assertThat(OppGatewayClient.paymentIdOf("/v1/payments/8ac7a4a17b0c3e29017b0c4f1a2b3c4d"))
                .isEqualTo("8ac7a4a17b0c3e29017b0c4f1a2b3c4d");
        assertThat(OppGatewayClient.paymentIdOf("8ac7a4a17b0c3e29017b0c4f1a2b3c4d"))
                .isEqualTo("8ac7a4a17b0c3e29017b0c4f1a2b3c4d");
        assertThatThrownBy(() -> OppGatewayClient.paymentIdOf("//evil.example/v1/payments/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OppGatewayClient.paymentIdOf("/v1/payments/../../admin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OppGatewayClient.paymentIdOf("/v1/registrations/abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMerchantsWithoutAccountBeforeSendingAnything() throws IOException {
        try (OppGatewayClient client = new OppGatewayClient(properties(closedPort()))) {
            assertThatThrownBy(() -> client.submitPayment("stranger", PAYMENT))
                    .isInstanceOf(UnknownOppAccountException.class);
            assertThat(client.circuitBreaker().getMetrics().getNumberOfBufferedCalls())
                    .isZero();
        }
    }

    static OppProperties properties(int port) {
        return OppProperties.of(
                "http://127.0.0.1:" + port + "/",
                Map.of("m1", new OppProperties.Account("entity-1", "token-1", null)),
                null);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

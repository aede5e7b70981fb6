package io.s2spay.connector.opp;

import static io.s2spay.connector.opp.SandboxGateway.MERCHANT;
import static io.s2spay.connector.opp.SandboxGateway.newMerchantTransactionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.connector.support.CircuitBreakerSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A resend that never leaves the connector (circuit open) after a first send whose fate is still open: the safe
 * submission must not report "nothing reached the gateway", since the first send may still be charged.
 */
class UncertainResendIT {

    @Test
    void aResendThatIsNotSentAfterAnUncertainFirstSendIsUnknownNotFailed() {
        SandboxGateway gateway = SandboxGateway.shared();
        // opens after two calls with one failure: the first send's timeout, then the query that finds nothing yet
        OppProperties properties = gateway.properties(Duration.ofSeconds(1))
                .withCircuitBreaker(new CircuitBreakerSettings(50, 2, 2, Duration.ofMinutes(1), 1));
        try (OppGatewayClient client = gateway.client(properties)) {
            String mtid = newMerchantTransactionId("uncertain-resend");
            // the first send is processed by the gateway 2.5 s later, after the client gave up on it
            gateway.failNextRequest("latency=2500");

            OppTransaction result = client.submitPaymentSafely(MERCHANT, FaultsIT.debit(mtid));

            assertThat(result.outcome()).isEqualTo(OppOutcome.UNKNOWN);
            assertThat(result.safeToResend()).isFalse();
            // and rightly so: the first send is charged after all
            await().atMost(Duration.ofSeconds(10)).until(() -> gateway.charges(mtid) == 1);
        }
    }
}

package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.connector.opp.OppGateway;
import io.s2spay.connector.opp.OppGatewayClient;
import io.s2spay.connector.opp.OppNotificationDecoders;
import io.s2spay.connector.opp.OppProperties;
import io.s2spay.connector.support.ResolutionSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentGatewayTest {

    private static PaymentGateway gateway(OppProperties properties) {
        return SingleGateway.of(
                new OppGateway(new OppGatewayClient(properties), new OppNotificationDecoders(properties)),
                new ExecutorProperties(null, Duration.ofMinutes(3), null));
    }

    private static OppProperties properties() {
        return OppProperties.of(
                "http://127.0.0.1:8090/",
                Map.of("merchant-demo", new OppProperties.Account("entity", "token", null)),
                null);
    }

    @Test
    void knowsWhichMerchantsHaveAGatewayAccount() {
        PaymentGateway gateway = gateway(properties());
        assertThat(gateway.hasAccount("merchant-demo")).isTrue();
        assertThat(gateway.hasAccount("merchant-other")).isFalse();
        assertThat(gateway.hasAccount(null)).isFalse();
    }

    @Test
    void longestRecoveryIsAWholeResolutionThenAWholeSubmissionAsTheConnectorTimesThem() {
        OppProperties properties = properties()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withResolution(new ResolutionSettings(4, Duration.ofMillis(250), 2.0, 1));
        // the connector's 49.75 s resolution, then its 136 s submission
        assertThat(gateway(properties).longestRecovery()).isEqualTo(Duration.ofMillis(185_750));
    }
}

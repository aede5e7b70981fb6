package io.s2spay.connector.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.connector.support.ResolutionSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deadlines follow the settings: every call into its timeout, every look-up and resend allowed. */
class OrdersDeadlinesTest {

    private static final OrdersProperties SETTINGS = new OrdersProperties(
            "http://127.0.0.1:8090/orders-api/",
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            null,
            Map.of(),
            null,
            new ResolutionSettings(3, Duration.ofMillis(100), 2.0, 1));

    @Test
    void computesEachDeadlineFromTheSettings() {
        assertThat(OrdersDeadlines.call(SETTINGS)).isEqualTo(Duration.ofSeconds(3));
        // 3 queries of up to 2 calls each (order, then its tokens), 100 + 200 ms between them
        assertThat(OrdersDeadlines.longestResolution(SETTINGS)).isEqualTo(Duration.ofMillis(18_300));
        // (call + resolution) x (1 + 1 resend), for the order and the payment, then the token's look-up
        assertThat(OrdersDeadlines.longestSubmission(SETTINGS))
                .isEqualTo(Duration.ofMillis((3_000 + 18_300) * 2 * 2 + 18_300));
        OrdersGateway gateway = new OrdersGateway(SETTINGS);
        assertThat(gateway.deadlines().longestSubmission()).isEqualTo(OrdersDeadlines.longestSubmission(SETTINGS));
        assertThat(gateway.deadlines().longestLookUp()).isEqualTo(Duration.ofSeconds(6));
        gateway.close();
    }
}

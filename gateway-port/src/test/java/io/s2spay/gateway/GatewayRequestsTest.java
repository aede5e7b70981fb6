package io.s2spay.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.lifecycle.TransactionType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The requests the port accepts are refused before any adapter sees them when they cannot be right. */
class GatewayRequestsTest {

    private static InitialPaymentRequest initial(TransactionType type, long amount, String currency, String mtid) {
        return new InitialPaymentRequest(
                type, amount, currency, "VISA", mtid, null, null, false, null, null, null, null);
    }

    @Test
    void anInitialPaymentIsAPositivePreauthorizationOrDebitWithAReference() {
        assertThat(initial(TransactionType.PA, 1, "EUR", "m").type()).isEqualTo(TransactionType.PA);
        assertThatThrownBy(() -> initial(TransactionType.CP, 1, "EUR", "m")).hasMessageContaining("PA or DB");
        assertThatThrownBy(() -> initial(TransactionType.DB, 0, "EUR", "m")).hasMessageContaining("amount");
        assertThatThrownBy(() -> initial(TransactionType.DB, 1, "eur", "m")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> initial(TransactionType.DB, 1, "EUR", " "))
                .hasMessageContaining("merchantTransactionId");
        assertThatThrownBy(() -> initial(TransactionType.DB, 1, "EUR", "x".repeat(256)))
                .hasMessageContaining("merchantTransactionId");
    }

    @Test
    void anInitialPaymentsToStringShowsNoCardData() {
        InitialPaymentRequest request = new InitialPaymentRequest(
                TransactionType.DB,
                100,
                "EUR",
                "VISA",
                "m",
                new CardData("4200000000000000", "Jane Doe", 12, 2030, "123"),
                null,
                false,
                null,
                null,
                null,
                null);
        assertThat(request.toString())
                .doesNotContain("4200000000000000")
                .doesNotContain("123]")
                .doesNotContain("Jane");
    }

    @Test
    void aFollowUpNeedsItsPaymentAndAnAmountUnlessItIsAWholeReversalOrReceipt() {
        assertThat(new FollowUpRequest(TransactionType.RV, "gw-1", null, null, "m").amountMinor())
                .isNull();
        assertThat(new FollowUpRequest(TransactionType.RC, "gw-1", null, null, "m").amountMinor())
                .isNull();
        assertThatThrownBy(() -> new FollowUpRequest(TransactionType.CP, "gw-1", null, null, "m"))
                .hasMessageContaining("CP needs an amount");
        assertThatThrownBy(() -> new FollowUpRequest(TransactionType.DB, "gw-1", 1L, "EUR", "m"))
                .hasMessageContaining("not DB");
        assertThatThrownBy(() -> new FollowUpRequest(TransactionType.RF, " ", 1L, "EUR", "m"))
                .hasMessageContaining("gateway's id");
        assertThatThrownBy(() -> new FollowUpRequest(TransactionType.RF, "gw-1", -1L, "EUR", "m"))
                .hasMessageContaining("greater than zero");
        assertThatThrownBy(() -> new FollowUpRequest(TransactionType.RF, "gw-1", 1L, null, "m"))
                .hasMessageContaining("ISO 4217");
    }

    @Test
    void aNotificationsHeadersAreFoundWhateverTheirCase() {
        NotificationMessage message = new NotificationMessage("{}", Map.of("X-Authentication-Tag", "ab"));
        assertThat(message.header("x-authentication-tag")).isEqualTo("ab");
        assertThat(message.header("X-AUTHENTICATION-TAG")).isEqualTo("ab");
        assertThat(message.header("X-Initialization-Vector")).isNull();
    }

    @Test
    void deadlinesOfARecoveryAreAResolutionThenASubmission() {
        GatewayDeadlines deadlines = new GatewayDeadlines(
                java.time.Duration.ofSeconds(136),
                java.time.Duration.ofMillis(49_750),
                java.time.Duration.ofSeconds(12));
        assertThat(deadlines.longestRecovery()).isEqualTo(java.time.Duration.ofMillis(185_750));
    }
}

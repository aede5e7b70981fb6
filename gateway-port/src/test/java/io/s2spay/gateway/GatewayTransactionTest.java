package io.s2spay.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.lifecycle.TransactionType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayTransactionTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private static GatewayTransaction.Builder answer(GatewayOutcome outcome, String category) {
        return GatewayTransaction.builder(outcome, Evidence.ANSWER, category)
                .gatewayTransactionId("gw-1")
                .type(TransactionType.DB)
                .result("000.200.000", "pending")
                .amount(9_200L, "EUR")
                .merchantTransactionId("mtid-1")
                .timestamp(AT);
    }

    @Test
    void onlyAProvablyUnreceivedRequestIsSafeToSendAgain() {
        for (Evidence evidence : Evidence.values()) {
            GatewayTransaction t = GatewayTransaction.builder(GatewayOutcome.FAILED, evidence, "X")
                    .build();
            assertThat(t.safeToResend())
                    .as(evidence.name())
                    .isEqualTo(evidence == Evidence.NOT_SENT || evidence == Evidence.NOT_RECEIVED);
        }
    }

    @Test
    void awaitsTheReceiptOnlyForALongTermPendingAnswerAboutARealTransaction() {
        assertThat(answer(GatewayOutcome.PENDING, "P")
                        .longTermPending(true)
                        .build()
                        .awaitingReceipt())
                .isTrue();
        assertThat(answer(GatewayOutcome.PENDING, "P").build().awaitingReceipt())
                .as("a redirect session")
                .isFalse();
        assertThat(answer(GatewayOutcome.PENDING, "P")
                        .longTermPending(true)
                        .gatewayTransactionId(null)
                        .build()
                        .awaitingReceipt())
                .as("no transaction")
                .isFalse();
        assertThat(answer(GatewayOutcome.PENDING, "P")
                        .longTermPending(true)
                        .result(null, null)
                        .build()
                        .awaitingReceipt())
                .as("no result code")
                .isFalse();
        assertThat(answer(GatewayOutcome.SUCCEEDED, "S")
                        .longTermPending(true)
                        .build()
                        .awaitingReceipt())
                .isFalse();
    }

    @Test
    void anUncertainCopyKeepsOnlyItsReferenceAndSaysWhy() {
        GatewayTransaction original = answer(GatewayOutcome.SUCCEEDED, "SUCCESSFUL")
                .card(new CardEcho("420000", "0000", null, 12, 2030, "VISA"))
                .build();

        GatewayTransaction bare = original.uncertain("NO_RESPONSE", "not found yet", false);
        GatewayTransaction kept = original.uncertain("UNCLASSIFIED", "another amount", true);

        assertThat(bare.outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(bare.evidence()).isEqualTo(Evidence.NO_ANSWER);
        assertThat(bare.category()).isEqualTo("NO_RESPONSE");
        assertThat(bare.merchantTransactionId()).isEqualTo("mtid-1");
        assertThat(bare.type()).isEqualTo(TransactionType.DB);
        assertThat(bare.timestamp()).isEqualTo(AT);
        assertThat(bare.gatewayTransactionId()).isNull();
        assertThat(bare.resultCode()).isNull();
        assertThat(bare.card()).isNull();
        assertThat(bare.summary()).isEqualTo("not found yet");
        assertThat(kept.gatewayTransactionId()).isEqualTo("gw-1");
        assertThat(kept.amountMinor()).isEqualTo(9_200L);
        assertThat(kept.currency()).isEqualTo("EUR");
    }

    @Test
    void summarisesByResultCodeElseByReasonElseByCategory() {
        assertThat(answer(GatewayOutcome.PENDING, "PENDING").build().summary()).isEqualTo("000.200.000 pending");
        assertThat(GatewayTransaction.builder(GatewayOutcome.UNKNOWN, Evidence.NO_ANSWER, "NO_RESPONSE")
                        .failureReason("timeout")
                        .build()
                        .summary())
                .isEqualTo("timeout");
        assertThat(GatewayTransaction.builder(GatewayOutcome.UNKNOWN, Evidence.NO_ANSWER, "NO_RESPONSE")
                        .build()
                        .summary())
                .isEqualTo("NO_RESPONSE");
    }

    @Test
    void aCopyIsEqualToItsOriginal() {
        GatewayTransaction original = answer(GatewayOutcome.PENDING, "PENDING")
                .redirect(new GatewayRedirect("https://acs/3ds", null, null))
                .sessionExpired(true)
                .build();
        assertThat(original.toBuilder().build()).isEqualTo(original);
        assertThat(original.redirect().method()).isEqualTo("POST");
        assertThat(original.requiresRedirect()).isTrue();
    }

    @Test
    void needsOutcomeEvidenceAndCategory() {
        assertThatThrownBy(() ->
                        GatewayTransaction.builder(null, Evidence.ANSWER, "X").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewayTransaction.builder(GatewayOutcome.FAILED, null, "X")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewayTransaction.builder(GatewayOutcome.FAILED, Evidence.ANSWER, " ")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}

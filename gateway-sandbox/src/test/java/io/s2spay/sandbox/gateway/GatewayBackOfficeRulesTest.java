package io.s2spay.sandbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.sandbox.SandboxProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The back-office rules that depend on time, decided without waiting days. */
class GatewayBackOfficeRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final SandboxProperties.Rules RULES =
            new SandboxProperties.Rules(Duration.ofDays(7), Duration.ofHours(24), Duration.ofSeconds(5));

    private static Transaction tx(
            String id, String rootId, PaymentType type, long amount, TransactionState state, Instant at) {
        return new Transaction(
                id,
                "entity",
                type,
                GatewayBrand.VISA,
                amount,
                "EUR",
                null,
                id.equals(rootId) ? null : rootId,
                rootId,
                state,
                state == TransactionState.SUCCEEDED ? "000.100.110" : "800.100.151",
                null,
                false,
                null,
                null,
                "d",
                null,
                null,
                null,
                null,
                null,
                false,
                "ndc",
                at,
                at);
    }

    private static GatewayBackOfficeRules.Decision decide(
            PaymentType type, Long amount, Transaction referenced, List<Transaction> tree, Instant now) {
        Transaction root = tree.get(0);
        TreeBalances balances = TreeBalances.of(root, tree.subList(1, tree.size()));
        return GatewayBackOfficeRules.decide(
                new BackOfficeRequest("entity", type, amount, amount == null ? null : "EUR", null, null, null),
                referenced,
                root,
                balances,
                RULES,
                now);
    }

    @Test
    void capturesWithinTheAuthorizationValidity() {
        Transaction pa = tx("pa", "pa", PaymentType.PA, 1000, TransactionState.SUCCEEDED, T0);

        assertThat(decide(PaymentType.CP, 1000L, pa, List.of(pa), T0.plus(Duration.ofDays(7)))
                        .allowed())
                .isTrue();
    }

    @Test
    void rejectsCaptureAfterTheCutOff() {
        Transaction pa = tx("pa", "pa", PaymentType.PA, 1000, TransactionState.SUCCEEDED, T0);

        assertThat(decide(
                                PaymentType.CP,
                                1000L,
                                pa,
                                List.of(pa),
                                T0.plus(Duration.ofDays(7)).plusSeconds(1))
                        .refusal())
                .isEqualTo("700.300.400");
    }

    @Test
    void reversesAnUncapturedAuthorizationAtAnyTime() {
        Transaction pa = tx("pa", "pa", PaymentType.PA, 1000, TransactionState.SUCCEEDED, T0);

        GatewayBackOfficeRules.Decision decision =
                decide(PaymentType.RV, null, pa, List.of(pa), T0.plus(Duration.ofDays(30)));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.amountMinor()).isEqualTo(1000);
    }

    @Test
    void rejectsReversalOfACaptureAfterTheReversalWindow() {
        Transaction pa = tx("pa", "pa", PaymentType.PA, 1000, TransactionState.SUCCEEDED, T0);
        Transaction cp = tx("cp", "pa", PaymentType.CP, 800, TransactionState.SUCCEEDED, T0.plusSeconds(60));
        List<Transaction> tree = List.of(pa, cp);

        assertThat(decide(PaymentType.RV, null, cp, tree, T0.plus(Duration.ofHours(24)))
                        .amountMinor())
                .isEqualTo(800);
        assertThat(decide(PaymentType.RV, null, cp, tree, T0.plus(Duration.ofHours(25)))
                        .refusal())
                .isEqualTo("700.300.700");
    }

    @Test
    void rejectsReversalOfADebitAfterTheReversalWindow() {
        Transaction db = tx("db", "db", PaymentType.DB, 1000, TransactionState.SUCCEEDED, T0);

        assertThat(decide(PaymentType.RV, null, db, List.of(db), T0.plus(Duration.ofHours(25)))
                        .refusal())
                .isEqualTo("700.300.700");
    }

    @Test
    void refusesEveryOperationOnAPendingPaymentExceptTheAwaitedReceipt() {
        Transaction pending = tx("db", "db", PaymentType.DB, 1000, TransactionState.PENDING_REDIRECT, T0);
        List<String> refusals = new ArrayList<>();
        for (PaymentType type : PaymentType.values()) {
            if (!type.isInitial()) {
                refusals.add(decide(type, 100L, pending, List.of(pending), T0).refusal());
            }
        }

        assertThat(refusals).containsOnly("700.400.570");
    }

    @Test
    void acceptsAReceiptOnlyWhileItIsAwaited() {
        Transaction awaiting = new Transaction(
                "db",
                "entity",
                PaymentType.DB,
                GatewayBrand.SOFORTUEBERWEISUNG,
                1000,
                "EUR",
                null,
                null,
                "db",
                TransactionState.AWAITING_RECEIPT,
                "800.400.500",
                null,
                false,
                null,
                null,
                "d",
                "https://shop.example",
                null,
                null,
                null,
                null,
                false,
                "ndc",
                T0,
                T0);

        assertThat(decide(PaymentType.RC, null, awaiting, List.of(awaiting), T0).amountMinor())
                .isEqualTo(1000);
        assertThat(decide(PaymentType.RF, 100L, awaiting, List.of(awaiting), T0).refusal())
                .isEqualTo("700.400.570");
        assertThat(decide(PaymentType.RC, 999L, awaiting, List.of(awaiting), T0).refusal())
                .isEqualTo("700.100.200");
    }

    @Test
    void sumsTheBalancesOfATreeFromItsSuccessfulTransactionsOnly() {
        Transaction db = tx("db", "db", PaymentType.DB, 1000, TransactionState.SUCCEEDED, T0);
        Transaction refund = tx("rf", "db", PaymentType.RF, 300, TransactionState.SUCCEEDED, T0);
        Transaction failedRefund = tx("rf2", "db", PaymentType.RF, 300, TransactionState.REJECTED, T0);
        Transaction chargeback = tx("cb", "db", PaymentType.CB, 200, TransactionState.SUCCEEDED, T0);

        TreeBalances balances = TreeBalances.of(db, List.of(refund, failedRefund, chargeback));

        assertThat(balances.captured()).isEqualTo(1000);
        assertThat(balances.refunded()).isEqualTo(300);
        assertThat(balances.activeChargeback()).isEqualTo(200);
        assertThat(balances.net()).isEqualTo(500);
    }
}

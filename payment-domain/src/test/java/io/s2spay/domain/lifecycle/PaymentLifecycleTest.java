package io.s2spay.domain.lifecycle;

import static io.s2spay.domain.lifecycle.Outcome.AWAITING_RECEIPT;
import static io.s2spay.domain.lifecycle.Outcome.DECLINED;
import static io.s2spay.domain.lifecycle.Outcome.EXPIRED;
import static io.s2spay.domain.lifecycle.Outcome.FAILED;
import static io.s2spay.domain.lifecycle.Outcome.PENDING;
import static io.s2spay.domain.lifecycle.Outcome.REDIRECT;
import static io.s2spay.domain.lifecycle.Outcome.SUCCESS;
import static io.s2spay.domain.lifecycle.Outcome.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (transaction type, state, outcome) the lifecycle knows, legal or not, against the rules written out here in
 * words a second time: the table and this test must agree on all 648 of them.
 */
class PaymentLifecycleTest {

    /** The expected move, from the rules in prose; empty where the move is illegal. */
    private static Optional<PaymentState> expected(TransactionType type, PaymentState from, Outcome outcome) {
        if (type.isInitial()) {
            Set<Outcome> legal = switch (from) {
                case REQUESTED -> EnumSet.allOf(Outcome.class);
                // a redirect is answered once; an unknown answer may turn out to be a redirect
                case REDIRECT_PENDING -> EnumSet.complementOf(EnumSet.of(PENDING, REDIRECT));
                case UNKNOWN -> EnumSet.complementOf(EnumSet.of(PENDING, UNKNOWN));
                // an approved transfer only settles
                case PaymentState.AWAITING_RECEIPT -> EnumSet.of(SUCCESS, DECLINED, FAILED, EXPIRED);
                // a settled outcome is never undone
                case AUTHORIZED, DEBITED, PaymentState.DECLINED, PaymentState.FAILED, PaymentState.EXPIRED ->
                    EnumSet.noneOf(Outcome.class);
            };
            if (!legal.contains(outcome)) {
                return Optional.empty();
            }
            return Optional.of(
                    switch (outcome) {
                        case PENDING -> PaymentState.REQUESTED;
                        case REDIRECT -> PaymentState.REDIRECT_PENDING;
                        case AWAITING_RECEIPT -> PaymentState.AWAITING_RECEIPT;
                        case UNKNOWN -> PaymentState.UNKNOWN;
                        case SUCCESS -> type == TransactionType.PA ? PaymentState.AUTHORIZED : PaymentState.DEBITED;
                        case DECLINED -> PaymentState.DECLINED;
                        case FAILED -> PaymentState.FAILED;
                        case EXPIRED -> PaymentState.EXPIRED;
                    });
        }
        Set<PaymentState> startsFrom = switch (type) {
            // only a pre-authorization is captured or reversed
            case CP, RV -> EnumSet.of(PaymentState.AUTHORIZED);
            case RF, RB, CB, CR -> EnumSet.of(PaymentState.AUTHORIZED, PaymentState.DEBITED);
            // a transfer awaiting its receipt, which the gateway may know of before an event said so
            case RC -> EnumSet.of(PaymentState.AWAITING_RECEIPT, PaymentState.REDIRECT_PENDING);
            case PA, DB -> throw new AssertionError(type);
        };
        // an operation is answered, refused or unresolved; it has no redirect, no receipt and does not expire
        Set<Outcome> outcomes = EnumSet.of(PENDING, UNKNOWN, SUCCESS, DECLINED, FAILED);
        if (!startsFrom.contains(from) || !outcomes.contains(outcome)) {
            return Optional.empty();
        }
        // the receipt is the one operation that settles the payment; the others move money only
        return Optional.of(type == TransactionType.RC && outcome == SUCCESS ? PaymentState.DEBITED : from);
    }

    static Stream<Arguments> everyTransition() {
        List<Arguments> all = new ArrayList<>();
        for (TransactionType type : TransactionType.values()) {
            for (PaymentState from : PaymentState.values()) {
                for (Outcome outcome : Outcome.values()) {
                    all.add(Arguments.of(type, from, outcome));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} from {1} with {2}")
    @MethodSource("everyTransition")
    void everyTransitionIsLegalOrIllegalAsTheRulesSay(TransactionType type, PaymentState from, Outcome outcome) {
        assertThat(PaymentLifecycle.next(from, type, outcome)).isEqualTo(expected(type, from, outcome));
        assertThat(PaymentLifecycle.isLegal(from, type, outcome))
                .isEqualTo(expected(type, from, outcome).isPresent());
    }

    @Test
    void theTableHoldsTheLegalTransitionsOnly() {
        long rows = everyTransition()
                .filter(a -> PaymentLifecycle.isLegal(
                        (PaymentState) a.get()[1], (TransactionType) a.get()[0], (Outcome) a.get()[2]))
                .count();
        // PA and DB: 8 outcomes when requested, 6 after a redirect or an unknown answer, 4 awaiting the receipt;
        // operations: 5 outcomes from each state they start from (CP, RV one; RF, RB, CB, CR, RC two)
        assertThat(rows).isEqualTo(2 * (8 + 6 + 6 + 4) + 5 * (1 + 1 + 2 + 2 + 2 + 2 + 2));
    }

    @Test
    void theSettledOutcomesAreFinalAndTheOthersOpen() {
        assertThat(PaymentLifecycle.finalStates())
                .containsExactlyInAnyOrder(
                        PaymentState.AUTHORIZED,
                        PaymentState.DEBITED,
                        PaymentState.DECLINED,
                        PaymentState.FAILED,
                        PaymentState.EXPIRED);
        assertThat(PaymentLifecycle.openStates())
                .containsExactlyInAnyOrder(
                        PaymentState.REQUESTED,
                        PaymentState.REDIRECT_PENDING,
                        PaymentState.UNKNOWN,
                        PaymentState.AWAITING_RECEIPT);
        assertThat(PaymentState.AUTHORIZED.isFinal()).isTrue();
        assertThat(PaymentState.AWAITING_RECEIPT.isFinal()).isFalse();
    }

    @Test
    void theGuardOfAnUpdateNamesTheStatesThatMayMoveThere() {
        assertThat(PaymentLifecycle.statesMovingTo(PaymentState.AUTHORIZED))
                .containsExactlyInAnyOrder(
                        PaymentState.REQUESTED,
                        PaymentState.REDIRECT_PENDING,
                        PaymentState.UNKNOWN,
                        PaymentState.AWAITING_RECEIPT);
        assertThat(PaymentLifecycle.statesMovingTo(PaymentState.UNKNOWN))
                .containsExactlyInAnyOrder(PaymentState.REQUESTED, PaymentState.REDIRECT_PENDING);
        assertThat(PaymentLifecycle.statesMovingTo(PaymentState.REDIRECT_PENDING))
                .containsExactlyInAnyOrder(PaymentState.REQUESTED, PaymentState.UNKNOWN);
        assertThat(PaymentLifecycle.statesMovingTo(PaymentState.REQUESTED)).isEmpty();
    }

    @Test
    void anOperationStartsOnlyWhereTheTableLetsIt() {
        assertThat(PaymentLifecycle.allows(TransactionType.CP, PaymentState.AUTHORIZED))
                .isTrue();
        assertThat(PaymentLifecycle.allows(TransactionType.CP, PaymentState.DEBITED))
                .isFalse();
        assertThat(PaymentLifecycle.allows(TransactionType.RF, PaymentState.DEBITED))
                .isTrue();
        assertThat(PaymentLifecycle.allows(TransactionType.RF, PaymentState.AWAITING_RECEIPT))
                .isFalse();
        assertThat(PaymentLifecycle.allows(TransactionType.RC, PaymentState.AWAITING_RECEIPT))
                .isTrue();
        assertThat(PaymentLifecycle.allows(TransactionType.RC, PaymentState.DEBITED))
                .isFalse();
    }

    @Test
    void aMalformedTableIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> PaymentLifecycle.parse(table("PA REQUESTED SUCCESS")))
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected 'type from outcome to'");
        assertThatThrownBy(() -> PaymentLifecycle.parse(table("# rows\nPA REQUESTED WON AUTHORIZED")))
                .hasMessageContaining("line 2")
                .hasMessageContaining("'WON' is not a Outcome");
        assertThatThrownBy(() ->
                        PaymentLifecycle.parse(table("PA REQUESTED SUCCESS AUTHORIZED\nPA REQUESTED SUCCESS FAILED")))
                .hasMessageContaining("line 2")
                .hasMessageContaining("PA REQUESTED SUCCESS is listed twice");
    }

    private static BufferedReader table(String text) {
        return new BufferedReader(new StringReader(text));
    }
}

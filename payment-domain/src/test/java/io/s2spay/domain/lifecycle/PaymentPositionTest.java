package io.s2spay.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.balance.PaymentMovements;
import org.junit.jupiter.api.Test;

/** The interpreter: events, one step at a time, make a payment's state and its money. */
class PaymentPositionTest {

    private static PaymentPosition.Step step(TransactionType type, Outcome outcome, long amountMinor) {
        return new PaymentPosition.Step(type, outcome, amountMinor);
    }

    private static PaymentPosition run(PaymentPosition start, PaymentPosition.Step... steps) {
        PaymentPosition position = start;
        for (PaymentPosition.Step step : steps) {
            PaymentPosition.Applied applied = position.apply(step);
            assertThat(applied.legal()).as(step + " on " + position).isTrue();
            position = applied.position();
        }
        return position;
    }

    @Test
    void aChallengedPreauthorizationIsAuthorizedThenCapturedAndRefunded() {
        PaymentPosition position = run(
                PaymentPosition.requested(TransactionType.PA),
                step(TransactionType.PA, Outcome.REDIRECT, 0),
                step(TransactionType.PA, Outcome.SUCCESS, 9200),
                step(TransactionType.CP, Outcome.SUCCESS, 9200),
                step(TransactionType.RF, Outcome.DECLINED, 1000),
                step(TransactionType.RF, Outcome.SUCCESS, 2500));

        assertThat(position.state()).isEqualTo(PaymentState.AUTHORIZED);
        PaymentMovements money = position.movements();
        assertThat(money.authorizedMinor()).isEqualTo(9200);
        assertThat(money.capturedMinor()).isEqualTo(9200);
        assertThat(money.refundedMinor()).as("a declined refund moves nothing").isEqualTo(2500);
        assertThat(money.netMinor()).isEqualTo(6700);
    }

    @Test
    void aLateOrReplayedEventDoesNotUndoASettledOutcome() {
        PaymentPosition settled = run(
                PaymentPosition.requested(TransactionType.DB),
                step(TransactionType.DB, Outcome.UNKNOWN, 0),
                step(TransactionType.DB, Outcome.SUCCESS, 5000));

        PaymentPosition.Applied late = settled.apply(step(TransactionType.DB, Outcome.UNKNOWN, 0));
        PaymentPosition.Applied replayed = settled.apply(step(TransactionType.DB, Outcome.SUCCESS, 5000));

        assertThat(late.legal()).isFalse();
        assertThat(late.position()).isEqualTo(settled);
        assertThat(replayed.legal()).isFalse();
        assertThat(replayed.position().movements().debitedMinor())
                .as("taken once")
                .isEqualTo(5000);
    }

    @Test
    void aTransferIsSettledByItsReceipt() {
        PaymentPosition awaiting = run(
                PaymentPosition.requested(TransactionType.DB),
                step(TransactionType.DB, Outcome.REDIRECT, 0),
                step(TransactionType.DB, Outcome.AWAITING_RECEIPT, 0));
        assertThat(awaiting.movements().settledMinor()).isZero();

        PaymentPosition received = run(awaiting, step(TransactionType.RC, Outcome.SUCCESS, 9200));

        assertThat(received.state()).isEqualTo(PaymentState.DEBITED);
        assertThat(received.movements().settledMinor()).isEqualTo(9200);
        assertThat(received.apply(step(TransactionType.RC, Outcome.SUCCESS, 9200))
                        .legal())
                .as("one receipt")
                .isFalse();
    }

    @Test
    void anOperationTheStateDoesNotAllowChangesNothing() {
        PaymentPosition debited =
                run(PaymentPosition.requested(TransactionType.DB), step(TransactionType.DB, Outcome.SUCCESS, 5000));

        PaymentPosition.Applied capture = debited.apply(step(TransactionType.CP, Outcome.SUCCESS, 5000));
        PaymentPosition.Applied otherInitial = debited.apply(step(TransactionType.PA, Outcome.SUCCESS, 5000));

        assertThat(capture.legal()).as("a debit is not captured").isFalse();
        assertThat(capture.position()).isEqualTo(debited);
        assertThat(otherInitial.legal())
                .as("a payment has one initial transaction")
                .isFalse();
    }

    @Test
    void aPaymentFirstHeardOfWithoutItsTypeTakesItFromItsFirstInitialStep() {
        PaymentPosition unnamed = new PaymentPosition(null, PaymentState.REQUESTED, PaymentMovements.NONE);

        PaymentPosition authorized = run(unnamed, step(TransactionType.PA, Outcome.SUCCESS, 4000));

        assertThat(authorized.type()).isEqualTo(TransactionType.PA);
        assertThat(authorized.movements().authorizedMinor()).isEqualTo(4000);
        assertThat(authorized
                        .apply(step(TransactionType.DB, Outcome.SUCCESS, 4000))
                        .legal())
                .isFalse();
        assertThat(unnamed.apply(step(TransactionType.CP, Outcome.SUCCESS, 4000))
                        .position()
                        .type())
                .as("an operation names no initial type")
                .isNull();
    }

    @Test
    void aPaymentStartsWithAnInitialTransaction() {
        assertThatThrownBy(() -> PaymentPosition.requested(TransactionType.CP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a payment starts with PA or DB, not CP");
    }
}

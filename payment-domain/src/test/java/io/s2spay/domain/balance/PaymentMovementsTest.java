package io.s2spay.domain.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.domain.balance.PaymentMovements.Kind;
import org.junit.jupiter.api.Test;

class PaymentMovementsTest {

    @Test
    void partialCaptureThenRefundsLeaveTheRestRefundable() {
        PaymentMovements m = PaymentMovements.NONE
                .plus(Kind.AUTHORIZED, 10000)
                .plus(Kind.CAPTURED, 6000)
                .plus(Kind.REFUNDED, 2000)
                .plus(Kind.REFUNDED, 1000);

        assertThat(m.authorizedTotalMinor()).isEqualTo(10000);
        assertThat(m.settledMinor()).isEqualTo(6000);
        assertThat(m.refundableMinor()).isEqualTo(3000);
        assertThat(m.netMinor()).isEqualTo(3000);
    }

    @Test
    void openChargebackIsNotRefundableUntilReversed() {
        PaymentMovements chargedBack =
                PaymentMovements.NONE.plus(Kind.DEBITED, 5000).plus(Kind.CHARGED_BACK, 5000);
        assertThat(chargedBack.openChargebackMinor()).isEqualTo(5000);
        assertThat(chargedBack.netMinor()).isZero();

        PaymentMovements reversed = chargedBack.plus(Kind.CHARGEBACK_REVERSED, 5000);
        assertThat(reversed.openChargebackMinor()).isZero();
        assertThat(reversed.netMinor()).isEqualTo(5000);
    }

    @Test
    void aTransfersDebitAndItsReceiptAreTheSameMoney() {
        PaymentMovements m =
                PaymentMovements.NONE.plus(Kind.RECEIPT_CONFIRMED, 2500).plus(Kind.DEBITED, 2500);

        assertThat(m.settledMinor()).isEqualTo(2500);
        assertThat(m.authorizedTotalMinor()).isEqualTo(2500);
    }

    @Test
    void rebillAddsSettledMoney() {
        PaymentMovements m = PaymentMovements.NONE.plus(Kind.DEBITED, 1000).plus(Kind.REBILLED, 500);

        assertThat(m.settledMinor()).isEqualTo(1500);
        assertThat(m.refundableMinor()).isEqualTo(1500);
    }

    @Test
    void reversalReleasesWithoutSettling() {
        PaymentMovements m = PaymentMovements.NONE.plus(Kind.AUTHORIZED, 1000).plus(Kind.REVERSED, 1000);

        assertThat(m.settledMinor()).isZero();
        assertThat(m.reversedMinor()).isEqualTo(1000);
    }
}

package io.s2spay.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class InFlightTransactionsTest {

    private final InFlightTransactions inFlight = new InFlightTransactions();
    private final AtomicInteger acknowledged = new AtomicInteger();

    @Test
    void confirmsATransactionOnlyOnceAllItsRowsAndEveryEarlierOneAreAcknowledged() {
        inFlight.begin();
        Callback first = inFlight.sent(acknowledged::incrementAndGet);
        Callback second = inFlight.sent(acknowledged::incrementAndGet);
        inFlight.commit(100);
        inFlight.begin();
        Callback third = inFlight.sent(acknowledged::incrementAndGet);
        inFlight.commit(200);

        assertThat(inFlight.confirmable()).isEqualTo(-1);
        third.onCompletion(null, null);
        first.onCompletion(null, null);
        assertThat(inFlight.confirmable())
                .as("the first transaction still waits for a row")
                .isEqualTo(-1);
        second.onCompletion(null, null);
        assertThat(inFlight.confirmable()).isEqualTo(200);
        assertThat(inFlight.confirmable()).as("nothing new").isEqualTo(-1);
        assertThat(acknowledged).hasValue(3);
        assertThat(inFlight.unacknowledged()).isZero();
    }

    @Test
    void aHeartbeatIsConfirmedBehindTheTransactionsBeforeIt() {
        inFlight.begin();
        Callback row = inFlight.sent(acknowledged::incrementAndGet);
        inFlight.commit(100);
        inFlight.position(150);

        assertThat(inFlight.confirmable()).isEqualTo(-1);
        row.onCompletion(null, null);
        assertThat(inFlight.confirmable()).isEqualTo(150);
    }

    @Test
    void aRefusedRowStopsEveryConfirmation() {
        inFlight.begin();
        Callback refused = inFlight.sent(acknowledged::incrementAndGet);
        inFlight.commit(100);
        refused.onCompletion(null, new TimeoutException("no leader"));

        assertThatThrownBy(inFlight::confirmable)
                .isInstanceOf(InFlightTransactions.OutboxRelayException.class)
                .hasMessageContaining("no leader");
        assertThatThrownBy(() -> inFlight.awaitAtMost(0)).isInstanceOf(InFlightTransactions.OutboxRelayException.class);
        assertThat(acknowledged).hasValue(0);
    }

    @Test
    void aCommitWithoutABeginIsAProtocolError() {
        assertThatThrownBy(() -> inFlight.commit(100)).hasMessageContaining("without a begin");
    }
}

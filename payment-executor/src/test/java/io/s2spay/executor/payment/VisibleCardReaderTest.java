package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.vault.CardDetails;
import io.s2spay.vault.CardNotInVaultException;
import io.s2spay.vault.CardVault;
import io.s2spay.vault.VaultedCard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisibleCardReaderTest {

    private static final CardDetails CARD = new CardDetails("4200000000000000", "Jane Jones", 5, 2034, "123");

    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void findsACardThatBecomesVisibleAMomentAfterTheCommandArrives() {
        VaultBecomingVisible vault = new VaultBecomingVisible(3);
        VisibleCardReader reader = new VisibleCardReader(vault, Duration.ofSeconds(2), pauses::add);

        assertThat(reader.reveal("merchant-demo", "card_1")).isEqualTo(CARD);
        assertThat(vault.lookups).isEqualTo(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
    }

    @Test
    void rejectsACardStillMissingAfterTheWait() {
        VaultBecomingVisible vault = new VaultBecomingVisible(Integer.MAX_VALUE);
        VisibleCardReader reader = new VisibleCardReader(vault, Duration.ofSeconds(2), pauses::add);

        assertThatThrownBy(() -> reader.reveal("merchant-demo", "card_1")).isInstanceOf(CardNotInVaultException.class);
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(pauses).last().isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void doesNotWaitForACardThatIsThere() {
        VisibleCardReader reader =
                new VisibleCardReader(new VaultBecomingVisible(0), Duration.ofSeconds(2), pauses::add);

        assertThat(reader.reveal("merchant-demo", "card_1")).isEqualTo(CARD);
        assertThat(pauses).isEmpty();
    }

    /** A vault whose card is missing for the first {@code missingLookups} lookups. */
    private static final class VaultBecomingVisible implements CardVault {
        private final int missingLookups;
        private int lookups;

        VaultBecomingVisible(int missingLookups) {
            this.missingLookups = missingLookups;
        }

        @Override
        public CardDetails reveal(String merchantId, String vaultId) {
            if (lookups++ < missingLookups) {
                throw new CardNotInVaultException(vaultId);
            }
            return CARD;
        }

        @Override
        public VaultedCard store(String merchantId, CardDetails card) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void eraseSecurityCode(String vaultId) {
            throw new UnsupportedOperationException();
        }
    }
}

package io.s2spay.executor.payment;

import io.s2spay.vault.CardDetails;
import io.s2spay.vault.CardNotInVaultException;
import io.s2spay.vault.CardVault;
import java.time.Duration;

/**
 * Reads a command's card from the vault, waiting briefly for a card that is not visible yet.
 *
 * <p>Checkout commits the vault row in the same transaction as the command's outbox row, but PostgreSQL
 * makes a commit visible to other sessions only after flushing its WAL, and logical decoding may relay the
 * command in between. On a busy machine that window has been seen to reach the executor (about one payment
 * in a thousand at full load), so a missing card is looked up again for a short while before the command is
 * rejected as {@code CARD_NOT_IN_VAULT}.
 */
class VisibleCardReader {

    /** Long enough to outlast a descheduled committing backend, short enough to reject a bad reference promptly. */
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(2);

    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);

    /** Pauses the calling thread; replaced in tests. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final CardVault vault;
    private final Duration maxWait;
    private final Pause pause;

    VisibleCardReader(CardVault vault) {
        this(vault, DEFAULT_MAX_WAIT, duration -> Thread.sleep(duration));
    }

    VisibleCardReader(CardVault vault, Duration maxWait, Pause pause) {
        this.vault = vault;
        this.maxWait = maxWait;
        this.pause = pause;
    }

    /**
     * The card {@code vaultId} of {@code merchantId}.
     *
     * @throws CardNotInVaultException when it is still not there after the wait (or belongs to another merchant)
     */
    CardDetails reveal(String merchantId, String vaultId) {
        Duration waited = Duration.ZERO;
        Duration next = FIRST_PAUSE;
        while (true) {
            try {
                return vault.reveal(merchantId, vaultId);
            } catch (CardNotInVaultException notVisible) {
                if (waited.plus(next).compareTo(maxWait) > 0) {
                    throw notVisible;
                }
                try {
                    pause.sleep(next);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notVisible;
                }
                waited = waited.plus(next);
                next = next.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : next.multipliedBy(2);
            }
        }
    }
}

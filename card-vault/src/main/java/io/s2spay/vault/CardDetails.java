package io.s2spay.vault;

import io.s2spay.domain.card.CardNumbers;
import java.util.Objects;

/**
 * A card as the shopper entered it, in clear: exists only in memory on its way into or out of the
 * vault, and {@link #toString()} shows nothing more than a masked number.
 *
 * @param cvv the security code, {@code null} once erased from the vault
 */
public record CardDetails(String number, String holder, int expiryMonth, int expiryYear, String cvv) {

    public CardDetails {
        Objects.requireNonNull(number, "number");
    }

    /** The same card without its security code. */
    public CardDetails withoutSecurityCode() {
        return new CardDetails(number, holder, expiryMonth, expiryYear, null);
    }

    /** Masked: BIN and last four digits only; the holder's name and the security code are hidden. */
    @Override
    public String toString() {
        return "CardDetails[number=" + CardNumbers.mask(number)
                + ", holder=" + (holder == null ? "null" : "<hidden>")
                + ", expiry=" + String.format("%02d/%04d", expiryMonth, expiryYear)
                + ", cvv=" + (cvv == null ? "null" : "<hidden>") + "]";
    }
}

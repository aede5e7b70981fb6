package io.s2spay.gateway;

import io.s2spay.domain.card.CardNumbers;

/**
 * Card data sent with an initial payment; {@link #toString()} shows only BIN and last four digits, so the PAN and
 * CVV never reach a log line through this record.
 */
public record CardData(String number, String holder, int expiryMonth, int expiryYear, String cvv) {

    public CardData {
        if (number == null || !number.matches("\\d{12,19}")) {
            throw new IllegalArgumentException("card number must be 12 to 19 digits");
        }
        if (expiryMonth < 1 || expiryMonth > 12) {
            throw new IllegalArgumentException("card expiry month must be 1..12");
        }
        if (expiryYear < 2000 || expiryYear > 2099) {
            throw new IllegalArgumentException("card expiry year must have four digits (2000..2099)");
        }
        if (cvv != null && !cvv.matches("\\d{3,4}")) {
            throw new IllegalArgumentException("card CVV must be 3 or 4 digits");
        }
    }

    /** The first six digits, safe to log. */
    public String bin() {
        return CardNumbers.bin(number);
    }

    /** The last four digits, safe to log. */
    public String last4() {
        return CardNumbers.last4(number);
    }

    @Override
    public String toString() {
        return "CardData[number=" + CardNumbers.mask(number) + ", holder=" + (holder == null ? null : "***")
                + ", expiry=" + String.format("%02d/%04d", expiryMonth, expiryYear)
                + ", cvv=" + (cvv == null ? null : "***") + "]";
    }
}

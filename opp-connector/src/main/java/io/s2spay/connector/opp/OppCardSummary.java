package io.s2spay.connector.opp;

/**
 * The card as the gateway echoes it back: only the parts that may be stored and shown (BIN, last four digits,
 * holder, expiry, brand).
 */
public record OppCardSummary(
        String bin, String last4Digits, String holder, Integer expiryMonth, Integer expiryYear, String brand) {

    @Override
    public String toString() {
        return "OppCardSummary[" + brand + " " + bin + "..." + last4Digits + ", expiry=" + expiryMonth + "/"
                + expiryYear + "]";
    }
}

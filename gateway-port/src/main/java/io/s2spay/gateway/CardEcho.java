package io.s2spay.gateway;

/**
 * The card as a gateway echoes it back: only the parts that may be stored and shown (BIN, last four digits, holder,
 * expiry, brand).
 */
public record CardEcho(
        String bin, String last4Digits, String holder, Integer expiryMonth, Integer expiryYear, String brand) {

    @Override
    public String toString() {
        return "CardEcho[" + brand + " " + bin + "..." + last4Digits + ", expiry=" + expiryMonth + "/" + expiryYear
                + "]";
    }
}

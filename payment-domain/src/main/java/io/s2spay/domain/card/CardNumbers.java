package io.s2spay.domain.card;

import java.util.Optional;

/** Rules about primary account numbers: check digit, brand, and the only parts that may be shown. */
public final class CardNumbers {

    private CardNumbers() {}

    /** True when {@code pan} is 12 to 19 digits with a valid Luhn (mod 10) check digit. */
    public static boolean isValid(String pan) {
        if (pan == null || pan.length() < 12 || pan.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = pan.length() - 1; i >= 0; i--) {
            char c = pan.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** The bank identification number: the first six digits. */
    public static String bin(String pan) {
        return pan.substring(0, 6);
    }

    /** The last four digits. */
    public static String last4(String pan) {
        return pan.substring(pan.length() - 4);
    }

    /** The number as it may be displayed or logged: BIN, asterisks, last four ("420000******0000"). */
    public static String mask(String pan) {
        if (pan == null || pan.length() < 10) {
            return "****";
        }
        return bin(pan) + "*".repeat(pan.length() - 10) + last4(pan);
    }

    /** The OPP payment brand a card number belongs to, from its IIN ranges, if it is a known one. */
    public static Optional<String> brandOf(String pan) {
        if (pan == null || pan.length() < 6) {
            return Optional.empty();
        }
        int two = Integer.parseInt(pan.substring(0, 2));
        int four = Integer.parseInt(pan.substring(0, 4));
        int six = Integer.parseInt(pan.substring(0, 6));
        if (two == 34 || two == 37) {
            return Optional.of("AMEX");
        }
        if (pan.charAt(0) == '4') {
            return Optional.of("VISA");
        }
        if ((two >= 51 && two <= 55) || (six >= 222100 && six <= 272099)) {
            return Optional.of("MASTER");
        }
        if (four == 6011 || two == 65 || (six >= 644000 && six <= 649999)) {
            return Optional.of("DISCOVER");
        }
        if (four >= 3528 && four <= 3589) {
            return Optional.of("JCB");
        }
        if (two == 36 || two == 38 || two == 39 || (six >= 300000 && six <= 305999)) {
            return Optional.of("DINERS");
        }
        if (two == 50 || (two >= 56 && two <= 69)) {
            return Optional.of("MAESTRO");
        }
        return Optional.empty();
    }
}

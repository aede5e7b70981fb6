package io.s2spay.domain.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Converts between decimal amount strings ("92.00" EUR, "500" JPY, "1.250" KWD) and minor units,
 * using each currency's ISO 4217 exponent.
 */
public final class MoneyAmounts {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** The largest amount in minor units we accept; far above any card payment, far below overflow. */
    public static final long MAX_MINOR_UNITS = 999_999_999_999L;

    private MoneyAmounts() {}

    /**
     * The ISO 4217 currency for {@code code}, refusing codes without a minor-unit exponent
     * (precious metals, testing and fund codes such as XAU, XTS, XXX).
     */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidAmountException("currency must be an ISO 4217 code of three upper-case letters");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidAmountException("currency '" + code + "' is not an ISO 4217 currency");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidAmountException("currency '" + code + "' is not a currency payments can be made in");
        }
        return currency;
    }

    /** Number of digits after the decimal point in {@code currencyCode} amounts (JPY 0, EUR 2, KWD 3). */
    public static int exponent(String currencyCode) {
        return currency(currencyCode).getDefaultFractionDigits();
    }

    /**
     * Parses a positive decimal amount written with exactly the currency's exponent digits
     * ("92.00" EUR, "500" JPY) into minor units. Signs, exponents, spaces, missing or extra
     * fraction digits are refused: an amount is never guessed.
     */
    public static long parseMinorUnits(String amount, String currencyCode) {
        int exponent = exponent(currencyCode);
        if (amount == null || amount.isEmpty()) {
            throw new InvalidAmountException("amount is required");
        }
        String whole = amount;
        String fraction = "";
        int dot = amount.indexOf('.');
        if (dot >= 0) {
            whole = amount.substring(0, dot);
            fraction = amount.substring(dot + 1);
        }
        if (!DIGITS.matcher(whole).matches()
                || (dot >= 0 && !DIGITS.matcher(fraction).matches())) {
            throw new InvalidAmountException(
                    "amount '" + amount + "' must be a plain decimal number such as " + example(exponent));
        }
        if (fraction.length() != exponent) {
            throw new InvalidAmountException("amount '" + amount + "' must have exactly " + exponent
                    + " digits after the decimal point for " + currencyCode + ", such as " + example(exponent));
        }
        if (whole.length() > 1 && whole.startsWith("0")) {
            throw new InvalidAmountException("amount '" + amount + "' must not have leading zeros");
        }
        BigDecimal minor = new BigDecimal(whole + fraction);
        if (minor.signum() == 0) {
            throw new InvalidAmountException("amount must be greater than zero");
        }
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR_UNITS)) > 0) {
            throw new InvalidAmountException("amount '" + amount + "' is too large");
        }
        return minor.longValueExact();
    }

    /** Formats minor units as the decimal string gateways expect: 9200 EUR → "92.00", 500 JPY → "500". */
    public static String format(long minorUnits, String currencyCode) {
        if (minorUnits < 0) {
            throw new InvalidAmountException("amount must not be negative");
        }
        return BigDecimal.valueOf(minorUnits, exponent(currencyCode)).toPlainString();
    }

    private static String example(int exponent) {
        return exponent == 0 ? "\"500\"" : "\"92." + "0".repeat(exponent) + "\"";
    }
}

package io.s2spay.sandbox.gateway;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/** OPP amount strings ("92.00") to and from minor units, with the currency's ISO 4217 exponent. */
public final class Amounts {

    private static final Pattern CURRENCY_FORMAT = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern AMOUNT_FORMAT = Pattern.compile("^[0-9]{1,12}(\\.[0-9]{1,6})?$");

    private Amounts() {}

    public static boolean isCurrencyFormat(String value) {
        return value != null && CURRENCY_FORMAT.matcher(value).matches();
    }

    public static Optional<Currency> currency(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean isAmountFormat(String value) {
        return value != null && AMOUNT_FORMAT.matcher(value).matches();
    }

    /** Minor units of a well-formed amount, or empty when its decimals are not exactly the currency's exponent. */
    public static Optional<Long> toMinor(String amount, Currency currency) {
        int exponent = currency.getDefaultFractionDigits();
        int dot = amount.indexOf('.');
        int decimals = dot < 0 ? 0 : amount.length() - dot - 1;
        if (decimals != exponent) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(amount).movePointRight(exponent).longValueExact());
    }

    public static String format(long minor, String currencyCode) {
        int exponent = Currency.getInstance(currencyCode).getDefaultFractionDigits();
        return BigDecimal.valueOf(minor, exponent).toPlainString();
    }
}

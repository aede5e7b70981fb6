package io.s2spay.connector.orders;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The orders API speaks ISO 4217 numeric codes ("752"), s2spay alphabetic ones ("SEK"): the table between them, for
 * the currencies the connector accepts. A currency outside it is refused before anything is sent.
 */
final class OrdersCurrencies {

    private static final Map<String, String> NUMERIC_BY_ALPHA = Map.ofEntries(
            Map.entry("SEK", "752"),
            Map.entry("EUR", "978"),
            Map.entry("NOK", "578"),
            Map.entry("DKK", "208"),
            Map.entry("ISK", "352"),
            Map.entry("GBP", "826"),
            Map.entry("USD", "840"),
            Map.entry("CHF", "756"),
            Map.entry("PLN", "985"),
            Map.entry("CZK", "203"),
            Map.entry("HUF", "348"),
            Map.entry("CAD", "124"),
            Map.entry("AUD", "036"),
            Map.entry("JPY", "392"));

    private static final Map<String, String> ALPHA_BY_NUMERIC = NUMERIC_BY_ALPHA.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private OrdersCurrencies() {}

    /** "SEK" → "752"; empty for a currency the connector does not know. */
    static Optional<String> numeric(String alpha) {
        return Optional.ofNullable(alpha == null ? null : NUMERIC_BY_ALPHA.get(alpha));
    }

    /** "752" → "SEK"; empty for a code the connector does not know. */
    static Optional<String> alpha(String numeric) {
        return Optional.ofNullable(numeric == null ? null : ALPHA_BY_NUMERIC.get(numeric));
    }

    static boolean supports(String alpha) {
        return numeric(alpha).isPresent();
    }
}

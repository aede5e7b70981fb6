package io.s2spay.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card numbers and a security code in bytes and text: the PAN anywhere (as ASCII, or hex-encoded as a
 * {@code bytea} column prints it); the CVV as a token of its own in binary data (so that digits inside ids,
 * timestamps or offsets do not count), as a JSON string value in decoded records, and next to a CVV label in logs.
 */
final class CardDataScanner {

    private final List<String> pans;
    private final String cvv;
    private final byte[] cvvBytes;
    private final Pattern cvvJsonValue;
    private final Pattern cvvLabelled;

    CardDataScanner(List<String> pans, String cvv) {
        this.pans = List.copyOf(pans);
        this.cvv = cvv;
        this.cvvBytes = cvv.getBytes(StandardCharsets.US_ASCII);
        this.cvvJsonValue = Pattern.compile("\"" + Pattern.quote(cvv) + "\"");
        this.cvvLabelled = Pattern.compile(
                "(?i)(cvv|cvc|card\\.cvv|security.?code)[\"'\\s:=]{0,6}" + Pattern.quote(cvv) + "(?![0-9])");
    }

    /** What card data {@code bytes} hold: each PAN found as ASCII, and the CVV where it stands alone. */
    List<String> findInBytes(byte[] bytes) {
        List<String> found = new ArrayList<>();
        for (String pan : pans) {
            if (indexOf(bytes, pan.getBytes(StandardCharsets.US_ASCII), 0) >= 0) {
                found.add("PAN " + masked(pan));
            }
        }
        if (containsStandaloneCvv(bytes)) {
            found.add("CVV");
        }
        return found;
    }

    /** What card data a decoded record (its JSON) holds: a PAN anywhere, the CVV as a string value. */
    List<String> findInJson(String json) {
        List<String> found = findPans(json);
        if (cvvJsonValue.matcher(json).find()) {
            found.add("CVV");
        }
        return found;
    }

    /** What card data a log holds: a PAN anywhere, the CVV next to a CVV label. */
    List<String> findInLog(String log) {
        List<String> found = findPans(log);
        Matcher labelled = cvvLabelled.matcher(log);
        if (labelled.find()) {
            found.add("CVV (\"" + labelled.group() + "\")");
        }
        return found;
    }

    /** What card data a row's text holds: a PAN as text or as hex (a bytea column), the CVV as a whole column value. */
    List<String> findInRow(String rowText) {
        List<String> found = findPans(rowText);
        for (String pan : pans) {
            if (rowText.toLowerCase().contains(HexFormat.of().formatHex(pan.getBytes(StandardCharsets.US_ASCII)))) {
                found.add("PAN " + masked(pan) + " (hex)");
            }
        }
        if (Pattern.compile("[(,]\"?" + Pattern.quote(cvv) + "\"?[,)]")
                .matcher(rowText)
                .find()) {
            found.add("CVV");
        }
        return found;
    }

    private List<String> findPans(String text) {
        List<String> found = new ArrayList<>();
        for (String pan : pans) {
            if (text.contains(pan)) {
                found.add("PAN " + masked(pan));
            }
        }
        return found;
    }

    private boolean containsStandaloneCvv(byte[] bytes) {
        for (int at = indexOf(bytes, cvvBytes, 0); at >= 0; at = indexOf(bytes, cvvBytes, at + 1)) {
            boolean alone = (at == 0 || !partOfToken(bytes[at - 1]))
                    && (at + cvvBytes.length == bytes.length || !partOfToken(bytes[at + cvvBytes.length]));
            if (alone) {
                return true;
            }
        }
        return false;
    }

    /** Characters that make digits part of a longer token: an id, a number, a time of day, a date. */
    private static boolean partOfToken(byte b) {
        return (b >= '0' && b <= '9')
                || (b >= 'a' && b <= 'z')
                || (b >= 'A' && b <= 'Z')
                || b == '.'
                || b == ':'
                || b == '-'
                || b == '+'
                || b == '_';
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String masked(String pan) {
        return pan.substring(0, 6) + "…" + pan.substring(pan.length() - 4);
    }
}

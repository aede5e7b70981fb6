package io.s2spay.sandbox.tokens;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The tokens API's ids: a prefix naming the object ({@code tok_}, {@code pay_}, {@code pm_}, ...) and 24 hex. */
final class TokensIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SUFFIX = Pattern.compile("[0-9a-f]{24}");

    private TokensIds() {}

    static String next(String prefix) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    /** True when {@code id} has the shape of an id with {@code prefix}. */
    static boolean is(String prefix, String id) {
        return id != null
                && id.startsWith(prefix + "_")
                && SUFFIX.matcher(id.substring(prefix.length() + 1)).matches();
    }
}

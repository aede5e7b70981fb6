package io.s2spay.sandbox.gateway;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Identifiers shaped like OPP's: 32 lower-case hex characters, unique and roughly time ordered. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("^[0-9a-f]{32}$");
    private static final AtomicLong SEQUENCE =
            new AtomicLong(ThreadLocalRandom.current().nextLong());
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    /** A new transaction or registration id: millisecond clock, a sequence and randomness, so ids never repeat. */
    public static String next() {
        char[] out = new char[32];
        long time = System.currentTimeMillis();
        long sequence = SEQUENCE.incrementAndGet();
        long random = ThreadLocalRandom.current().nextLong();
        writeHex(out, 0, 0x8ac7a4L, 6);
        writeHex(out, 6, time, 10);
        writeHex(out, 16, sequence, 8);
        writeHex(out, 24, random, 8);
        return new String(out);
    }

    /** A random 32-hex token (sessions, ndc suffixes). */
    public static String randomHex() {
        char[] out = new char[32];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        writeHex(out, 0, random.nextLong(), 16);
        writeHex(out, 16, random.nextLong(), 16);
        return new String(out);
    }

    /** A 15-digit network transaction id, as card schemes give an initial customer-initiated transaction. */
    public static String networkTransactionId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 1_000_000_000_000_000L));
    }

    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    private static void writeHex(char[] out, int offset, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}

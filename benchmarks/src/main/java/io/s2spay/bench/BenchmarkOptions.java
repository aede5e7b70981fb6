package io.s2spay.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's command line: {@code [payments] [concurrency] [--url U] [--api-key K] [--warmup N]}. */
record BenchmarkOptions(int payments, int concurrency, int warmup, URI baseUrl, String apiKey) {

    static final String DEFAULT_URL = "http://127.0.0.1:8080";
    // TEST KEY — the local stack's demo merchant (checkout-service.yml); never a production key.
    static final String DEFAULT_API_KEY = "sk_test_s2spay_demo_0001";
    /**
     * Warm-up payments, run at {@link #WARMUP_CONCURRENCY} or more: the services' C2 JIT compiles for thousands of
     * payments (measured on 2 cores: ~21,000 compilations and ~190 s of compiler time in checkout-service's first
     * minutes), so a short warm-up measures the compiler rather than the platform.
     */
    static final int DEFAULT_WARMUP = 3000;

    static final int WARMUP_CONCURRENCY = 16;

    BenchmarkOptions {
        if (payments < 1) throw new IllegalArgumentException("payments must be at least 1, was " + payments);
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        if (warmup < 0) throw new IllegalArgumentException("warm-up must not be negative, was " + warmup);
    }

    static BenchmarkOptions parse(String... args) {
        List<String> positional = new ArrayList<>();
        String url = envOr("S2SPAY_URL", DEFAULT_URL);
        String apiKey = envOr("S2SPAY_API_KEY", DEFAULT_API_KEY);
        Integer warmup = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--url" -> url = value(args, ++i, arg);
                case "--api-key" -> apiKey = value(args, ++i, arg);
                case "--warmup" -> warmup = integer(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("--")) throw new IllegalArgumentException("unknown option " + arg);
                    positional.add(arg);
                }
            }
        }
        if (positional.size() > 2)
            throw new IllegalArgumentException("expected at most [payments] [concurrency], got " + positional);
        int payments = positional.isEmpty() ? 2000 : integer(positional.get(0), "payments");
        int concurrency = positional.size() < 2 ? 16 : integer(positional.get(1), "concurrency");
        int warm = warmup != null ? warmup : DEFAULT_WARMUP;
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return new BenchmarkOptions(payments, concurrency, warm, URI.create(base), apiKey);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[index];
    }

    private static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, was '" + text + "'");
        }
    }
}

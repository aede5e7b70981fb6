package io.s2spay.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line: {@code [payments] [concurrency] [--steps C1,C2,...] [--warmup N] [--url U]
 * [--api-key K] [--idle-seconds N] [--jdbc URL] [--jdbc-user U] [--jdbc-password P] [--baseline-clients N]
 * [--baseline-seconds N]}.
 *
 * @param payments payments per step
 * @param steps the concurrency of each step, in order: {@code --steps}, else the positional concurrency alone
 * @param concurrencyIgnored a positional concurrency was given together with {@code --steps}, which replaces it
 */
record BenchmarkOptions(
        int payments,
        List<Integer> steps,
        boolean concurrencyIgnored,
        int warmup,
        URI baseUrl,
        String apiKey,
        int idleSeconds,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        int baselineClients,
        int baselineSeconds) {

    static final String DEFAULT_URL = "http://127.0.0.1:8080";
    // TEST KEY — the local stack's demo merchant (checkout-service.yml); never a production key.
    static final String DEFAULT_API_KEY = "sk_test_s2spay_demo_0001";
    static final int DEFAULT_PAYMENTS = 2000;
    static final int DEFAULT_CONCURRENCY = 16;
    /**
     * Warm-up payments, run at {@link #WARMUP_CONCURRENCY} or more: the services' C2 JIT compiles for thousands of
     * payments (measured on 2 cores: ~21,000 compilations and ~190 s of compiler time in checkout-service's first
     * minutes), so a short warm-up measures the compiler rather than the platform.
     */
    static final int DEFAULT_WARMUP = 3000;

    static final int WARMUP_CONCURRENCY = 16;
    static final int DEFAULT_IDLE_SECONDS = 10;
    /** The local stack's PostgreSQL server (local-stack's LocalStack: port 54329, account s2spay/s2spay). */
    static final String DEFAULT_JDBC_URL = "jdbc:postgresql://127.0.0.1:54329/s2spay";

    static final String DEFAULT_JDBC_USER = "s2spay";
    static final String DEFAULT_JDBC_PASSWORD = "s2spay";
    static final int DEFAULT_BASELINE_CLIENTS = 8;
    static final int DEFAULT_BASELINE_SECONDS = 10;

    BenchmarkOptions {
        if (payments < 1) throw new IllegalArgumentException("payments must be at least 1, was " + payments);
        if (steps.isEmpty()) throw new IllegalArgumentException("--steps needs at least one concurrency");
        for (int concurrency : steps) {
            if (concurrency < 1)
                throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        steps = List.copyOf(steps);
        if (warmup < 0) throw new IllegalArgumentException("--warmup must not be negative, was " + warmup);
        if (idleSeconds < 0)
            throw new IllegalArgumentException("--idle-seconds must not be negative, was " + idleSeconds);
        if (!jdbcUrl.startsWith("jdbc:postgresql:"))
            throw new IllegalArgumentException("--jdbc must be a jdbc:postgresql: URL, was '" + jdbcUrl + "'");
        if (baselineClients < 1)
            throw new IllegalArgumentException("--baseline-clients must be at least 1, was " + baselineClients);
        if (baselineSeconds < 0)
            throw new IllegalArgumentException("--baseline-seconds must not be negative, was " + baselineSeconds);
    }

    static String usage() {
        return String.join(
                "\n",
                "usage: ./s2spay bench [payments=" + DEFAULT_PAYMENTS + "] [concurrency=" + DEFAULT_CONCURRENCY + "]"
                        + " [options]",
                "  payments                  payments per step",
                "  --steps C1,C2,...         one step per concurrency, each of [payments] payments (replaces"
                        + " [concurrency])",
                "  --warmup N                warm-up payments before the steps (default " + DEFAULT_WARMUP + ")",
                "  --url URL                 checkout-service (default " + DEFAULT_URL + ", or $S2SPAY_URL)",
                "  --api-key KEY             merchant API key (default the demo merchant's, or $S2SPAY_API_KEY)",
                "  --idle-seconds N          idle CPU of the stack sampled over N s before the warm-up (default "
                        + DEFAULT_IDLE_SECONDS + ", 0 skips)",
                "  --jdbc URL                PostgreSQL server of the baseline (default " + DEFAULT_JDBC_URL + ")",
                "  --jdbc-user U             its user (default " + DEFAULT_JDBC_USER + ")",
                "  --jdbc-password P         its password (default " + DEFAULT_JDBC_PASSWORD + ")",
                "  --baseline-clients N      baseline clients (default " + DEFAULT_BASELINE_CLIENTS + ")",
                "  --baseline-seconds N      baseline duration (default " + DEFAULT_BASELINE_SECONDS + ", 0 skips)");
    }

    static BenchmarkOptions parse(String... args) {
        List<String> positional = new ArrayList<>();
        String url = envOr("S2SPAY_URL", DEFAULT_URL);
        String apiKey = envOr("S2SPAY_API_KEY", DEFAULT_API_KEY);
        Integer warmup = null;
        List<Integer> steps = null;
        int idleSeconds = DEFAULT_IDLE_SECONDS;
        String jdbcUrl = DEFAULT_JDBC_URL;
        String jdbcUser = DEFAULT_JDBC_USER;
        String jdbcPassword = DEFAULT_JDBC_PASSWORD;
        int baselineClients = DEFAULT_BASELINE_CLIENTS;
        int baselineSeconds = DEFAULT_BASELINE_SECONDS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--url" -> url = value(args, ++i, arg);
                case "--api-key" -> apiKey = value(args, ++i, arg);
                case "--warmup" -> warmup = integer(value(args, ++i, arg), arg);
                case "--steps" -> steps = steps(value(args, ++i, arg));
                case "--idle-seconds" -> idleSeconds = integer(value(args, ++i, arg), arg);
                case "--jdbc" -> jdbcUrl = value(args, ++i, arg);
                case "--jdbc-user" -> jdbcUser = value(args, ++i, arg);
                case "--jdbc-password" -> jdbcPassword = value(args, ++i, arg);
                case "--baseline-clients" -> baselineClients = integer(value(args, ++i, arg), arg);
                case "--baseline-seconds" -> baselineSeconds = integer(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("--")) throw new IllegalArgumentException("unknown option " + arg);
                    positional.add(arg);
                }
            }
        }
        if (positional.size() > 2)
            throw new IllegalArgumentException("expected at most [payments] [concurrency], got " + positional);
        int payments = positional.isEmpty() ? DEFAULT_PAYMENTS : integer(positional.get(0), "payments");
        int concurrency = positional.size() < 2 ? DEFAULT_CONCURRENCY : integer(positional.get(1), "concurrency");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        int warm = warmup != null ? warmup : DEFAULT_WARMUP;
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI baseUrl;
        try {
            baseUrl = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url is not a URL: '" + url + "'");
        }
        if (baseUrl.getScheme() == null || baseUrl.getHost() == null)
            throw new IllegalArgumentException("--url must be an absolute http URL, was '" + url + "'");
        return new BenchmarkOptions(
                payments,
                steps != null ? steps : List.of(concurrency),
                steps != null && positional.size() == 2,
                warm,
                baseUrl,
                apiKey,
                idleSeconds,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                baselineClients,
                baselineSeconds);
    }

    /** The warm-up's concurrency: {@link #WARMUP_CONCURRENCY} or the largest step, whichever is larger. */
    int warmupConcurrency() {
        return Math.max(
                WARMUP_CONCURRENCY,
                steps.stream().mapToInt(Integer::intValue).max().orElse(WARMUP_CONCURRENCY));
    }

    /** {@code --steps 1,4,16}: the concurrencies, each a whole number of at least 1. */
    static List<Integer> steps(String text) {
        String[] parts = text.split(",", -1);
        List<Integer> steps = new ArrayList<>(parts.length);
        for (String part : parts) {
            String concurrency = part.strip();
            int value;
            try {
                value = Integer.parseInt(concurrency.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--steps must be a comma-separated list of concurrencies such as 1,4,16, was '" + text + "'");
            }
            if (value < 1)
                throw new IllegalArgumentException(
                        "--steps: every concurrency must be at least 1, was " + value + " in '" + text + "'");
            steps.add(value);
        }
        return steps;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--"))
            throw new IllegalArgumentException(option + " needs a value");
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

package io.s2spay.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives synchronous card debits through checkout-service's public API at a fixed concurrency (closed loop)
 * and prints throughput, latency percentiles and errors; a load generator, not a test.
 */
public final class DebitBenchmark {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    // The sandbox's approved VISA test card (gateway-sandbox/README.md); the benchmark never prints it.
    private static final String TEST_CARD = "4200000000000000";

    private final BenchmarkOptions options;
    private final HttpClient http;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final int expiryYear = Year.now().getValue() + 3;

    DebitBenchmark(BenchmarkOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: ./s2spay bench [payments=2000] [concurrency=16] [--warmup N="
                    + BenchmarkOptions.DEFAULT_WARMUP + "] [--url " + BenchmarkOptions.DEFAULT_URL
                    + "] [--api-key KEY]");
            System.exit(2);
            return;
        }
        System.exit(new DebitBenchmark(options).run() ? 0 : 1);
    }

    /** Runs the warm-up and the measured phase; false when the platform could not be reached. */
    boolean run() throws InterruptedException {
        System.out.printf(
                Locale.ROOT,
                "s2spay debit benchmark against %s: synchronous DB, 92.00 EUR, VISA ****%s%n",
                options.baseUrl(),
                TEST_CARD.substring(12));
        System.out.println("machine: " + MachineDescription.describe());
        if (!reachable()) return false;
        if (options.warmup() > 0) {
            Phase warmup = runPhase(
                    "warmup", options.warmup(), Math.max(options.concurrency(), BenchmarkOptions.WARMUP_CONCURRENCY));
            System.out.printf(
                    Locale.ROOT,
                    "warm-up: %d payments in %.1f s (%d succeeded)%n",
                    options.warmup(),
                    warmup.elapsedNanos / 1e9,
                    warmup.succeeded());
        }
        Phase measured = runPhase("run", options.payments(), options.concurrency());
        report(measured);
        return true;
    }

    private boolean reachable() throws InterruptedException {
        try {
            http.send(
                    HttpRequest.newBuilder(options.baseUrl().resolve("/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            System.err.printf(
                    "bench: %s is not answering (%s). Is the local stack running? Start it with ./s2spay up%n",
                    options.baseUrl(), e instanceof ConnectException ? "connection refused" : e.toString());
            return false;
        }
    }

    private Phase runPhase(String label, int payments, int concurrency) throws InterruptedException {
        Phase phase = new Phase(payments);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < payments; i = next.getAndIncrement()) {
                        debit(label + "-" + i, phase, i);
                    }
                });
            }
        }
        phase.elapsedNanos = System.nanoTime() - start;
        return phase;
    }

    private void debit(String sequence, Phase phase, int index) {
        String merchantTransactionId = "bench-" + runId + "-" + sequence;
        String body = """
                {"paymentType":"DB","amount":"92.00","currency":"EUR","paymentBrand":"VISA",\
                "merchantTransactionId":"%s","shopperResultUrl":"https://shop.example/return",\
                "card":{"number":"%s","holder":"Bench Shopper","expiryMonth":"12","expiryYear":"%d","cvv":"123"}}""".formatted(merchantTransactionId, TEST_CARD, expiryYear);
        HttpRequest request = HttpRequest.newBuilder(options.baseUrl().resolve("/v1/payments"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + options.apiKey())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", merchantTransactionId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        String outcome;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            outcome = classify(response);
        } catch (IOException e) {
            outcome = "i/o error " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        phase.record(index, System.nanoTime() - start, outcome);
    }

    static String classify(HttpResponse<String> response) {
        int code = response.statusCode();
        if (code == 202) return "http 202: no outcome within checkout's sync wait";
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return "http " + code + " with a body that is not JSON";
        }
        if (code == 200 || code == 201) {
            String status = json.path("status").asString("");
            return "succeeded".equals(status)
                    ? Phase.SUCCEEDED
                    : "payment " + status + " "
                            + json.path("result").path("code").asString("");
        }
        return ("http " + code + " " + json.path("title").asString("")).strip();
    }

    private void report(Phase phase) {
        double seconds = phase.elapsedNanos / 1e9;
        LatencyStatistics all = new LatencyStatistics(phase.latencies);
        System.out.printf(
                Locale.ROOT,
                "measured: %d payments at concurrency %d in %.2f s%n",
                options.payments(),
                options.concurrency(),
                seconds);
        System.out.printf(
                Locale.ROOT,
                "throughput: %.1f payments/s (%.1f succeeded/s)%n",
                options.payments() / seconds,
                phase.succeeded() / seconds);
        System.out.printf(
                Locale.ROOT,
                "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  mean %.1f%n",
                all.percentileMillis(50),
                all.percentileMillis(95),
                all.percentileMillis(99),
                all.maxMillis(),
                all.meanMillis());
        Map<String, Long> errors = new TreeMap<>(phase.outcomes);
        errors.remove(Phase.SUCCEEDED);
        System.out.printf(
                "succeeded: %d of %d; errors: %s%n",
                phase.succeeded(), options.payments(), errors.isEmpty() ? "none" : errors);
    }

    /** The per-payment latencies and outcome counts of one phase. */
    private static final class Phase {
        static final String SUCCEEDED = "succeeded";
        final long[] latencies;
        final Map<String, Long> outcomes = new ConcurrentHashMap<>();
        final LongAdder succeeded = new LongAdder();
        long elapsedNanos;

        Phase(int payments) {
            latencies = new long[payments];
        }

        void record(int index, long nanos, String outcome) {
            latencies[index] = nanos;
            outcomes.merge(outcome, 1L, Long::sum);
            if (SUCCEEDED.equals(outcome)) succeeded.increment();
        }

        long succeeded() {
            return succeeded.sum();
        }
    }
}

package io.s2spay.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Drives synchronous card debits through checkout-service's public API closed loop, one step per concurrency, and
 * prints each step's throughput, latency percentiles, errors and the CPU every process of the local stack used per
 * payment; then what the same PostgreSQL server commits without the platform. A load generator, not a test.
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
            System.err.println(BenchmarkOptions.usage());
            System.exit(2);
            return;
        }
        System.exit(new DebitBenchmark(options).run() ? 0 : 1);
    }

    /**
     * Runs the idle sample, the warm-up, the steps and the PostgreSQL baseline; false when the platform or the
     * baseline's server could not be reached, or the baseline failed.
     */
    boolean run() throws InterruptedException {
        System.out.printf(
                Locale.ROOT,
                "s2spay debit benchmark against %s: synchronous DB, 92.00 EUR, VISA ****%s%n",
                options.baseUrl(),
                TEST_CARD.substring(12));
        System.out.println("machine: " + MachineDescription.describe());
        if (options.concurrencyIgnored())
            System.out.println("note: --steps " + joined(options.steps()) + " replaces the positional concurrency");
        if (!reachable()) return false;
        PostgresBaseline baseline = new PostgresBaseline(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        if (options.baselineSeconds() > 0 && !baselineReachable(baseline)) return false;

        CpuMeter meter = CpuMeter.ofThisMachine();
        CpuReport cpu = new CpuReport(System.out);
        CpuSample first = meter.sample();
        cpu.processes(meter, first);
        if (meter.available() && options.idleSeconds() > 0) {
            Thread.sleep(Duration.ofSeconds(options.idleSeconds()));
            cpu.idle(meter.between(first, meter.sample()));
        }
        if (options.warmup() > 0) {
            int concurrency = options.warmupConcurrency();
            Phase warmup = runPhase("warmup", options.warmup(), concurrency);
            System.out.printf(
                    Locale.ROOT,
                    "warm-up: %d payments at concurrency %d in %.1f s (%d succeeded)%n",
                    options.warmup(),
                    concurrency,
                    warmup.elapsedNanos / 1e9,
                    warmup.succeeded());
        }
        StatementStatistics.Result<StatementStatistics> sql =
                StatementStatistics.of(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        if (sql.value().isEmpty()) System.out.println("SQL per payment: not measured, " + sql.reason());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < options.steps().size(); i++) {
            int concurrency = options.steps().get(i);
            resetStatements(sql);
            CpuSample before = meter.sample();
            Phase phase = runPhase("step" + i, options.payments(), concurrency);
            Step step = new Step(concurrency, phase, meter.between(before, meter.sample()));
            steps.add(step);
            report(step, meter.available(), cpu);
            printStatements(sql, phase.succeeded());
        }
        if (steps.size() > 1 || meter.available()) summary(steps, meter.available(), cpu);
        if (options.baselineSeconds() > 0) return baseline(baseline, meter, cpu, steps);
        return true;
    }

    private static void resetStatements(StatementStatistics.Result<StatementStatistics> sql) {
        if (sql.value().isEmpty()) return;
        try {
            sql.value().get().reset();
        } catch (java.sql.SQLException e) {
            System.out.println("SQL per payment: cannot reset pg_stat_statements: " + e.getMessage());
        }
    }

    private static void printStatements(StatementStatistics.Result<StatementStatistics> sql, long succeeded) {
        if (sql.value().isEmpty()) return;
        try {
            StatementStatistics.print(System.out, sql.value().get().read(), succeeded, 12);
        } catch (java.sql.SQLException e) {
            System.out.println("SQL per payment: cannot read pg_stat_statements: " + e.getMessage());
        }
    }

    private boolean baselineReachable(PostgresBaseline baseline) {
        try {
            baseline.checkConnection();
            return true;
        } catch (SQLException e) {
            System.err.printf(
                    "bench: cannot connect to PostgreSQL at %s as %s for the baseline (%s). Give the stack's server with"
                            + " --jdbc, --jdbc-user and --jdbc-password, or skip the baseline with --baseline-seconds 0%n",
                    options.jdbcUrl(), options.jdbcUser(), e.getMessage());
            return false;
        }
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

    /** One measured step: its concurrency, its payments and the stack's CPU meanwhile. */
    private record Step(int concurrency, Phase phase, CpuInterval cpu) {
        double seconds() {
            return phase.elapsedNanos / 1e9;
        }

        double paymentsPerSecond() {
            return phase.latencies.length / seconds();
        }

        double succeededPerSecond() {
            return phase.succeeded() / seconds();
        }

        LatencyStatistics latencies() {
            return new LatencyStatistics(phase.latencies);
        }

        String errors() {
            Map<String, Long> errors = new TreeMap<>(phase.outcomes);
            errors.remove(Phase.SUCCEEDED);
            return errors.isEmpty() ? "none" : errors.toString();
        }
    }

    private void report(Step step, boolean cpuAvailable, CpuReport cpu) {
        LatencyStatistics all = step.latencies();
        System.out.printf(
                Locale.ROOT,
                "%nstep: %d payments at concurrency %d in %.2f s%n",
                step.phase.latencies.length,
                step.concurrency(),
                step.seconds());
        System.out.printf(
                Locale.ROOT,
                "throughput: %.1f payments/s (%.1f succeeded/s)%n",
                step.paymentsPerSecond(),
                step.succeededPerSecond());
        System.out.printf(
                Locale.ROOT,
                "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  mean %.1f%n",
                all.percentileMillis(50),
                all.percentileMillis(95),
                all.percentileMillis(99),
                all.maxMillis(),
                all.meanMillis());
        System.out.printf(
                "succeeded: %d of %d; errors: %s%n",
                step.phase.succeeded(), step.phase.latencies.length, step.errors());
        if (cpuAvailable) cpu.perPayment(step.cpu(), step.phase.succeeded());
    }

    private void summary(List<Step> steps, boolean cpuAvailable, CpuReport cpu) {
        System.out.printf("%nsummary (%d payments per step, after the warm-up):%n", options.payments());
        System.out.println(
                "| concurrency | payments | payments/s | p50 ms | p95 ms | p99 ms | errors | stack CPU ms/payment |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Step step : steps) {
            LatencyStatistics all = step.latencies();
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %.1f | %.1f | %.1f | %.1f | %s | %s |%n",
                    step.concurrency(),
                    step.phase.latencies.length,
                    step.paymentsPerSecond(),
                    all.percentileMillis(50),
                    all.percentileMillis(95),
                    all.percentileMillis(99),
                    step.errors(),
                    cpuAvailable ? CpuReport.figure(step.cpu().stackMillisPerPayment(step.phase.succeeded())) : "n/a");
        }
        if (cpuAvailable)
            cpu.perPaymentTable(
                    steps.stream().map(s -> "c=" + s.concurrency()).toList(),
                    steps.stream().map(Step::cpu).toList(),
                    steps.stream().map(s -> s.phase.succeeded()).toList());
    }

    private boolean baseline(PostgresBaseline baseline, CpuMeter meter, CpuReport cpu, List<Step> steps)
            throws InterruptedException {
        System.out.printf(
                Locale.ROOT,
                "%nPostgreSQL baseline: %d clients for %d s, each committing \"insert a payment row + an outbox row\""
                        + " in schema %s of %s%n",
                options.baselineClients(),
                options.baselineSeconds(),
                PostgresBaseline.SCHEMA,
                options.jdbcUrl());
        PostgresBaseline.Result result;
        try {
            result = baseline.run(options.baselineClients(), options.baselineSeconds(), meter);
        } catch (SQLException e) {
            System.err.println("bench: the PostgreSQL baseline failed: " + e.getMessage());
            return false;
        }
        LatencyStatistics latencies = result.latencies();
        System.out.printf(
                Locale.ROOT,
                "server: PostgreSQL %s, synchronous_commit %s (as the server has it)%n",
                result.serverVersion(),
                result.synchronousCommit());
        System.out.printf(
                Locale.ROOT,
                "baseline: %d transactions in %.2f s: %.1f transactions/s; latency ms p50 %.1f  p95 %.1f  p99 %.1f;"
                        + " errors: %s%n",
                result.transactions(),
                result.elapsedNanos() / 1e9,
                result.transactionsPerSecond(),
                latencies.percentileMillis(50),
                latencies.percentileMillis(95),
                latencies.percentileMillis(99),
                result.errors().isEmpty() ? "none" : result.errors());
        if (meter.available()) cpu.baseline(result.cpu(), result.transactions());
        steps.stream()
                .max(Comparator.comparingDouble(Step::succeededPerSecond))
                .ifPresent(best -> System.out.printf(
                        Locale.ROOT,
                        "s2spay's best step (concurrency %d): %.1f succeeded payments/s = %.1f %% of the baseline's %.1f"
                                + " transactions/s%n",
                        best.concurrency(),
                        best.succeededPerSecond(),
                        PostgresBaseline.percentOf(best.succeededPerSecond(), result.transactionsPerSecond()),
                        result.transactionsPerSecond()));
        return true;
    }

    private static String joined(List<Integer> steps) {
        return String.join(",", steps.stream().map(String::valueOf).toList());
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

package io.s2spay.sandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the sandbox (a main, not a test): keep-alive HTTP/1.1 connections, one virtual thread each,
 * sending synchronous VISA debits (or query requests) as fast as the sandbox answers, then printing requests per
 * second and latency percentiles. Starts an in-process sandbox unless {@code -Dbenchmark.url} names one.
 *
 * <pre>./mvnw -q -pl gateway-sandbox test-compile exec:java -Dbenchmark.seconds=20 -Dbenchmark.clients=32</pre>
 */
public final class SandboxLoadBenchmark {

    private static final String TOKEN = "OGFjN2E0YzgtU0FOREJPWC1URVNULVRPS0VOLU1FUkNIQU5ULUE=";
    private static final String ENTITY = "8ac7a4c800000000000000000000a001";

    private SandboxLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int warmup = Integer.getInteger("benchmark.warmup", 5);
        int clients = Integer.getInteger("benchmark.clients", 32);
        String mode = System.getProperty("benchmark.mode", "debit");
        String url = System.getProperty("benchmark.url");
        GatewaySandbox sandbox = null;
        if (url == null) {
            sandbox = GatewaySandbox.start(Map.of("logging.level.root", "WARN"));
            url = sandbox.baseUrl();
        }
        URI base = URI.create(url);
        try {
            run(base, clients, warmup, false, mode);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            Result result = run(base, clients, seconds, true, mode);
            double cpuMillisPerRequest = (os.getProcessCpuTime() - cpuBefore) / 1e6 / Math.max(1, result.requests);
            System.out.printf(
                    "gateway-sandbox %s: %d clients, %d s: %d requests, %.0f requests/s, errors %d,"
                            + " latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d cores, system load average %.1f;"
                            + " this JVM used %.3f CPU-ms per request (sandbox and load generator together)%n",
                    mode,
                    clients,
                    seconds,
                    result.requests,
                    result.requests / (double) seconds,
                    result.errors,
                    result.percentile(50),
                    result.percentile(99),
                    result.percentile(100),
                    Runtime.getRuntime().availableProcessors(),
                    os.getSystemLoadAverage(),
                    cpuMillisPerRequest);
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    /** What a run measured. */
    private record Result(long requests, long errors, long[] latenciesNanos) {
        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = Math.min(latenciesNanos.length - 1, (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1_000_000.0;
        }
    }

    private static Result run(URI base, int clients, int seconds, boolean measure, String mode) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        String prefix = "bench-" + System.nanoTime() + "-";
        for (int c = 0; c < clients; c++) {
            long[] own = new long[2_000_000];
            latencies.add(own);
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                int n = 0;
                String createdId = null;
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
                    while (running.get()) {
                        byte[] request;
                        if ("query".equals(mode) && createdId != null) {
                            request = get(base, "/v1/query/" + createdId + "?entityId=" + ENTITY);
                        } else {
                            request = debit(base, prefix + client + "-" + n);
                        }
                        long start = System.nanoTime();
                        out.write(request);
                        out.flush();
                        Response response = read(in);
                        long elapsed = System.nanoTime() - start;
                        if (response.status != 200) {
                            errors.incrementAndGet();
                        } else if (createdId == null && "query".equals(mode)) {
                            int at = response.body.indexOf("\"id\":\"") + 6;
                            createdId = response.body.substring(at, at + 32);
                        }
                        if (n < own.length) {
                            own[n] = elapsed;
                        }
                        n++;
                        requests.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
                own[own.length - 1] = -n; // how many latencies this client recorded
            }));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!measure) {
            return new Result(requests.get(), errors.get(), new long[0]);
        }
        long total = 0;
        for (long[] own : latencies) {
            total += Math.min(-own[own.length - 1], own.length - 1);
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] own : latencies) {
            int count = (int) Math.min(-own[own.length - 1], own.length - 1);
            System.arraycopy(own, 0, all, at, count);
            at += count;
        }
        Arrays.sort(all);
        return new Result(requests.get(), errors.get(), all);
    }

    private static byte[] debit(URI base, String merchantTransactionId) {
        String body = "entityId=" + ENTITY + "&amount=92.00&currency=EUR&paymentBrand=VISA&paymentType=DB"
                + "&card.number=4200000000000000&card.holder=Jane+Jones&card.expiryMonth=05&card.expiryYear=2034"
                + "&card.cvv=123&merchantTransactionId=" + merchantTransactionId;
        return ("POST /v1/payments HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] get(URI base, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A minimal HTTP/1.1 response: status, and the body (Content-Length or chunked). */
    private record Response(int status, String body) {}

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        String header;
        while (!(header = line(in)).isEmpty()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        StringBuilder body = new StringBuilder();
        if (chunked) {
            while (true) {
                int size = Integer.parseInt(line(in).trim(), 16);
                if (size == 0) {
                    line(in);
                    break;
                }
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                line(in);
            }
        } else if (length > 0) {
            body.append(new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
        }
        return new Response(status, body.toString());
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        if (c == -1 && line.isEmpty()) {
            throw new IOException("connection closed");
        }
        return line.toString();
    }
}

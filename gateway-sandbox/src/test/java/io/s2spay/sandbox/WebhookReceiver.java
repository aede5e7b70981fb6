package io.s2spay.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's webhook endpoint for the tests of every simulated API: records every delivery with its body and
 * headers (OPP's {@code X-Initialization-Vector}, the orders API's {@code X-Signature}, the tokens API's
 * {@code Signature}, ...) and fails the first ones on request.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received; header names are case-insensitive. */
    public record Delivery(String body, Map<String, String> headers) {

        public Delivery {
            TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            byName.putAll(headers);
            headers = byName;
        }

        /** The header's first value, null when it was not sent. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The same delivery with another body (a tampered copy). */
        public Delivery withBody(String otherBody) {
            return new Delivery(otherBody, headers);
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    public WebhookReceiver() throws IOException {
        this(0);
    }

    /** On {@code port} (0: a free one), e.g. the port of a receiver closed before a restart. */
    public WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/webhook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
                deliveries.add(new Delivery(new String(in.readAllBytes(), StandardCharsets.UTF_8), headers));
            }
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    /** Answers the next {@code count} deliveries with HTTP 500. */
    public void failNext(int count) {
        failuresLeft.set(count);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

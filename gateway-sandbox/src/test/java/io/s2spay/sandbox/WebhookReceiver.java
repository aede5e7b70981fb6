package io.s2spay.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A merchant's webhook endpoint for the tests: records every delivery and fails the first ones on request. */
final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received. */
    record Delivery(String body, String initializationVector, String authenticationTag, String contentType) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    WebhookReceiver() throws IOException {
        this(0);
    }

    WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/webhook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                deliveries.add(new Delivery(
                        body,
                        exchange.getRequestHeaders().getFirst("X-Initialization-Vector"),
                        exchange.getRequestHeaders().getFirst("X-Authentication-Tag"),
                        exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    void failNext(int count) {
        failuresLeft.set(count);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.s2spay.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * The merchant's webhook endpoint: a real HTTP server that checks the {@code S2spay-Signature} of every delivery
 * (HMAC-SHA256 of {@code "<t>.<raw body>"} with the endpoint's secret, {@code t} within {@link #TOLERANCE}), keeps
 * what it accepted in arrival order, and can be taken down (connection refused) or made to answer 503.
 */
final class WebhookReceiver implements AutoCloseable {

    /** How far a signature's timestamp may be from now, as a merchant's replay protection would allow. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One delivery: the event's id and type, the payment view it carried, and whether it was acknowledged. */
    record Delivery(
            String eventId,
            String type,
            String paymentId,
            String paymentStatus,
            JsonNode body,
            int answered,
            Instant receivedAt) {}

    /** The port, chosen at the first start and kept across restarts (the registered URL names it). */
    private volatile int port;

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<String> refusedSignatures = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private volatile boolean unavailable;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver(0);
        receiver.up();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/s2spay";
    }

    /** The secret of the registered endpoint (answered once, by POST /v1/webhook-endpoints). */
    void secret(String secret) {
        this.secret = secret;
    }

    /** Starts (again) on the same port. */
    synchronized void up() {
        unavailable = false;
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/s2spay", this::receive);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Down: nothing listens on the port any more (the sender sees connections refused). */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listening, but every delivery is answered 503 and not counted as received. */
    void unavailable() {
        unavailable = true;
    }

    /** The deliveries acknowledged with 2xx, in arrival order. */
    List<Delivery> accepted() {
        return deliveries.stream()
                .filter(delivery -> delivery.answered() / 100 == 2)
                .toList();
    }

    List<Delivery> accepted(String paymentId) {
        return accepted().stream()
                .filter(delivery -> paymentId.equals(delivery.paymentId()))
                .toList();
    }

    /** Each event id once, in the order it first arrived. */
    List<String> distinctEventIds(String paymentId) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        accepted(paymentId).forEach(delivery -> seen.putIfAbsent(delivery.eventId(), true));
        return new ArrayList<>(seen.keySet());
    }

    /** Signatures that did not verify (wrong HMAC, missing header, stale timestamp), with the reason. */
    List<String> refusedSignatures() {
        return List.copyOf(refusedSignatures);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (unavailable) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String problem = verify(exchange.getRequestHeaders().getFirst("S2spay-Signature"), raw);
            if (problem != null) {
                refusedSignatures.add(problem);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            JsonNode body = MerchantApi.JSON.readTree(raw);
            deliveries.add(new Delivery(
                    body.path("id").asString(),
                    body.path("type").asString(),
                    body.path("payment").path("id").asString(),
                    body.path("payment").path("status").asString(),
                    body,
                    200,
                    Instant.now()));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** Null when the signature is right, else why not. */
    private String verify(String header, byte[] raw) {
        if (header == null) {
            return "no S2spay-Signature header";
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return "malformed S2spay-Signature " + header;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "t is not unix seconds: " + header;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now())
                        .abs()
                        .compareTo(TOLERANCE)
                > 0) {
            return "t outside the tolerance: " + header;
        }
        String key = secret;
        if (key == null) {
            return "no secret known yet";
        }
        byte[] expected = hmac(key, timestamp + "." + new String(raw, StandardCharsets.UTF_8));
        for (String signature : signatures) {
            try {
                if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) {
                    return null;
                }
            } catch (IllegalArgumentException notHex) {
                // another scheme's value, not ours: keep looking
            }
        }
        return "no v1 signature matches: " + header;
    }

    static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        down();
    }
}

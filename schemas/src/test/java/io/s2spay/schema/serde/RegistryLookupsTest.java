package io.s2spay.schema.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A registry that takes requests and never answers them: every lookup must give up, none may hang. */
@Timeout(20)
class RegistryLookupsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private ServerSocket silentRegistry;
    private final BlockingQueue<String> requestLines = new LinkedBlockingQueue<>();
    private final List<Socket> held = new ArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void startSilentRegistry() throws IOException {
        silentRegistry = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!silentRegistry.isClosed()) {
                try {
                    Socket socket = silentRegistry.accept();
                    synchronized (held) {
                        held.add(socket);
                    }
                    requestLines.add(new BufferedReader(
                                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stopSilentRegistry() throws Exception {
        silentRegistry.close();
        synchronized (held) {
            for (Socket socket : held) {
                socket.close();
            }
        }
        acceptor.join(5000);
    }

    private String url() {
        return "http://127.0.0.1:" + silentRegistry.getLocalPort() + "/apis/registry/v3";
    }

    @Test
    void aLookupTheRegistryNeverAnswersFailsAfterTheRequestTimeout() throws Exception {
        RegistryClientFacade facade = RegistryLookups.facade(url(), TIMEOUT);

        long started = System.nanoTime();
        RuntimeException failure = assertThrows(RuntimeException.class, () -> facade.getSchemaByContentId(42L));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "gave up after " + took + ": " + failure);
        for (int attempt = 1; attempt <= RegistryLookups.ATTEMPTS; attempt++) {
            String request = requestLines.poll(5, TimeUnit.SECONDS);
            assertTrue(
                    request != null && request.startsWith("GET /apis/registry/v3/ids/contentIds/42"),
                    "attempt " + attempt + ": " + request);
        }
        assertEquals(null, requestLines.poll(3 * TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "no fourth attempt");
    }

    @Test
    void aLookupThatTimedOutOnceIsAnsweredByItsSecondAttempt() throws Exception {
        try (ServerSocket slowOnce = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try {
                    Socket ignored = slowOnce.accept(); // the first request: never answered
                    new BufferedReader(new InputStreamReader(ignored.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
                    synchronized (held) {
                        held.add(ignored);
                    }
                    try (Socket answered = slowOnce.accept()) {
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(answered.getInputStream(), StandardCharsets.US_ASCII));
                        requestLines.add(in.readLine());
                        String line;
                        while ((line = in.readLine()) != null && !line.isEmpty()) {
                            // the request's headers
                        }
                        String body = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}";
                        answered.getOutputStream()
                                .write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                                + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                                        .getBytes(StandardCharsets.US_ASCII));
                        answered.getOutputStream().flush();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            RegistryClientFacade facade = RegistryLookups.facade(
                    "http://127.0.0.1:" + slowOnce.getLocalPort() + "/apis/registry/v3", TIMEOUT);

            String schema = facade.getSchemaByContentId(42L);

            assertTrue(schema.contains("\"name\":\"R\""), schema);
            String second = requestLines.poll(5, TimeUnit.SECONDS);
            assertTrue(second != null && second.startsWith("GET /apis/registry/v3/ids/contentIds/42"), second);
            server.join(5000);
        }
    }

    @Test
    void anUnboundFacadeAsksTheRegistryItIsBoundToLater() throws Exception {
        RegistryLookups.Unbound unbound = RegistryLookups.unbound(TIMEOUT);
        unbound.bind(Map.of("apicurio.registry.url", url()));

        assertThrows(RuntimeException.class, () -> unbound.facade().getSchemaByGlobalId(7L, false));

        String request = requestLines.poll(5, TimeUnit.SECONDS);
        assertTrue(request != null && request.startsWith("GET /apis/registry/v3/ids/globalIds/7"), request);
    }

    @Test
    void bindingWithoutARegistryAddressIsRefused() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> RegistryLookups.unbound().bind(Map.of()));
        assertEquals("apicurio.registry.url is not set: no registry to look schemas up in", refused.getMessage());
    }

    @Test
    void theDefaultRequestTimeoutIsTenSeconds() {
        assertEquals(Duration.ofSeconds(10), RegistryLookups.REQUEST_TIMEOUT);
    }
}

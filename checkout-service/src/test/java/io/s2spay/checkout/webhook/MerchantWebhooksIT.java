package io.s2spay.checkout.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.s2spay.checkout.CheckoutServiceApplication;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.testkit.TestInfrastructure;
import io.s2spay.testkit.TestMessages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two checkout instances on real PostgreSQL, Kafka and the registry, both consuming events and both dispatching
 * webhooks, and a real HTTP receiver that checks every signature with the README's verifier. Payments are made
 * through {@code POST /v1/payments}; the test plays the executor and the back office by publishing their outcome
 * events, since checkout's tests run no executor.
 */
@ExtendWith(OutputCaptureExtension.class)
class MerchantWebhooksIT {

    static final String DEMO_KEY = "sk_test_s2spay_demo_0001";
    static final String OTHER_KEY = "sk_test_s2spay_other_0002";
    static final String PAN = "4200000000000000";
    static final String CONFIGURED_SECRET = "whsec_configured_by_property_test_only";
    static final Duration RETRY_FOR = Duration.ofSeconds(8);

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpServer server;
    static final Map<String, Receiver> receivers = new ConcurrentHashMap<>();
    static ConfigurableApplicationContext one;
    static ConfigurableApplicationContext two;
    static JdbcClient db;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hooks/", MerchantWebhooksIT::receive);
        server.start();
        receivers.put("configured", new Receiver(CONFIGURED_SECRET));
        TestInfrastructure infrastructure = TestInfrastructure.get();
        one = start(infrastructure);
        two = start(infrastructure);
        db = JdbcClient.create(new DriverManagerDataSource(
                infrastructure.jdbcUrl(), infrastructure.jdbcUsername(), infrastructure.jdbcPassword()));
        for (ConfigurableApplicationContext instance : List.of(one, two)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode health =
                        JSON.readTree(get(instance, "/actuator/health", null).body());
                assertThat(health.at("/components/outboxRelay/status").asString())
                        .isEqualTo("UP");
            });
        }
    }

    static ConfigurableApplicationContext start(TestInfrastructure infrastructure) {
        List<String> args = new ArrayList<>();
        infrastructure.springProperties("checkout").forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of(
                "--server.port=0",
                "--s2spay.checkout.sync-wait=1s",
                "--s2spay.checkout.webhooks.allow-insecure-loopback=true",
                "--s2spay.checkout.webhooks.poll-interval=100ms",
                "--s2spay.checkout.webhooks.initial-backoff=200ms",
                "--s2spay.checkout.webhooks.max-backoff=1s",
                "--s2spay.checkout.webhooks.retry-for=" + RETRY_FOR.toMillis() + "ms",
                "--s2spay.checkout.webhooks.request-timeout=15s",
                "--s2spay.checkout.webhooks.endpoints.merchant-demo[0].url=" + hookUrl("configured"),
                "--s2spay.checkout.webhooks.endpoints.merchant-demo[0].secret=" + CONFIGURED_SECRET));
        return CheckoutServiceApplication.application().run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            // nothing more for this test's receivers once it is gone
            db.sql("update checkout.webhook_endpoint set status = 'deleted' where url like :prefix")
                    .param("prefix", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/%")
                    .update();
        }
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {one, two}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void deliversEveryEventOfAPaymentSignedAndInOrderToEachEndpoint(CapturedOutput output) throws Exception {
        Receiver receiver = new Receiver();
        String endpointId = register(DEMO_KEY, receiver, null);
        try {
            String paymentId = payment(DEMO_KEY);
            awaitTypes(receiver, paymentId, List.of("payment.requested"));
            publishOutcomes(paymentId, "merchant-demo");

            List<String> expected =
                    List.of("payment.requested", "payment.debited", "payment.refunded", "payment.refunded");
            awaitTypes(receiver, paymentId, expected);
            awaitTypes(receivers.get("configured"), paymentId, expected);
            // two instances dispatch side by side, yet under the lease each event was sent once
            assertThat(receiver.of(paymentId)).extracting(Received::eventId).doesNotHaveDuplicates();
            assertThat(receiver.badSignatures).hasValue(0);
            assertThat(receivers.get("configured").badSignatures).hasValue(0);

            Received debited = receiver.of(paymentId).get(1);
            assertThat(debited.body().get("id").asString()).isEqualTo(debited.eventId());
            assertThat(debited.body().at("/payment/id").asString()).isEqualTo(paymentId);
            assertThat(debited.body().at("/payment/status").asString()).isEqualTo("succeeded");
            assertThat(debited.body().at("/payment/card/last4Digits").asString())
                    .isEqualTo("0000");
            assertThat(Instant.parse(debited.body().get("created").asString())).isBefore(Instant.now());
            assertThat(debited.rawBody()).doesNotContain(PAN);

            JsonNode page = JSON.readTree(get(
                            one,
                            "/v1/webhook-endpoints/" + endpointId + "/deliveries?payment_id=" + paymentId + "&limit=3",
                            DEMO_KEY)
                    .body());
            assertThat(page.get("hasMore").asBoolean()).isTrue();
            assertThat(page.get("data"))
                    .extracting(d -> d.get("sequence").asLong())
                    .containsExactly(4L, 3L, 2L);
            assertThat(page.get("data"))
                    .allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("delivered"));
            JsonNode rest = JSON.readTree(get(
                            one,
                            "/v1/webhook-endpoints/" + endpointId + "/deliveries?payment_id=" + paymentId
                                    + "&limit=3&starting_after="
                                    + page.at("/data/2/id").asString(),
                            DEMO_KEY)
                    .body());
            assertThat(rest.get("data"))
                    .extracting(d -> d.get("eventType").asString())
                    .containsExactly("payment.requested");
            assertThat(rest.get("hasMore").asBoolean()).isFalse();
            assertThat(output.getAll()).doesNotContain(receiver.secret).doesNotContain(CONFIGURED_SECRET);
        } finally {
            delete(DEMO_KEY, endpointId);
        }
    }

    @Test
    void keepsOrderAndLosesNothingThroughAnOutageOfTheReceiver() throws Exception {
        // first nothing listens at the endpoint's port, then it answers 503, then it is back
        int port;
        // a plain socket, since a stopped HttpServer may keep its port listening for a while
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Receiver receiver = new Receiver();
        receiver.answer = 503;
        String endpointId = register(DEMO_KEY, receiver, null, "http://127.0.0.1:" + port + "/hooks/" + receiver.name);
        HttpServer restarted = null;
        try {
            String paymentId = payment(DEMO_KEY);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> JSON.readTree(get(
                                                    one,
                                                    "/v1/webhook-endpoints/" + endpointId + "/deliveries?payment_id="
                                                            + paymentId,
                                                    DEMO_KEY)
                                            .body())
                                    .get("data")
                                    .size()
                            == 1);
            publishOutcomes(paymentId, "merchant-demo");
            String firstId = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> JSON.readTree(get(
                                            one,
                                            "/v1/webhook-endpoints/" + endpointId + "/deliveries?payment_id="
                                                    + paymentId,
                                            DEMO_KEY)
                                    .body()),
                            page -> page.get("data").size() == 4
                                    && page.at("/data/3/attemptCount").asInt() >= 2)
                    .at("/data/3/id")
                    .asString();
            assertThat(JSON.readTree(get(one, "/v1/webhook-deliveries/" + firstId, DEMO_KEY)
                                    .body())
                            .get("attempts"))
                    .allSatisfy(a -> assertThat(a.path("error").asString()).startsWith("connection failed"));

            restarted = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            restarted.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            restarted.createContext("/hooks/", MerchantWebhooksIT::receive);
            restarted.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.refused.get() >= 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.refused.get() >= 3);

            // while the first is retried, the later events of the payment wait
            JsonNode waiting = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> JSON.readTree(get(
                                            one,
                                            "/v1/webhook-endpoints/" + endpointId + "/deliveries?payment_id="
                                                    + paymentId,
                                            DEMO_KEY)
                                    .body()),
                            page -> page.get("data").size() == 4
                                    && page.at("/data/3/attemptCount").asInt() >= 2);
            assertThat(waiting.at("/data/3/eventType").asString()).isEqualTo("payment.requested");
            assertThat(waiting.get("data"))
                    .extracting(d -> d.get("attemptCount").asInt())
                    .startsWith(0, 0, 0);
            JsonNode first = JSON.readTree(get(
                            two,
                            "/v1/webhook-deliveries/" + waiting.at("/data/3/id").asString(),
                            DEMO_KEY)
                    .body());
            assertThat(first.get("attempts"))
                    .anySatisfy(a -> assertThat(a.path("httpStatus").asInt()).isEqualTo(503))
                    .anySatisfy(a -> assertThat(a.has("error")).isTrue());
            assertThat(first.at("/event/type").asString()).isEqualTo("payment.requested");

            receiver.answer = 200;

            awaitTypes(
                    receiver,
                    paymentId,
                    List.of("payment.requested", "payment.debited", "payment.refunded", "payment.refunded"));
            assertThat(receiver.badSignatures).hasValue(0);
        } finally {
            delete(DEMO_KEY, endpointId);
            if (restarted != null) {
                restarted.stop(0);
            }
        }
    }

    @Test
    void aSlowEndpointDoesNotDelayAnotherMerchantsDeliveries() throws Exception {
        Receiver slow = new Receiver();
        slow.delay = Duration.ofSeconds(10);
        Receiver quick = new Receiver();
        String slowEndpoint = register(OTHER_KEY, slow, null);
        String quickEndpoint = register(DEMO_KEY, quick, null);
        try {
            List<CompletableFuture<String>> slowPayments = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                slowPayments.add(CompletableFuture.supplyAsync(() -> payment(OTHER_KEY)));
            }
            CompletableFuture.allOf(slowPayments.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> slow.started.get() >= 4);

            Instant start = Instant.now();
            String paymentId = payment(DEMO_KEY);
            awaitTypes(quick, paymentId, List.of("payment.requested"));

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(slow.received.size())
                    .as("slow requests answered meanwhile")
                    .isLessThan(10);
            // at most max-concurrency-per-endpoint (4) requests from each of the two instances
            assertThat(slow.maxInFlight.get()).isBetween(2, 8);
        } finally {
            delete(OTHER_KEY, slowEndpoint);
            delete(DEMO_KEY, quickEndpoint);
        }
    }

    @Test
    void resendsADeliveryAndReopensAFailedOne() throws Exception {
        Receiver receiver = new Receiver();
        receiver.answer = 500;
        String endpointId = register(DEMO_KEY, receiver, null);
        try {
            String paymentId = payment(DEMO_KEY);
            String deliveryId = JSON.readTree(await().atMost(Duration.ofSeconds(20))
                            .until(
                                    () -> get(
                                                    one,
                                                    "/v1/webhook-endpoints/" + endpointId + "/deliveries?payment_id="
                                                            + paymentId,
                                                    DEMO_KEY)
                                            .body(),
                                    body -> JSON.readTree(body).get("data").size() == 1))
                    .at("/data/0/id")
                    .asString();

            JsonNode failed = await().atMost(RETRY_FOR.plusSeconds(15))
                    .until(
                            () -> JSON.readTree(get(one, "/v1/webhook-deliveries/" + deliveryId, DEMO_KEY)
                                    .body()),
                            d -> d.get("status").asString().equals("failed"));
            assertThat(failed.get("attemptCount").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(failed.get("attempts"))
                    .hasSize(failed.get("attemptCount").asInt());
            assertThat(failed.has("nextAttemptAt")).isFalse();
            int refusedBefore = receiver.refused.get();

            receiver.answer = 200;
            HttpResponse<String> resent =
                    post(two, DEMO_KEY, "/v1/webhook-deliveries/" + deliveryId + "/resend", "", null);
            assertThat(resent.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(resent.body()).get("status").asString()).isEqualTo("pending");

            awaitTypes(receiver, paymentId, List.of("payment.requested"));
            JsonNode delivered = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> JSON.readTree(get(one, "/v1/webhook-deliveries/" + deliveryId, DEMO_KEY)
                                    .body()),
                            d -> d.get("status").asString().equals("delivered"));
            assertThat(delivered.get("attemptCount").asInt()).isEqualTo(refusedBefore + 1);
            assertThat(delivered
                            .at("/attempts/" + refusedBefore + "/httpStatus")
                            .asInt())
                    .isEqualTo(200);

            // a delivered one is sent again on request
            post(one, DEMO_KEY, "/v1/webhook-deliveries/" + deliveryId + "/resend", "", null);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.of(paymentId).size() == 2);
            assertThat(receiver.of(paymentId).get(1).eventId())
                    .isEqualTo(receiver.of(paymentId).get(0).eventId());
        } finally {
            delete(DEMO_KEY, endpointId);
        }
    }

    @Test
    void anotherMerchantSeesNoneOfTheEndpointAndItsDeliveries() throws Exception {
        Receiver receiver = new Receiver();
        String endpointId = register(DEMO_KEY, receiver, null);
        try {
            String paymentId = payment(DEMO_KEY);
            awaitTypes(receiver, paymentId, List.of("payment.requested"));
            String deliveryId = JSON.readTree(get(one, "/v1/webhook-endpoints/" + endpointId + "/deliveries", DEMO_KEY)
                            .body())
                    .at("/data/0/id")
                    .asString();

            assertThat(get(one, "/v1/webhook-endpoints/" + endpointId, OTHER_KEY)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(one, "/v1/webhook-endpoints/" + endpointId + "/deliveries", OTHER_KEY)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(one, "/v1/webhook-deliveries/" + deliveryId, OTHER_KEY)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(post(one, OTHER_KEY, "/v1/webhook-deliveries/" + deliveryId + "/resend", "", null)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(send(HttpRequest.newBuilder(url(one, "/v1/webhook-endpoints/" + endpointId))
                                    .header("Authorization", "Bearer " + OTHER_KEY)
                                    .DELETE()
                                    .build())
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(one, "/v1/webhook-endpoints", OTHER_KEY).body()).doesNotContain(endpointId);
            assertThat(get(one, "/v1/webhook-endpoints", null).statusCode()).isEqualTo(401);

            JsonNode own = JSON.readTree(
                    get(one, "/v1/webhook-endpoints/" + endpointId, DEMO_KEY).body());
            assertThat(own.get("url").asString()).isEqualTo(receiver.url);
            assertThat(own.has("secret")).as("the secret is shown only once").isFalse();
            assertThat(get(one, "/v1/webhook-endpoints", DEMO_KEY).body()).contains(endpointId);
        } finally {
            delete(DEMO_KEY, endpointId);
        }
        assertThat(get(one, "/v1/webhook-endpoints/" + endpointId, DEMO_KEY).statusCode())
                .isEqualTo(404);
    }

    @Test
    void validatesEndpointsStrictlyAndReplaysAnIdempotentCreation() throws Exception {
        assertInvalid(
                post(one, DEMO_KEY, "/v1/webhook-endpoints", "{\"url\":\"http://shop.example/hooks\"}", null), "url");
        assertInvalid(post(one, DEMO_KEY, "/v1/webhook-endpoints", "{\"url\":\"ftp://127.0.0.1/x\"}", null), "url");
        assertInvalid(post(one, DEMO_KEY, "/v1/webhook-endpoints", "{}", null), "url");
        assertInvalid(
                post(
                        one,
                        DEMO_KEY,
                        "/v1/webhook-endpoints",
                        "{\"url\":\"https://shop.example/hooks\",\"enabledEvents\":[\"*\"]}",
                        null),
                "enabledEvents");
        assertInvalid(
                post(
                        one,
                        DEMO_KEY,
                        "/v1/webhook-endpoints",
                        "{\"url\":\"https://shop.example/hooks\"," + "\"description\":" + "7}",
                        null),
                "description");
        assertInvalid(post(one, DEMO_KEY, "/v1/webhook-endpoints", "[1]", null), "body");
        assertInvalid(post(one, DEMO_KEY, "/v1/webhook-endpoints", "{\"url\":", null), "body");

        String key = "idem-" + UUID.randomUUID();
        String request =
                "{\"url\":\"https://shop.example/hooks/" + UUID.randomUUID() + "\",\"description\":\"orders\"}";
        HttpResponse<String> created = post(one, DEMO_KEY, "/v1/webhook-endpoints", request, key);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode endpoint = JSON.readTree(created.body());
        try {
            assertThat(endpoint.get("id").asString()).matches("we_[0-9a-f]{32}");
            assertThat(endpoint.get("secret").asString()).matches("whsec_[A-Za-z0-9_-]{43}");
            assertThat(endpoint.get("status").asString()).isEqualTo("enabled");
            assertThat(created.headers().firstValue("Location"))
                    .contains("/v1/webhook-endpoints/" + endpoint.get("id").asString());

            HttpResponse<String> replay = post(two, DEMO_KEY, "/v1/webhook-endpoints", request, key);
            assertThat(replay.statusCode()).isEqualTo(201);
            assertThat(replay.body()).isEqualTo(created.body());
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(post(one, DEMO_KEY, "/v1/webhook-endpoints", request.replace("orders", "refunds"), key)
                            .statusCode())
                    .isEqualTo(422);

            // at rest, neither the endpoint nor the stored answer holds the secret in clear
            String secret = endpoint.get("secret").asString();
            assertThat(db.sql(
                                    "select count(*) from checkout.webhook_endpoint e where encode(e.secret_encrypted, 'escape') "
                                            + "like :s")
                            .param("s", "%" + secret.substring(6) + "%")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(db.sql("select count(*) from checkout.idempotency_key where encode(response_body, 'escape') "
                                    + "like :s")
                            .param("s", "%" + secret.substring(6) + "%")
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            delete(DEMO_KEY, endpoint.get("id").asString());
        }
    }

    // --- the receiver: a merchant's endpoint that checks every signature

    /** One endpoint path of the receiver: how it answers and what it got. */
    static final class Receiver {
        final String name = UUID.randomUUID().toString();
        final String url = hookUrl(name);
        volatile String secret;
        volatile int answer = 200;
        volatile Duration delay = Duration.ZERO;
        final List<Received> received = new CopyOnWriteArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        Receiver() {
            receivers.put(name, this);
        }

        Receiver(String secret) {
            this.secret = secret;
        }

        List<Received> of(String paymentId) {
            return received.stream()
                    .filter(r -> paymentId.equals(r.body().at("/payment/id").asString()))
                    .toList();
        }
    }

    record Received(String eventId, String type, JsonNode body, String rawBody) {}

    static String hookUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    static void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/hooks/".length());
            Receiver receiver = receivers.get(name);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (receiver == null || receiver.secret == null) {
                exchange.sendResponseHeaders(410, -1);
                return;
            }
            receiver.started.incrementAndGet();
            receiver.maxInFlight.accumulateAndGet(receiver.inFlight.incrementAndGet(), Math::max);
            try {
                answer(exchange, receiver, raw);
            } finally {
                receiver.inFlight.decrementAndGet();
            }
        }
    }

    static void answer(HttpExchange exchange, Receiver receiver, byte[] raw) throws IOException {
        String body = new String(raw, StandardCharsets.UTF_8);
        String signature = exchange.getRequestHeaders().getFirst("S2spay-Signature");
        boolean valid = signature != null
                && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                && ReadmeVerifier.verify(
                        receiver.secret, signature, body, Instant.now().getEpochSecond());
        if (!valid) {
            receiver.badSignatures.incrementAndGet();
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        if (!receiver.delay.isZero()) {
            try {
                Thread.sleep(receiver.delay); // the slow merchant's server, not a wait of the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        JsonNode json = JSON.readTree(body);
        if (!json.get("id").asString().equals(exchange.getRequestHeaders().getFirst("S2spay-Event-Id"))) {
            // counted with the signatures: the test asserts none of either is wrong
            receiver.badSignatures.incrementAndGet();
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        int answer = receiver.answer;
        if (answer / 100 == 2) {
            receiver.received.add(
                    new Received(json.get("id").asString(), json.get("type").asString(), json, body));
        } else {
            receiver.refused.incrementAndGet();
        }
        exchange.sendResponseHeaders(answer, -1);
    }

    // --- the merchant's and the other services' side

    static String register(String apiKey, Receiver receiver, String idempotencyKey) {
        return register(apiKey, receiver, idempotencyKey, receiver.url);
    }

    static String register(String apiKey, Receiver receiver, String idempotencyKey, String url) {
        HttpResponse<String> response = post(
                one,
                apiKey,
                "/v1/webhook-endpoints",
                "{\"url\":\"" + url + "\",\"description\":\"test receiver\"}",
                idempotencyKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        receiver.secret = body.get("secret").asString();
        return body.get("id").asString();
    }

    static void delete(String apiKey, String endpointId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(two, "/v1/webhook-endpoints/" + endpointId))
                .header("Authorization", "Bearer " + apiKey)
                .DELETE()
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static String payment(String apiKey) {
        String body = """
                {"paymentType":"DB","amount":"92.00","currency":"EUR","paymentBrand":"VISA",
                 "card":{"number":"%s","holder":"Jane Jones","expiryMonth":"05","expiryYear":"2034","cvv":"123"},
                 "merchantTransactionId":"order-%s","shopperResultUrl":"https://shop.example/return"}""".formatted(PAN, UUID.randomUUID());
        HttpResponse<String> response = post(one, apiKey, "/v1/payments", body, null);
        assertThat(response.statusCode()).as(response.body()).isIn(201, 202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** What the executor and the back office would publish after the payment was requested. */
    static void publishOutcomes(String paymentId, String merchantId) throws Exception {
        String merchantTransactionId = JSON.readTree(
                        get(one, "/v1/payments/" + paymentId, merchantId.equals("merchant-demo") ? DEMO_KEY : OTHER_KEY)
                                .body())
                .get("merchantTransactionId")
                .asString();
        publish(TestMessages.paymentEvent(
                paymentId,
                merchantId,
                TestMessages.debited(
                        9200L,
                        merchantTransactionId,
                        "8ac7" + UUID.randomUUID().toString().replace("-", ""))));
        for (String operation : List.of("op_1", "op_2")) {
            publish(TestMessages.paymentEvent(
                    paymentId,
                    merchantId,
                    PaymentRefunded.newBuilder()
                            .setOperationId(operation + "_" + paymentId)
                            .setAmount(new Money(1000L, "EUR"))
                            .setGatewayResult(new GatewayResult("8ac7rf", "000.100.110", "ok", null))
                            .build()));
        }
    }

    @SuppressWarnings("unchecked")
    static void publish(PaymentEventEnvelope event) throws Exception {
        KafkaTemplate<String, SpecificRecord> kafka = one.getBean(KafkaTemplate.class);
        kafka.send(Topics.PAYMENT_EVENTS, event.getPaymentId(), event).get(10, TimeUnit.SECONDS);
    }

    static void awaitTypes(Receiver receiver, String paymentId, List<String> types) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(receiver.of(paymentId))
                        .extracting(Received::type)
                        .containsExactlyElementsOf(types));
    }

    static void assertInvalid(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("errors"))
                .anySatisfy(error -> assertThat(error.get("field").asString()).isEqualTo(field));
    }

    static HttpResponse<String> post(
            ConfigurableApplicationContext instance, String apiKey, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(instance, path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(instance, path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static URI url(ConfigurableApplicationContext instance, String path) {
        return URI.create("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port") + path);
    }
}

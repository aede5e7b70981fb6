package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRequested;
import io.s2spay.testkit.KafkaTopicReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A synchronous card debit (OPP {@code DB}) end to end through the public API: checkout → command on Kafka →
 * executor → OPP connector → gateway sandbox → outcome event → checkout's read model → the HTTP answer. Runs on
 * real PostgreSQL, Kafka and the registry; the last test reads every record of every topic, the whole run's logs
 * and every table outside the vault, and fails if a test card number or the CVV is there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardDebitEndToEndIT {

    // TEST KEYS of the local/test merchants (checkout-service.yml); test cards of the gateway sandbox (its README)
    static final String DEMO_KEY = "sk_test_s2spay_demo_0001";
    static final String APPROVED_VISA = "4200000000000000";
    static final String APPROVED_MASTER = "5454545454545454";
    static final String CVV = "739";
    static final List<String> TEST_PANS = List.of(
            APPROVED_VISA,
            APPROVED_MASTER,
            "4111111111111111",
            "4000000000000002",
            "4000000000000101",
            "4000000000000200",
            "4200000000000001");
    /** OPP's published expression for results that mean the transaction was processed successfully. */
    static final Pattern OPP_SUCCESS = Pattern.compile("^(000\\.000\\.|000\\.100\\.1|000\\.[36]|000\\.400\\.[1][12]0)");

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String EXPIRY_YEAR = Integer.toString(Year.now().getValue() + 4);

    static ConsoleCapture console;
    static EndToEndPlatform platform;
    static JdbcClient db;

    @BeforeAll
    static void startThePlatform() {
        console = ConsoleCapture.start(Path.of("target", "e2e-console.log"));
        platform = EndToEndPlatform.start();
        db = JdbcClient.create(new DriverManagerDataSource(
                platform.infrastructure.jdbcUrl(),
                platform.infrastructure.jdbcUsername(),
                platform.infrastructure.jdbcPassword()));
        platform.awaitHealthy();
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    @Order(1)
    void approvedCardIsDebitedAndTheAnswerCarriesTheGatewayOutcome() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();

        HttpResponse<String> response =
                post(platform.checkoutApi, DEMO_KEY, debit(merchantTransactionId, APPROVED_VISA), null);

        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        JsonNode payment = JSON.readTree(response.body());
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.at("/result/code").asString())
                .isEqualTo("000.100.110")
                .containsPattern(OPP_SUCCESS);
        assertThat(payment.get("paymentType").asString()).isEqualTo("DB");
        assertThat(payment.get("amount").asString()).isEqualTo("92.00");
        assertThat(payment.get("currency").asString()).isEqualTo("EUR");
        assertThat(payment.get("merchantTransactionId").asString()).isEqualTo(merchantTransactionId);
        assertThat(payment.at("/card/bin").asString()).isEqualTo("420000");
        assertThat(payment.at("/card/last4Digits").asString()).isEqualTo("0000");
        assertThat(payment.get("gatewayTransactionId").asString()).matches("[0-9a-f]{32}");
        assertThat(response.body()).doesNotContain(APPROVED_VISA, CVV + "\"");
        String paymentId = payment.get("id").asString();

        for (ConfigurableApplicationContext instance : List.of(platform.checkoutApi, platform.checkoutWorker)) {
            JsonNode current = JSON.readTree(
                    get(instance, "/v1/payments/" + paymentId, DEMO_KEY).body());
            assertThat(current.get("status").asString()).isEqualTo("succeeded");
            assertThat(current.at("/result/code").asString()).isEqualTo("000.100.110");
            assertThat(current.get("gatewayTransactionId").asString())
                    .isEqualTo(payment.get("gatewayTransactionId").asString());
        }
        assertThat(ledger(merchantTransactionId).at("/counts/DB").asInt()).isEqualTo(1);

        // the relay delivers at least once (a slot handed over re-streams its unconfirmed tail): one message is one
        // messageId, however often it is on the topic, and consumers de-duplicate on it
        List<Object> events = KafkaTopicReader.of(platform.infrastructure)
                .readValues(Topics.PAYMENT_EVENTS, PaymentEventEnvelope.class)
                .stream()
                .filter(event -> event.getPaymentId().equals(paymentId))
                .collect(Collectors.toMap(
                        PaymentEventEnvelope::getMessageId,
                        PaymentEventEnvelope::getPayload,
                        (first, redelivered) -> first,
                        LinkedHashMap::new))
                .values()
                .stream()
                .toList();
        assertThat(events).hasAtLeastOneElementOfType(PaymentRequested.class);
        assertThat(events)
                .filteredOn(PaymentDebited.class::isInstance)
                .singleElement()
                .satisfies(event -> {
                    PaymentDebited debited = (PaymentDebited) event;
                    assertThat(debited.getGatewayResult().getCode()).isEqualTo("000.100.110");
                    assertThat(debited.getGatewayResult().getGatewayTransactionId())
                            .isEqualTo(payment.get("gatewayTransactionId").asString());
                });
    }

    static Stream<Arguments> declineCards() {
        return Stream.of(
                // OPP's published expressions for each family of rejection
                Arguments.of("4000000000000002", "800.100.151", "^(800\\.[17]00|800\\.800\\.[123])"), // bank decline
                Arguments.of(
                        "4000000000000101",
                        "100.400.319",
                        "^(100\\.400|100\\.38|100\\.370\\.100|100\\.370\\.11)"), // external risk
                Arguments.of("4000000000000200", "800.300.401", "^(800\\.[32])")); // blacklist
    }

    @ParameterizedTest(name = "{0} → declined {1}")
    @MethodSource("declineCards")
    @Order(2)
    void declineCardIsDeclinedWithTheCodeOfItsOppFamily(String card, String code, String family) throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();

        HttpResponse<String> response = post(platform.checkoutApi, DEMO_KEY, debit(merchantTransactionId, card), null);

        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        JsonNode payment = JSON.readTree(response.body());
        assertThat(payment.get("status").asString()).isEqualTo("declined");
        assertThat(payment.at("/result/code").asString())
                .isEqualTo(code)
                .containsPattern(family)
                .doesNotContainPattern(OPP_SUCCESS);
        JsonNode current = JSON.readTree(
                get(platform.checkoutWorker, "/v1/payments/" + payment.get("id").asString(), DEMO_KEY)
                        .body());
        assertThat(current.get("status").asString()).isEqualTo("declined");
        assertThat(ledger(merchantTransactionId).at("/counts/DB").asInt())
                .as("nothing charged")
                .isZero();
    }

    @Test
    @Order(3)
    void idempotencyKeyReplaysTheFirstResponseAndNeverCreatesASecondPayment() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String key = "idem-" + UUID.randomUUID();
        String body = debit(merchantTransactionId, APPROVED_MASTER, "MASTER");

        HttpResponse<String> first = post(platform.checkoutApi, DEMO_KEY, body, key);
        HttpResponse<String> replay = post(platform.checkoutWorker, DEMO_KEY, body, key);

        assertThat(first.statusCode()).as(first.body()).isIn(200, 201);
        assertThat(JSON.readTree(first.body()).get("status").asString()).isEqualTo("succeeded");
        assertThat(replay.statusCode()).isEqualTo(first.statusCode());
        assertThat(JSON.readTree(replay.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(paymentRows(merchantTransactionId)).isEqualTo(1);
        assertThat(ledger(merchantTransactionId).at("/counts/DB").asInt()).isEqualTo(1);

        HttpResponse<String> otherBody =
                post(platform.checkoutApi, DEMO_KEY, debit("order-" + UUID.randomUUID(), APPROVED_VISA), key);
        assertThat(otherBody.statusCode()).as("same key, another request").isEqualTo(422);
    }

    @Test
    @Order(4)
    void concurrentRequestsWithOneIdempotencyKeyMakeOnePayment() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String key = "idem-" + UUID.randomUUID();
        String body = debit(merchantTransactionId, APPROVED_VISA);
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ConfigurableApplicationContext instance = i % 2 == 0 ? platform.checkoutApi : platform.checkoutWorker;
            requests.add(() -> post(instance, DEMO_KEY, body, key));
        }

        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<HttpResponse<String>> response : clients.invokeAll(requests, 2, TimeUnit.MINUTES)) {
                responses.add(response.get());
            }
        }

        assertThat(responses)
                .extracting(HttpResponse::statusCode)
                .allSatisfy(status -> assertThat(status).isIn(200, 201, 202, 409));
        assertThat(responses.stream()
                        .filter(r -> r.statusCode() != 409)
                        .map(r -> JSON.readTree(r.body()).get("id").asString())
                        .distinct()
                        .toList())
                .hasSize(1);
        assertThat(paymentRows(merchantTransactionId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                ledger(merchantTransactionId).at("/counts/DB").asInt())
                        .isEqualTo(1));
    }

    @Test
    @Order(5)
    void eachInstanceAnswersWithTheOutcomeWhileOnlyTheOtherConsumesTheEvents() throws Exception {
        // checkoutApi's read-model consumer is off: the outcome reaches it through the shared database's notification
        for (ConfigurableApplicationContext instance :
                List.of(platform.checkoutApi, platform.checkoutWorker, platform.checkoutApi)) {
            String merchantTransactionId = "order-" + UUID.randomUUID();

            HttpResponse<String> response = post(instance, DEMO_KEY, debit(merchantTransactionId, APPROVED_VISA), null);

            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
            assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("succeeded");
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.<Arguments>of(
                bad("amount with one decimal for EUR", body -> body.put("amount", "92.5"), "amount"),
                bad("amount in exponent notation", body -> body.put("amount", "1e3"), "amount"),
                bad("negative amount", body -> body.put("amount", "-92.00"), "amount"),
                bad("unknown currency", body -> body.put("currency", "ABC"), "currency"),
                bad("expired card", body -> card(body).put("expiryYear", "2020"), "card.expiry"),
                bad("card number failing Luhn", body -> card(body).put("number", "4200000000000001"), "card.number"),
                bad("missing CVV", body -> card(body).remove("cvv"), "card.cvv"),
                bad(
                        "missing merchantTransactionId",
                        body -> body.remove("merchantTransactionId"),
                        "merchantTransactionId"),
                bad("unknown payment type", body -> body.put("paymentType", "XX"), "paymentType"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    @Order(6)
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten(
            String what, Consumer<ObjectNode> change, String field) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(debit("order-" + UUID.randomUUID(), APPROVED_VISA));
        change.accept(body);
        String sent = JSON.writeValueAsString(body);
        Map<String, Long> before = writtenRows();

        HttpResponse<String> response = post(platform.checkoutApi, DEMO_KEY, sent, "bad-" + UUID.randomUUID());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString())
                        .toList())
                .anySatisfy(named -> assertThat(named).startsWith(field));
        assertThat(response.body()).doesNotContain(APPROVED_VISA, "4200000000000001");
        assertThat(writtenRows()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void aBadApiKeyOrAnUnreadableBodyIsRefusedAndNothingIsWritten() throws Exception {
        Map<String, Long> before = writtenRows();

        HttpResponse<String> badKey =
                post(platform.checkoutApi, "sk_test_wrong", debit("order-" + UUID.randomUUID(), APPROVED_VISA), null);
        HttpResponse<String> notJson = post(
                platform.checkoutApi,
                DEMO_KEY,
                "{\"amount\": \"92.00\", \"card\": {\"number\": \"" + APPROVED_VISA,
                null);

        assertThat(badKey.statusCode()).isEqualTo(401);
        assertThat(badKey.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(notJson.body()).doesNotContain(APPROVED_VISA);
        assertThat(writtenRows()).isEqualTo(before);
    }

    @Test
    @Order(100)
    void noCardNumberOrCvvOnAnyTopicInAnyLogOrInAnyTableOutsideTheVault() throws Exception {
        CardDataScanner scanner = new CardDataScanner(TEST_PANS, CVV);
        // the flows above are done; let the last relays and consumers finish writing
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<String> leaks = new ArrayList<>();

        KafkaTopicReader reader = KafkaTopicReader.of(platform.infrastructure);
        Set<String> topics = allTopics();
        assertThat(topics)
                .contains(Topics.PAYMENT_COMMANDS, Topics.PAYMENT_EVENTS, Topics.deadLetter(Topics.PAYMENT_COMMANDS));
        assertThat(topics).contains("__consumer_offsets");
        int records = 0;
        for (String topic : topics) {
            for (ConsumerRecord<byte[], byte[]> record : reader.readRaw(topic)) {
                records++;
                String where = topic + "-" + record.partition() + "@" + record.offset();
                scan(scanner.findInBytes(nonNull(record.key())), where + " key", leaks);
                scan(scanner.findInBytes(nonNull(record.value())), where + " value", leaks);
                for (Header header : record.headers()) {
                    scan(scanner.findInBytes(nonNull(header.value())), where + " header " + header.key(), leaks);
                }
            }
            if (List.of(Topics.PAYMENT_COMMANDS, Topics.BACKOFFICE_COMMANDS, Topics.PAYMENT_EVENTS)
                    .contains(topic)) {
                for (var record : reader.read(topic, org.apache.avro.specific.SpecificRecord.class)) {
                    scan(
                            scanner.findInJson(String.valueOf(record.value())),
                            topic + "@" + record.offset() + " decoded",
                            leaks);
                }
            }
        }
        assertThat(records).as("records read").isGreaterThan(20);

        String marker = "e2e log capture marker " + UUID.randomUUID();
        LoggerFactory.getLogger(CardDebitEndToEndIT.class).warn(marker);
        byte[] logs = console.captured();
        assertThat(new String(logs, StandardCharsets.UTF_8))
                .as("the capture holds what the applications' logging writes")
                .contains(marker);
        scan(scanner.findInLog(new String(logs, StandardCharsets.UTF_8)), "console log " + console.file(), leaks);
        for (Path log : infrastructureLogs()) {
            scan(scanner.findInLog(Files.readString(log, StandardCharsets.ISO_8859_1)), "log " + log, leaks);
        }

        List<String> tables = db.sql("""
                select format('%I.%I', table_schema, table_name) from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'vault')
                order by 1""").query(String.class).list();
        assertThat(tables).contains("checkout.payment", "executor.payment_attempt");
        for (String table : tables) {
            for (String row : db.sql("select t::text from " + table + " t")
                    .query(String.class)
                    .list()) {
                scan(scanner.findInRow(row), "table " + table, leaks);
            }
        }

        assertThat(leaks).as("card data outside the vault").isEmpty();
    }

    // --- helpers

    static Arguments bad(String what, Consumer<ObjectNode> change, String field) {
        return Arguments.of(what, change, field);
    }

    static ObjectNode card(ObjectNode body) {
        return (ObjectNode) body.get("card");
    }

    static String debit(String merchantTransactionId, String cardNumber) {
        return debit(merchantTransactionId, cardNumber, "VISA");
    }

    static String debit(String merchantTransactionId, String cardNumber, String brand) {
        return """
                {"paymentType":"DB","amount":"92.00","currency":"EUR","paymentBrand":"%s",\
                "merchantTransactionId":"%s","shopperResultUrl":"https://shop.example/return",\
                "card":{"number":"%s","holder":"Jane Jones",\
                "expiryMonth":"05","expiryYear":"%s","cvv":"%s"}}""".formatted(brand, merchantTransactionId, cardNumber, EXPIRY_YEAR, CVV);
    }

    static HttpResponse<String> post(
            ConfigurableApplicationContext instance, String apiKey, String body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(EndToEndPlatform.url(instance, "/v1/payments"))
                .timeout(EndToEndPlatform.SYNC_WAIT.plusSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        long logMark = console.mark();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // no request of these tests may meet a server error: say which exception it was
        assertThat(response.statusCode())
                .as(() -> "server error " + response.body() + "; the services logged:\n" + console.errorsSince(logMark))
                .isLessThan(500);
        return response;
    }

    static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String apiKey)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(EndToEndPlatform.url(instance, path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sandbox's ledger of what was really charged for one merchantTransactionId (an empty entity if nothing). */
    static JsonNode ledger(String merchantTransactionId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        java.net.URI.create(platform.sandbox.baseUrl() + "sandbox/ledger?entityId="
                                + platform.ledgerEntityId() + "&merchantTransactionId=" + merchantTransactionId))
                .build();
        JsonNode ledger = JSON.readTree(
                HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        return ledger.get("entities").isEmpty()
                ? JSON.readTree("{\"counts\":{}}")
                : ledger.get("entities").get(0);
    }

    static long paymentRows(String merchantTransactionId) {
        return db.sql("select count(*) from checkout.payment where merchant_transaction_id = ?")
                .param(merchantTransactionId)
                .query(Long.class)
                .single();
    }

    /** Rows a request could write: payments, vaulted cards, idempotency records, outbox messages, gateway charges. */
    static Map<String, Long> writtenRows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "checkout.payment",
                "checkout.merchant_transaction",
                "checkout.idempotency_key",
                "checkout.outbox",
                "vault.card")) {
            counts.put(
                    table,
                    db.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("ledger", (long) ledgerTransactions());
        return counts;
    }

    static int ledgerTransactions() {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            java.net.URI.create(platform.sandbox.baseUrl() + "sandbox/ledger"))
                    .build();
            JsonNode ledger = JSON.readTree(
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
            return ledger.get("entities")
                    .valueStream()
                    .mapToInt(entity -> entity.get("transactions").size())
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> allTopics() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infrastructure.kafkaBootstrapServers()))) {
            return new java.util.TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names()
                    .get(30, TimeUnit.SECONDS));
        }
    }

    static List<Path> infrastructureLogs() throws Exception {
        Path directory = Path.of("target", "test-infrastructure");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".log"))
                    .toList();
        }
    }

    static void scan(List<String> found, String where, List<String> leaks) {
        found.forEach(what -> leaks.add(what + " in " + where));
    }

    static byte[] nonNull(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }
}

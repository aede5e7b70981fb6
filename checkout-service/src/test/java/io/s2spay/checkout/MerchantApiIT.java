package io.s2spay.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.StandingInstructionMode;
import io.s2spay.schema.StandingInstructionSource;
import io.s2spay.schema.StandingInstructionType;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.AuthorizePayment;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.command.CapturePayment;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.DeleteStoredCredential;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.command.RefundPayment;
import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.ShopperReturned;
import io.s2spay.schema.event.StoredCredentialDeleted;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant API beyond creating a payment, on one checkout instance with real PostgreSQL, Kafka and the registry:
 * operations on a payment, the lifecycle read model, the list, the shopper's return and stored cards. The test plays
 * the executor, the back office and the status-poller: it reads their commands from Kafka and publishes their events
 * (the end-to-end tests run the real services).
 */
class MerchantApiIT {

    static final Duration SYNC_WAIT = Duration.ofSeconds(8);
    static final String DEMO_KEY = CheckoutServiceIT.DEMO_KEY;
    static final String OTHER_KEY = CheckoutServiceIT.OTHER_KEY;
    static final String REGISTRATION = "8ac7a4a18f0b2a3c8ac7a4a18f0b2a3c";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ConfigurableApplicationContext checkout;
    static JdbcClient db;
    static KafkaTopicReader topics;

    @BeforeAll
    static void start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        checkout = CheckoutServiceIT.start(
                infrastructure,
                "--s2spay.checkout.sync-wait=" + SYNC_WAIT.toMillis() + "ms",
                "--s2spay.checkout.public-base-url=https://pay.s2spay.example");
        db = JdbcClient.create(new DriverManagerDataSource(
                infrastructure.jdbcUrl(), infrastructure.jdbcUsername(), infrastructure.jdbcPassword()));
        topics = KafkaTopicReader.of(infrastructure);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                JSON.readTree(get("/actuator/health", null).body())
                                        .at("/components/outboxRelay/status")
                                        .asString())
                        .isEqualTo("UP"));
    }

    @AfterAll
    static void stop() {
        if (checkout != null) {
            checkout.close();
        }
    }

    @Test
    void capturesInPartRefusesAnExcessiveRefundAndShowsEveryOperationWithTheAmounts() throws Exception {
        String paymentId = authorizedPayment("100.00");

        CompletableFuture<HttpResponse<String>> capture = async(() -> post(
                "/v1/payments/" + paymentId + "/captures",
                DEMO_KEY,
                "{\"amount\":\"60.00\",\"currency\":\"EUR\",\"reference\":\"cap-1\"}",
                null));
        ConsumerRecord<String, BackofficeCommandEnvelope> command =
                awaitBackofficeCommand(paymentId, c -> c.getPayload() instanceof CapturePayment);
        CapturePayment asked = (CapturePayment) command.value().getPayload();
        assertThat(asked.getOperationId()).matches("op_[0-9a-f]{32}");
        assertThat(asked.getAmount()).isEqualTo(new Money(6000L, "EUR"));
        assertThat(command.value().getMerchantId()).isEqualTo("merchant-demo");
        publish(event(
                paymentId,
                new PaymentCaptured(
                        asked.getOperationId(),
                        new Money(6000L, "EUR"),
                        new GatewayResult("8ac7cp01", "000.100.110", "Request successfully processed", null))));

        HttpResponse<String> captured = capture.get(30, TimeUnit.SECONDS);
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(201);
        JsonNode operation = JSON.readTree(captured.body());
        assertThat(operation.get("id").asString()).isEqualTo(asked.getOperationId());
        assertThat(operation.get("type").asString()).isEqualTo("capture");
        assertThat(operation.get("status").asString()).isEqualTo("succeeded");
        assertThat(operation.get("amount").asString()).isEqualTo("60.00");
        assertThat(operation.get("reference").asString()).isEqualTo("cap-1");
        assertThat(operation.get("origin").asString()).isEqualTo("api");
        assertThat(operation.get("gatewayTransactionId").asString()).isEqualTo("8ac7cp01");
        assertThat(captured.headers().firstValue("Location"))
                .contains("/v1/payments/" + paymentId + "/operations/" + asked.getOperationId());

        JsonNode payment = payment(paymentId);
        assertThat(payment.get("status").asString()).isEqualTo("partially_captured");
        assertThat(payment.at("/amounts/authorized").asString()).isEqualTo("100.00");
        assertThat(payment.at("/amounts/captured").asString()).isEqualTo("60.00");
        assertThat(payment.at("/amounts/net").asString()).isEqualTo("60.00");
        assertThat(payment.get("operations")).hasSize(1);

        // the back office refuses a refund above what was captured: 422 with its code, at once
        CompletableFuture<HttpResponse<String>> refund =
                async(() -> post("/v1/payments/" + paymentId + "/refunds", DEMO_KEY, "{\"amount\":\"70.00\"}", null));
        ConsumerRecord<String, BackofficeCommandEnvelope> refundCommand =
                awaitBackofficeCommand(paymentId, c -> c.getPayload() instanceof RefundPayment);
        String refundId = ((RefundPayment) refundCommand.value().getPayload()).getOperationId();
        publish(event(
                paymentId,
                new BackofficeCommandRejected(
                        refundCommand.value().getMessageId(),
                        "RefundPayment",
                        refundId,
                        "AMOUNT_EXCEEDS_REFUNDABLE",
                        "refunds would exceed the 60.00 EUR refundable",
                        null)));
        HttpResponse<String> refused = refund.get(30, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("code").asString()).isEqualTo("amount_exceeds_refundable");
        assertThat(problem.get("operationId").asString()).isEqualTo(refundId);
        assertThat(problem.get("detail").asString()).contains("60.00");
        JsonNode rejected = JSON.readTree(get("/v1/payments/" + paymentId + "/operations/" + refundId, DEMO_KEY)
                .body());
        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.at("/rejection/code").asString()).isEqualTo("amount_exceeds_refundable");

        // an operation another system sent over Kafka appears too, and moves the money
        publish(event(
                paymentId,
                new PaymentRefunded(
                        "erp-refund-1",
                        new Money(1000L, "EUR"),
                        new GatewayResult("8ac7rf01", "000.100.110", "ok", null))));
        JsonNode refunded = awaitPayment(
                paymentId, p -> "partially_refunded".equals(p.get("status").asString()));
        assertThat(refunded.at("/amounts/refunded").asString()).isEqualTo("10.00");
        assertThat(refunded.at("/amounts/net").asString()).isEqualTo("50.00");
        assertThat(refunded.get("operations")).anySatisfy(op -> {
            assertThat(op.get("id").asString()).isEqualTo("erp-refund-1");
            assertThat(op.get("origin").asString()).isEqualTo("kafka");
        });

        // no answer from the back office within the wait: 202 with the pending operation
        Instant start = Instant.now();
        HttpResponse<String> pending = post("/v1/payments/" + paymentId + "/refunds", DEMO_KEY, "", null);
        assertThat(pending.statusCode()).isEqualTo(202);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(SYNC_WAIT);
        assertThat(JSON.readTree(pending.body()).get("status").asString()).isEqualTo("pending");
        assertThat(JSON.readTree(pending.body()).has("amount")).isFalse();

        // another merchant sees none of it
        assertThat(get("/v1/payments/" + paymentId + "/operations/" + refundId, OTHER_KEY)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/v1/payments/" + paymentId + "/captures", OTHER_KEY, "{}", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void replaysAnOperationForItsIdempotencyKeyAndSendsItOnce() throws Exception {
        String paymentId = authorizedPayment("20.00");
        String key = "cap-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> first =
                async(() -> post("/v1/payments/" + paymentId + "/captures", DEMO_KEY, "{}", key));
        ConsumerRecord<String, BackofficeCommandEnvelope> command =
                awaitBackofficeCommand(paymentId, c -> c.getPayload() instanceof CapturePayment);
        String operationId = ((CapturePayment) command.value().getPayload()).getOperationId();
        publish(event(
                paymentId,
                new PaymentCaptured(
                        operationId,
                        new Money(2000L, "EUR"),
                        new GatewayResult("8ac7cp02", "000.100.110", "ok", null))));
        HttpResponse<String> answered = first.get(30, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(201);

        HttpResponse<String> replay = post("/v1/payments/" + paymentId + "/captures", DEMO_KEY, "{}", key);

        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(answered.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.headers().firstValue("Location"))
                .contains("/v1/payments/" + paymentId + "/operations/" + operationId);
        assertThat(backofficeCommands(paymentId)).hasSize(1);
        assertThat(payment(paymentId).get("status").asString()).isEqualTo("captured");
        assertThat(post("/v1/payments/" + paymentId + "/captures", DEMO_KEY, "{\"amount\":\"1.00\"}", key)
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void refusesBadOperationRequestsWritingNothing() throws Exception {
        String paymentId = authorizedPayment("30.00");
        String foreign = JSON.readTree(CheckoutServiceIT.post(
                                checkout, OTHER_KEY, CheckoutServiceIT.debit("order-" + UUID.randomUUID()), null)
                        .body())
                .get("id")
                .asString();
        Map<String, Long> before = counts();
        String captures = "/v1/payments/" + paymentId + "/captures";

        assertInvalid(post(captures, DEMO_KEY, "{\"amount\":10}", null), "amount", "JSON string");
        assertInvalid(post(captures, DEMO_KEY, "{\"amount\":\"10.001\"}", null), "amount", "2 digits");
        assertInvalid(post(captures, DEMO_KEY, "{\"amount\":\"0.00\"}", null), "amount", "greater than zero");
        assertInvalid(post(captures, DEMO_KEY, "{\"amount\":\"-5.00\"}", null), "amount", "negative");
        assertInvalid(post(captures, DEMO_KEY, "{\"amount\":\"5.00\",\"currency\":\"USD\"}", null), "currency", "EUR");
        assertInvalid(post(captures, DEMO_KEY, "{\"amount\":\"5.00\",\"note\":\"x\"}", null), "note", "unknown field");
        assertInvalid(post(captures, DEMO_KEY, "{\"amount\":\"5.00\",\"amount\":\"6.00\"}", null), "body", "twice");
        assertInvalid(post(captures, DEMO_KEY, "[]", null), "body", "JSON object");
        assertInvalid(post(captures, DEMO_KEY, "{\"reference\":\"has spaces\"}", null), "reference", "letters");
        assertInvalid(post("/v1/payments/" + paymentId + "/rebills", DEMO_KEY, "{}", null), "amount", "required");
        assertInvalid(
                post("/v1/payments/" + paymentId + "/reversals", DEMO_KEY, "{\"amount\":\"1.00\"}", null),
                "amount",
                "must not be sent");
        HttpResponse<String> huge = post(captures, DEMO_KEY, "{\"reference\":\"" + "x".repeat(40_000) + "\"}", null);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(huge.body()).get("type").asString()).endsWith("/body-too-large");
        assertThat(post("/v1/payments/" + foreign + "/captures", DEMO_KEY, "{}", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/v1/payments/pay_missing/refunds", DEMO_KEY, "{}", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(captures, null, "{}", null).statusCode()).isEqualTo(401);

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void listsTheMerchantsPaymentsNewestFirstWithCursorAndFilters() throws Exception {
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minusSeconds(1);
        String first = createDebit(prefix + "-1");
        String second = createDebit(prefix + "-2");
        String third = createDebit(prefix + "-3");
        publish(event(second, debited(prefix + "-2", 9200L)));
        awaitPayment(second, p -> "succeeded".equals(p.get("status").asString()));

        JsonNode page = list("limit=2&created%5Bgte%5D=" + before);
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        assertThat(page.get("data")).extracting(p -> p.get("id").asString()).containsExactly(third, second);
        assertThat(page.get("data").get(0).has("operations")).isFalse();
        JsonNode next = list("limit=2&created%5Bgte%5D=" + before + "&starting_after=" + second);
        assertThat(next.get("data")).extracting(p -> p.get("id").asString()).startsWith(first);

        assertThat(list("merchantTransactionId=" + prefix + "-3").get("data"))
                .extracting(p -> p.get("id").asString())
                .containsExactly(third);
        assertThat(list("status=succeeded&created%5Bgte%5D=" + before).get("data"))
                .extracting(p -> p.get("id").asString())
                .contains(second)
                .doesNotContain(first, third);
        assertThat(list("created%5Blt%5D=" + before).get("data"))
                .extracting(p -> p.get("id").asString())
                .doesNotContain(first, second, third);
        HttpResponse<String> others = get("/v1/payments?merchantTransactionId=" + prefix + "-3", OTHER_KEY);
        assertThat(JSON.readTree(others.body()).get("data")).isEmpty();

        assertInvalid(get("/v1/payments?limit=0", DEMO_KEY), "limit", "1 to 100");
        assertInvalid(get("/v1/payments?limit=101", DEMO_KEY), "limit", "1 to 100");
        assertInvalid(get("/v1/payments?status=paid", DEMO_KEY), "status", "captured");
        assertInvalid(get("/v1/payments?created%5Bgte%5D=yesterday", DEMO_KEY), "created[gte]", "ISO-8601");
        assertInvalid(get("/v1/payments?page=2", DEMO_KEY), "page", "unknown");
        assertInvalid(get("/v1/payments?starting_after=" + first, OTHER_KEY), "starting_after", "no payment");
    }

    @Test
    void sendsTheReturningShopperToTheMerchantWithS2spaysIdAndTheOutcome() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String paymentId = JSON.readTree(post(
                                "/v1/payments",
                                DEMO_KEY,
                                CheckoutServiceIT.debit(merchantTransactionId)
                                        .replace(
                                                "https://shop.example/return",
                                                "https://shop.example/return?order=4711"),
                                null)
                        .body())
                .get("id")
                .asString();
        DebitPayment command =
                (DebitPayment) awaitPaymentCommand(paymentId).value().getPayload();
        String returnUrl = command.getShopperResultUrl();
        assertThat(returnUrl)
                .startsWith("https://pay.s2spay.example/shopper-returns/" + paymentId + "/")
                .doesNotContain("shop.example");
        publish(event(
                paymentId,
                PaymentRedirectRequired.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(new GatewayResult("8ac7gw3ds", "000.200.000", "transaction pending", null))
                        .setRedirect(new Redirect("https://acs.example/3ds", "GET", Map.of()))
                        .build()));
        awaitPayment(paymentId, p -> "requires_action".equals(p.get("status").asString()));
        URI local = URI.create(returnUrl.replace("https://pay.s2spay.example", "http://127.0.0.1:" + port())
                + "?id=8ac7gw3ds&resourcePath=/v1/payments/8ac7gw3ds");

        CompletableFuture<HttpResponse<String>> browser =
                async(() -> send(HttpRequest.newBuilder(local).GET().build()));
        ShopperReturned returned = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> topics.readValues(Topics.PAYMENT_EVENTS, PaymentEventEnvelope.class).stream()
                                .filter(e ->
                                        e.getPaymentId().equals(paymentId) && e.getPayload() instanceof ShopperReturned)
                                .map(e -> (ShopperReturned) e.getPayload())
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(returned.getGatewayTransactionId()).isEqualTo("8ac7gw3ds");
        publish(event(paymentId, debited(merchantTransactionId, 9200L)));

        HttpResponse<String> redirect = browser.get(30, TimeUnit.SECONDS);
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location"))
                .contains("https://shop.example/return?order=4711&id=" + paymentId + "&status=succeeded");

        // a link made for one payment does not open another's, nor does a made-up one
        String signature = returnUrl.substring(returnUrl.lastIndexOf('/') + 1);
        String other = createDebit("order-" + UUID.randomUUID());
        assertThat(send(HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port() + "/shopper-returns/" + other + "/" + signature))
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port() + "/shopper-returns/" + paymentId + "/forged"))
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void storesACardChargesItAsMerchantInitiatedAndDeletesIt() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String request = CheckoutServiceIT.debit(merchantTransactionId)
                .replace(
                        "\"paymentType\":\"DB\"",
                        "\"paymentType\":\"PA\",\"storeCard\":true,\"storedCredentialType\":\"RECURRING\"");
        String paymentId = JSON.readTree(
                        post("/v1/payments", DEMO_KEY, request, null).body())
                .get("id")
                .asString();
        AuthorizePayment initial =
                (AuthorizePayment) awaitPaymentCommand(paymentId).value().getPayload();
        assertThat(initial.getCreateRegistration()).isTrue();
        assertThat(initial.getStandingInstruction().getMode()).isEqualTo(StandingInstructionMode.INITIAL);
        assertThat(initial.getStandingInstruction().getSource()).isEqualTo(StandingInstructionSource.CIT);
        assertThat(initial.getStandingInstruction().getType()).isEqualTo(StandingInstructionType.RECURRING);
        publish(event(
                paymentId,
                PaymentAuthorized.newBuilder()
                        .setPaymentType(PaymentType.PA)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(new GatewayResult("8ac7pa01", "000.100.110", "ok", null))
                        .setRegistrationId(REGISTRATION)
                        .setInitialTransactionId("123456789012345")
                        .build()));
        JsonNode stored = awaitPayment(paymentId, p -> p.has("storedCredential"));
        assertThat(stored.at("/storedCredential/id").asString()).isEqualTo(REGISTRATION);
        assertThat(stored.get("status").asString()).isEqualTo("authorized");
        JsonNode credential = JSON.readTree(
                get("/v1/stored-credentials/" + REGISTRATION, DEMO_KEY).body());
        assertThat(credential.get("status").asString()).isEqualTo("active");
        assertThat(credential.get("type").asString()).isEqualTo("RECURRING");
        assertThat(credential.at("/card/last4Digits").asString()).isEqualTo("0000");
        assertThat(credential.toString()).doesNotContain(CheckoutServiceIT.PAN);
        assertThat(get("/v1/stored-credentials/" + REGISTRATION, OTHER_KEY).statusCode())
                .isEqualTo(404);

        String charge = """
                {"paymentType":"DB","amount":"15.00","currency":"EUR","merchantTransactionId":"%s",
                 "storedCredentialId":"%s"}""".formatted("mit-" + UUID.randomUUID(), REGISTRATION);
        String mitId = JSON.readTree(
                        post("/v1/payments", DEMO_KEY, charge, null).body())
                .get("id")
                .asString();
        DebitPayment mit = (DebitPayment) awaitPaymentCommand(mitId).value().getPayload();
        assertThat(mit.getCard()).isNull();
        assertThat(mit.getRegistrationId()).isEqualTo(REGISTRATION);
        assertThat(mit.getPaymentBrand()).isEqualTo("VISA");
        assertThat(mit.getShopperResultUrl()).isNull();
        assertThat(mit.getStandingInstruction().getMode()).isEqualTo(StandingInstructionMode.REPEATED);
        assertThat(mit.getStandingInstruction().getSource()).isEqualTo(StandingInstructionSource.MIT);
        assertThat(mit.getStandingInstruction().getType()).isEqualTo(StandingInstructionType.RECURRING);
        assertThat(mit.getStandingInstruction().getInitialTransactionId()).isEqualTo("123456789012345");
        assertThat(post("/v1/payments", OTHER_KEY, charge.replace("mit-", "other-"), null)
                        .statusCode())
                .isEqualTo(400);

        CompletableFuture<HttpResponse<String>> deletion =
                async(() -> send(HttpRequest.newBuilder(url("/v1/stored-credentials/" + REGISTRATION))
                        .header("Authorization", "Bearer " + DEMO_KEY)
                        .DELETE()
                        .build()));
        ConsumerRecord<String, PaymentCommandEnvelope> delete = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> topics.read(Topics.PAYMENT_COMMANDS, PaymentCommandEnvelope.class).stream()
                                .filter(r -> r.value().getPayload() instanceof DeleteStoredCredential d
                                        && d.getStoredCredentialId().equals(REGISTRATION))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(delete.key()).isEqualTo(paymentId);
        assertThat(post("/v1/payments", DEMO_KEY, charge.replace("mit-", "mit2-"), null)
                        .statusCode())
                .as("no charge while it is being deleted")
                .isEqualTo(409);
        publish(event(paymentId, new StoredCredentialDeleted(REGISTRATION, null)));
        HttpResponse<String> deleted = deletion.get(30, TimeUnit.SECONDS);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(deleted.body()).get("status").asString()).isEqualTo("deleted");
        HttpResponse<String> refused = post("/v1/payments", DEMO_KEY, charge.replace("mit-", "mit3-"), null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("stored_credential_deleted");
    }

    @Test
    void describesEveryNewEndpointInTheOpenApiDocument() throws Exception {
        JsonNode paths = JSON.readTree(get("/v3/api-docs", null).body()).get("paths");
        for (String path : List.of(
                "captures", "refunds", "reversals", "rebills", "chargebacks", "chargeback-reversals", "receipts")) {
            assertThat(paths.at("/~1v1~1payments~1{paymentId}~1" + path + "/post/responses/409")
                            .isMissingNode())
                    .as(path)
                    .isFalse();
        }
        assertThat(paths.at("/~1v1~1payments/get").isMissingNode()).isFalse();
        assertThat(paths.at("/~1v1~1payments~1{paymentId}~1operations~1{operationId}/get")
                        .isMissingNode())
                .isFalse();
        assertThat(paths.at("/~1v1~1stored-credentials~1{id}/delete").isMissingNode())
                .isFalse();
    }

    // --- the test's side: payments in a given state, and what the other services would read and publish

    private static String authorizedPayment(String amount) throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String request = CheckoutServiceIT.debit(merchantTransactionId)
                .replace("\"paymentType\":\"DB\"", "\"paymentType\":\"PA\"")
                .replace("\"92.00\"", "\"" + amount + "\"");
        String paymentId = JSON.readTree(
                        post("/v1/payments", DEMO_KEY, request, null).body())
                .get("id")
                .asString();
        long minor = Long.parseLong(amount.replace(".", ""));
        publish(event(
                paymentId,
                PaymentAuthorized.newBuilder()
                        .setPaymentType(PaymentType.PA)
                        .setAmount(new Money(minor, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(new GatewayResult("8ac7pa" + minor, "000.100.110", "ok", null))
                        .build()));
        awaitPayment(paymentId, p -> "authorized".equals(p.get("status").asString()));
        return paymentId;
    }

    private static String createDebit(String merchantTransactionId) {
        HttpResponse<String> response =
                post("/v1/payments", DEMO_KEY, CheckoutServiceIT.debit(merchantTransactionId), null);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static PaymentDebited debited(String merchantTransactionId, long minor) {
        return PaymentDebited.newBuilder()
                .setPaymentType(PaymentType.DB)
                .setAmount(new Money(minor, "EUR"))
                .setMerchantTransactionId(merchantTransactionId)
                .setGatewayResult(new GatewayResult("8ac7db" + minor, "000.100.110", "ok", null))
                .build();
    }

    private static PaymentEventEnvelope event(String paymentId, SpecificRecord payload) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId("merchant-demo")
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId("c-" + paymentId)
                .setPayload(payload)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static void publish(PaymentEventEnvelope event) throws Exception {
        KafkaTemplate<String, SpecificRecord> kafka = checkout.getBean(KafkaTemplate.class);
        kafka.send(Topics.PAYMENT_EVENTS, event.getPaymentId(), event).get(10, TimeUnit.SECONDS);
    }

    private static List<ConsumerRecord<String, BackofficeCommandEnvelope>> backofficeCommands(String paymentId) {
        return topics.read(Topics.BACKOFFICE_COMMANDS, BackofficeCommandEnvelope.class).stream()
                .filter(r -> paymentId.equals(r.key()))
                .toList();
    }

    private static ConsumerRecord<String, BackofficeCommandEnvelope> awaitBackofficeCommand(
            String paymentId, Predicate<BackofficeCommandEnvelope> which) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> backofficeCommands(paymentId).stream()
                                .filter(r -> which.test(r.value()))
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }

    private static ConsumerRecord<String, PaymentCommandEnvelope> awaitPaymentCommand(String paymentId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> topics.read(Topics.PAYMENT_COMMANDS, PaymentCommandEnvelope.class).stream()
                                .filter(r -> paymentId.equals(r.key()))
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }

    private static JsonNode payment(String paymentId) {
        return JSON.readTree(get("/v1/payments/" + paymentId, DEMO_KEY).body());
    }

    private static JsonNode awaitPayment(String paymentId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> payment(paymentId), condition::test);
    }

    private static JsonNode list(String query) {
        HttpResponse<String> response = get("/v1/payments?" + query, DEMO_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Map<String, Long> counts() {
        return Map.of(
                "operation",
                count("checkout.payment_operation"),
                "outbox",
                count("checkout.outbox"),
                "idempotency_key",
                count("checkout.idempotency_key"));
    }

    private static long count(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static void assertInvalid(HttpResponse<String> response, String field, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("message").asString()).contains(messagePart);
        });
    }

    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> call) {
        return CompletableFuture.supplyAsync(call);
    }

    private static HttpResponse<String> post(String path, String apiKey, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
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

    private static HttpResponse<String> get(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String port() {
        return checkout.getEnvironment().getProperty("local.server.port");
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }
}

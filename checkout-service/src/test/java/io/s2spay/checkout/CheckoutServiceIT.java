package io.s2spay.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.schema.GatewayAccountRef;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.PaymentRequested;
import io.s2spay.schema.event.ReceiptConfirmed;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Two checkout instances on real PostgreSQL, Kafka and the registry, sharing one database like a scaled-out
 * deployment: {@code requests} serves HTTP only (its read-model consumer is off) and waits up to 15 s for outcomes;
 * {@code events} consumes the payment events and waits 1 s. The test plays the payment executor: it reads commands
 * from Kafka and publishes outcome events.
 */
@ExtendWith(OutputCaptureExtension.class)
class CheckoutServiceIT {

    static final String PAN = "4200000000000000";
    static final String DEMO_KEY = "sk_test_s2spay_demo_0001";
    static final String OTHER_KEY = "sk_test_s2spay_other_0002";
    static final Duration REQUESTS_SYNC_WAIT = Duration.ofSeconds(15);
    static final Duration EVENTS_SYNC_WAIT = Duration.ofSeconds(1);

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ConfigurableApplicationContext requests;
    static ConfigurableApplicationContext events;
    static JdbcClient db;
    static KafkaTopicReader topics;

    @BeforeAll
    static void startTwoInstances() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        requests = start(
                infrastructure,
                "--s2spay.checkout.read-model.enabled=false",
                "--s2spay.checkout.sync-wait=" + REQUESTS_SYNC_WAIT.toMillis() + "ms");
        events = start(infrastructure, "--s2spay.checkout.sync-wait=" + EVENTS_SYNC_WAIT.toMillis() + "ms");
        db = JdbcClient.create(new DriverManagerDataSource(
                infrastructure.jdbcUrl(), infrastructure.jdbcUsername(), infrastructure.jdbcPassword()));
        topics = KafkaTopicReader.of(infrastructure);
        for (ConfigurableApplicationContext instance : List.of(requests, events)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode health =
                        JSON.readTree(get(instance, "/actuator/health", null).body());
                assertThat(health.at("/components/outboxRelay/status").asString())
                        .isEqualTo("UP");
                assertThat(health.at("/components/paymentUpdates/status").asString())
                        .isEqualTo("UP");
            });
        }
    }

    /** How the end-to-end tests start checkout in-process: overrides as arguments, since they beat the yml. */
    static ConfigurableApplicationContext start(TestInfrastructure infrastructure, String... extra) {
        List<String> args = new ArrayList<>();
        infrastructure.springProperties("checkout").forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--server.port=0");
        args.addAll(List.of(extra));
        return CheckoutServiceApplication.application().run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (requests != null) {
            requests.close();
        }
        if (events != null) {
            events.close();
        }
    }

    @Test
    void acceptsADebitWritingPaymentCardAndCommandAndAnswers202AfterTheWait(CapturedOutput output) throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        Instant start = Instant.now();

        HttpResponse<String> response = post(events, DEMO_KEY, debit(merchantTransactionId), null);

        Duration took = Duration.between(start, Instant.now());
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(took).isGreaterThanOrEqualTo(EVENTS_SYNC_WAIT).isLessThan(EVENTS_SYNC_WAIT.plusSeconds(4));
        JsonNode body = JSON.readTree(response.body());
        String paymentId = body.get("id").asString();
        assertThat(paymentId).matches("pay_[0-9a-f]{32}");
        assertThat(response.headers().firstValue("Location")).contains("/v1/payments/" + paymentId);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(body.get("status").asString()).isEqualTo("pending");
        assertThat(body.get("paymentType").asString()).isEqualTo("DB");
        assertThat(body.get("amount").asString()).isEqualTo("92.00");
        assertThat(body.get("currency").asString()).isEqualTo("EUR");
        assertThat(body.get("merchantTransactionId").asString()).isEqualTo(merchantTransactionId);
        assertThat(JSON.writeValueAsString(body.get("card")))
                .isEqualTo(
                        "{\"bin\":\"420000\",\"last4Digits\":\"0000\",\"brand\":\"VISA\",\"expiryMonth\":\"05\",\"expiryYear\":\"2034\"}");
        assertThat(response.body()).doesNotContain(PAN, "Jane");

        Map<String, Object> row = db.sql("select * from checkout.payment where payment_id = ?")
                .param(paymentId)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("status", "pending")
                .containsEntry("merchant_id", "merchant-demo")
                .containsEntry("amount_minor", 9200L)
                .containsEntry("card_bin", "420000");
        assertThat(db.sql("select row_to_json(p)::text from checkout.payment p where payment_id = ?")
                        .param(paymentId)
                        .query(String.class)
                        .single())
                .doesNotContain(PAN)
                .doesNotContain("Jane");
        String vaultId = (String) row.get("vault_id");
        assertThat(db.sql("select merchant_id from vault.card where vault_id = ?")
                        .param(vaultId)
                        .query(String.class)
                        .single())
                .isEqualTo("merchant-demo");

        ConsumerRecord<String, PaymentCommandEnvelope> command = awaitCommand(paymentId);
        DebitPayment debit = (DebitPayment) command.value().getPayload();
        assertThat(command.value().getMerchantId()).isEqualTo("merchant-demo");
        assertThat(debit.getAmount()).isEqualTo(new Money(9200L, "EUR"));
        assertThat(debit.getPaymentBrand()).isEqualTo("VISA");
        assertThat(debit.getMerchantTransactionId()).isEqualTo(merchantTransactionId);
        assertThat(debit.getCard().getVaultId()).isEqualTo(vaultId);
        assertThat(debit.getCard().getSummary().getLast4Digits()).isEqualTo("0000");
        assertThat(new String(command.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
                .isEqualTo("DebitPayment");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                topics.readValues(Topics.PAYMENT_EVENTS, PaymentEventEnvelope.class).stream()
                                        .filter(e -> e.getPaymentId().equals(paymentId))
                                        .map(PaymentEventEnvelope::getPayload))
                        .anySatisfy(payload -> assertThat(payload)
                                .isInstanceOfSatisfying(
                                        PaymentRequested.class,
                                        requested -> assertThat(
                                                        requested.getCard().getBin())
                                                .isEqualTo("420000"))));

        // the Confluent wire format, and no card number or security code anywhere on the topics
        for (String topic : List.of(Topics.PAYMENT_COMMANDS, Topics.PAYMENT_EVENTS)) {
            for (ConsumerRecord<byte[], byte[]> raw : topics.readRaw(topic)) {
                assertThat(raw.value()[0]).as("magic byte").isZero();
                assertThat(new String(raw.value(), StandardCharsets.ISO_8859_1)).doesNotContain(PAN);
            }
        }
        assertThat(output.getAll()).doesNotContain(PAN);
    }

    @Test
    void writesNothingWhenTheTransactionFailsAtItsLastStep() throws Exception {
        // a fault injected into the last write of the transaction (the idempotency response), after the vault row,
        // the payment row and both outbox rows
        db.sql("""
                create or replace function checkout.fail_idempotency_update() returns trigger language plpgsql as $$
                begin
                  if new.idempotency_key = 'fail-at-the-end' then raise exception 'injected failure'; end if;
                  return new;
                end $$""").update();
        db.sql("""
                create trigger fail_idempotency_update before update on checkout.idempotency_key
                for each row execute function checkout.fail_idempotency_update()""").update();
        try {
            Map<String, Long> before = counts();

            HttpResponse<String> response =
                    post(events, DEMO_KEY, debit("order-" + UUID.randomUUID()), "fail-at-the-end");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(counts()).isEqualTo(before);
        } finally {
            db.sql("drop trigger fail_idempotency_update on checkout.idempotency_key")
                    .update();
        }
    }

    @Test
    void writesNothingForInvalidInput(CapturedOutput output) throws Exception {
        Map<String, Long> before = counts();
        String valid = debit("order-" + UUID.randomUUID());

        assertInvalid(post(events, DEMO_KEY, valid.replace("\"92.00\"", "\"92.5\""), "bad-1"), "amount");
        assertInvalid(post(events, DEMO_KEY, valid.replace("\"92.00\"", "\"1e3\""), null), "amount");
        assertInvalid(post(events, DEMO_KEY, valid.replace("\"92.00\"", "\"-92.00\""), null), "amount");
        assertInvalid(post(events, DEMO_KEY, valid.replace("\"EUR\"", "\"XYZ\""), null), "currency");
        assertInvalid(post(events, DEMO_KEY, valid.replace("\"2034\"", "\"2020\""), null), "card.expiryYear");
        assertInvalid(post(events, DEMO_KEY, valid.replace(PAN, "4200000000000001"), null), "card.number");
        assertInvalid(
                post(events, DEMO_KEY, valid.replace("\"merchantTransactionId\"", "\"merchantTransactionID\""), null),
                "merchantTransactionId");
        assertInvalid(post(events, DEMO_KEY, valid.substring(0, valid.length() - 2), null), "body");
        assertInvalid(post(events, DEMO_KEY, valid, "x".repeat(256)), "Idempotency-Key");

        HttpResponse<String> unauthenticated = post(events, "sk_test_wrong", valid, null);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"s2spay\"");
        assertThat(unauthenticated.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(post(events, null, valid, null).statusCode()).isEqualTo(401);

        HttpResponse<String> notJson = HTTP.send(
                HttpRequest.newBuilder(url(events, "/v1/payments"))
                        .header("Authorization", "Bearer " + DEMO_KEY)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(valid))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(notJson.headers().firstValue("Content-Type")).contains("application/problem+json");

        assertThat(counts()).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain(PAN);
    }

    @Test
    void refusesADuplicateMerchantTransactionIdPointingToTheFirstPayment() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String first = JSON.readTree(post(events, DEMO_KEY, debit(merchantTransactionId), null)
                        .body())
                .get("id")
                .asString();
        long cards = count("vault.card");

        HttpResponse<String> second = post(events, DEMO_KEY, debit(merchantTransactionId), null);

        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode problem = JSON.readTree(second.body());
        assertThat(problem.get("type").asString()).endsWith("/duplicate-merchant-transaction-id");
        assertThat(problem.get("paymentId").asString()).isEqualTo(first);
        assertThat(second.headers().firstValue("Location")).contains("/v1/payments/" + first);
        assertThat(count("vault.card")).isEqualTo(cards);
        // another merchant may use the same reference
        assertThat(post(events, OTHER_KEY, debit(merchantTransactionId), null).statusCode())
                .isEqualTo(202);
    }

    @Test
    void readModelFollowsEventsAndNeverMovesAFinalStatusBack() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String paymentId = JSON.readTree(post(events, DEMO_KEY, debit(merchantTransactionId), null)
                        .body())
                .get("id")
                .asString();

        PaymentEventEnvelope debited = outcome(
                paymentId,
                "merchant-demo",
                PaymentDebited.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(new GatewayResult(
                                "8ac7a4a1000000000000000000000001",
                                "000.100.110",
                                "Request successfully processed in 'Merchant in Integrator Test Mode'",
                                null))
                        .build());
        publish(debited);
        JsonNode succeeded = awaitStatus(paymentId, "succeeded");
        assertThat(succeeded.at("/result/code").asString()).isEqualTo("000.100.110");
        assertThat(succeeded.get("gatewayTransactionId").asString()).isEqualTo("8ac7a4a1000000000000000000000001");

        publish(debited); // redelivered: applied once
        PaymentEventEnvelope declined = outcome(
                paymentId,
                "merchant-demo",
                PaymentDeclined.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setCategory("BANK_DECLINE")
                        .setGatewayResult(
                                new GatewayResult("8ac7", "800.100.151", "transaction declined (invalid card)", null))
                        .build());
        publish(declined);
        // same key, same partition: once the decline is processed, the redelivery before it is too
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.sql("select count(*) from checkout.processed_message where message_id = ?")
                                .param(declined.getMessageId())
                                .query(Long.class)
                                .single()
                        == 1);

        JsonNode after =
                JSON.readTree(get(events, "/v1/payments/" + paymentId, DEMO_KEY).body());
        assertThat(after.get("status").asString()).isEqualTo("succeeded");
        assertThat(after.at("/result/code").asString()).isEqualTo("000.100.110");
        assertThat(after.get("updatedAt").asString())
                .isEqualTo(succeeded.get("updatedAt").asString());
    }

    @Test
    void paymentViewNamesTheGatewayAccountItsOutcomeEventNames() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String paymentId = JSON.readTree(post(events, DEMO_KEY, debit(merchantTransactionId), null)
                        .body())
                .get("id")
                .asString();
        assertThat(JSON.readTree(get(events, "/v1/payments/" + paymentId, DEMO_KEY)
                                .body())
                        .has("gateway"))
                .as("no account before an event names one")
                .isFalse();

        PaymentEventEnvelope debited = outcome(
                paymentId,
                "merchant-demo",
                PaymentDebited.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(new GatewayResult("pay_tok_1", "succeeded", "succeeded", null))
                        .build());
        debited.setGateway(new GatewayAccountRef("tokens", "shop-se"));
        publish(debited);

        JsonNode succeeded = awaitStatus(paymentId, "succeeded");
        assertThat(succeeded.at("/gateway/gateway").asString()).isEqualTo("tokens");
        assertThat(succeeded.at("/gateway/account").asString()).isEqualTo("shop-se");
        JsonNode onTheOtherInstance = JSON.readTree(
                get(requests, "/v1/payments/" + paymentId, DEMO_KEY).body());
        assertThat(onTheOtherInstance.at("/gateway/account").asString()).isEqualTo("shop-se");
    }

    @Test
    void operationEventsMoveTheMoneyOnlyWhereTheLifecycleAllowsAndAReceiptSettlesATransfer() throws Exception {
        String paymentId = "pay_kafka_" + UUID.randomUUID().toString().replace("-", "");
        String merchantTransactionId = "order-" + UUID.randomUUID();
        GatewayResult ok = new GatewayResult("8ac7a4a1000000000000000000000002", "000.100.110", "ok", null);
        publish(outcome(
                paymentId,
                "merchant-demo",
                PaymentDebited.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(ok)
                        .build()));
        awaitStatus(paymentId, "succeeded");
        // a debit is never captured: the lifecycle has no CP on DEBITED, so the event moves no money
        publish(outcome(paymentId, "merchant-demo", new PaymentCaptured("cp-1", new Money(9200L, "EUR"), ok)));
        publish(outcome(paymentId, "merchant-demo", new PaymentRefunded("rf-1", new Money(1000L, "EUR"), ok)));

        JsonNode refunded = awaitStatus(paymentId, "partially_refunded");
        assertThat(refunded.at("/amounts/captured").asString()).isEqualTo("92.00");
        assertThat(refunded.at("/amounts/refunded").asString()).isEqualTo("10.00");
        assertThat(refunded.at("/amounts/net").asString()).isEqualTo("82.00");

        String transferId = "pay_kafka_" + UUID.randomUUID().toString().replace("-", "");
        publish(outcome(
                transferId,
                "merchant-demo",
                PaymentAwaitingReceipt.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(7000L, "EUR"))
                        .setMerchantTransactionId("order-" + UUID.randomUUID())
                        .setGatewayResult(new GatewayResult(
                                "8ac7a4a1000000000000000000000003",
                                "800.400.500",
                                "waiting for confirmation of non-instant payment",
                                null))
                        .build()));
        awaitStatus(transferId, "awaiting_receipt");
        publish(outcome(transferId, "merchant-demo", new ReceiptConfirmed("rc-1", new Money(7000L, "EUR"), ok)));

        JsonNode received = awaitStatus(transferId, "succeeded");
        assertThat(received.at("/amounts/net").asString()).isEqualTo("70.00");
        assertThat(db.sql("select status from checkout.payment where payment_id = ?")
                        .param(transferId)
                        .query(String.class)
                        .single())
                .as("the receipt settles the transfer's own state, as the lifecycle says")
                .isEqualTo("succeeded");
    }

    @Test
    void showsPaymentsStartedOverKafkaToTheirMerchantOnly() throws Exception {
        String paymentId = startedOverKafka("order-" + UUID.randomUUID());

        JsonNode payment = awaitStatus(paymentId, "pending");

        assertThat(payment.get("amount").asString()).isEqualTo("1.250");
        assertThat(payment.get("currency").asString()).isEqualTo("KWD");
        HttpResponse<String> forOther = get(events, "/v1/payments/" + paymentId, OTHER_KEY);
        assertThat(forOther.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(forOther.body()).get("type").asString()).endsWith("/payment-not-found");
        assertThat(get(events, "/v1/payments/" + paymentId, null).statusCode()).isEqualTo(401);
    }

    @Test
    void replaysTheFirstResponseForTheSameIdempotencyKeyAndNeverCreatesASecondPayment() throws Exception {
        String key = "idem-" + UUID.randomUUID();
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String request = debit(merchantTransactionId);
        HttpResponse<String> first = post(events, DEMO_KEY, request, key);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        String paymentId = JSON.readTree(first.body()).get("id").asString();

        HttpResponse<String> replay = post(events, DEMO_KEY, request, key);

        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.headers().firstValue("Location")).contains("/v1/payments/" + paymentId);
        assertThat(db.sql("select count(*) from checkout.payment where merchant_transaction_id = ?")
                        .param(merchantTransactionId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the payment moves on; the replay still is the answer that was sent
        publish(outcome(
                paymentId,
                "merchant-demo",
                PaymentDebited.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(new GatewayResult("8ac7", "000.100.110", "ok", null))
                        .build()));
        awaitStatus(paymentId, "succeeded");
        assertThat(post(events, DEMO_KEY, request, key).body()).isEqualTo(first.body());

        // a retry from a client that formats the same JSON otherwise is the same request
        List<Map.Entry<String, JsonNode>> properties =
                new ArrayList<>(JSON.readTree(request).properties());
        Collections.reverse(properties);
        ObjectNode reordered = JSON.createObjectNode();
        properties.forEach(property -> reordered.set(property.getKey(), property.getValue()));
        HttpResponse<String> reformatted =
                post(events, DEMO_KEY, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reordered), key);
        assertThat(reformatted.statusCode()).isEqualTo(202);
        assertThat(reformatted.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(reformatted.body()).isEqualTo(first.body());

        HttpResponse<String> otherBody = post(events, DEMO_KEY, request.replace("\"92.00\"", "\"93.00\""), key);
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(otherBody.body()).get("type").asString()).endsWith("/idempotency-key-reused");

        // keys are per merchant
        assertThat(post(events, OTHER_KEY, request, key).headers().firstValue("Idempotent-Replayed"))
                .isEmpty();
    }

    @Test
    void answersWithTheOutcomeArrivingOnAnotherInstanceAndRefusesADuplicateWhileInFlight() throws Exception {
        String key = "idem-" + UUID.randomUUID();
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String request = debit(merchantTransactionId);
        Instant start = Instant.now();
        CompletableFuture<HttpResponse<String>> pending =
                CompletableFuture.supplyAsync(() -> post(requests, DEMO_KEY, request, key));

        ConsumerRecord<String, PaymentCommandEnvelope> command = awaitCommandFor(merchantTransactionId);
        String paymentId = command.key();

        HttpResponse<String> duplicate = post(requests, DEMO_KEY, request, key);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(duplicate.body()).get("type").asString()).endsWith("/idempotent-request-in-progress");
        assertThat(pending).isNotDone();

        publish(outcome(
                paymentId,
                "merchant-demo",
                PaymentDebited.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(new GatewayResult(
                                "8ac7a4a1000000000000000000000002",
                                "000.100.110",
                                "Request successfully processed in 'Merchant in Integrator Test Mode'",
                                null))
                        .build()));

        HttpResponse<String> response = pending.get(REQUESTS_SYNC_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(Duration.between(start, Instant.now())).isLessThan(REQUESTS_SYNC_WAIT);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asString()).isEqualTo(paymentId);
        assertThat(body.get("status").asString()).isEqualTo("succeeded");
        assertThat(body.at("/result/code").asString()).isEqualTo("000.100.110");
        assertThat(response.headers().firstValue("Location")).contains("/v1/payments/" + paymentId);

        HttpResponse<String> replay = post(requests, DEMO_KEY, request, key);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(response.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void answersWithTheRedirectWhenTheShopperMustAct() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> pending =
                CompletableFuture.supplyAsync(() -> post(requests, DEMO_KEY, debit(merchantTransactionId), null));
        String paymentId = awaitCommandFor(merchantTransactionId).key();

        publish(outcome(
                paymentId,
                "merchant-demo",
                PaymentRedirectRequired.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(new GatewayResult("8ac7", "000.200.000", "transaction pending", null))
                        .setRedirect(new Redirect(
                                "https://acs.example/3ds", "POST", Map.of("TermUrl", "https://s2spay.example/return")))
                        .build()));

        HttpResponse<String> response = pending.get(REQUESTS_SYNC_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("requires_action");
        assertThat(body.at("/redirect/url").asString()).isEqualTo("https://acs.example/3ds");
        assertThat(body.at("/redirect/method").asString()).isEqualTo("POST");
        assertThat(body.at("/redirect/parameters/TermUrl").asString()).isEqualTo("https://s2spay.example/return");
    }

    @Test
    void deadLettersAnEventThatNamesAnotherMerchantAndLeavesThePaymentAlone() throws Exception {
        String merchantTransactionId = "order-" + UUID.randomUUID();
        String paymentId = JSON.readTree(post(events, DEMO_KEY, debit(merchantTransactionId), null)
                        .body())
                .get("id")
                .asString();

        publish(outcome(
                paymentId,
                "merchant-other",
                PaymentDebited.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setGatewayResult(new GatewayResult("8ac7", "000.100.110", "ok", null))
                        .build()));

        ConsumerRecord<byte[], byte[]> deadLetter = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> topics.readRaw(Topics.deadLetter(Topics.PAYMENT_EVENTS)).stream()
                                .filter(record -> paymentId.equals(new String(record.key(), StandardCharsets.UTF_8)))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(new String(
                        deadLetter
                                .headers()
                                .lastHeader("kafka_dlt-exception-message")
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("belongs to another merchant");
        assertThat(deadLetter.value()[0]).as("original wire-format bytes").isZero();
        assertThat(JSON.readTree(get(events, "/v1/payments/" + paymentId, DEMO_KEY)
                                .body())
                        .get("status")
                        .asString())
                .isEqualTo("pending");
    }

    @Test
    void replaysTheFirstResponseWhenTheInstanceHoldingTheRequestDiedBeforeAnswering() throws Exception {
        String key = "idem-" + UUID.randomUUID();
        String request = debit("order-" + UUID.randomUUID());
        HttpResponse<String> first = post(events, DEMO_KEY, request, key);
        // as if the instance had died while waiting: the final answer was never recorded, and the in-flight window
        // passes
        db.sql("""
                update checkout.idempotency_key set completed_at = null, in_flight_until = now() - interval '1 second'
                 where merchant_id = 'merchant-demo' and idempotency_key = ?""").param(key).update();

        HttpResponse<String> replay = post(events, DEMO_KEY, request, key);

        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void keepsAnsweringWithOutcomesAfterTheListeningConnectionIsKilled() throws Exception {
        long killed = db.sql("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                 where application_name = 's2spay-checkout-payment-updates'""").query(Long.class).single();
        assertThat(killed).isEqualTo(2);
        for (ConfigurableApplicationContext instance : List.of(requests, events)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode updates = JSON.readTree(
                                get(instance, "/actuator/health", null).body())
                        .at("/components/paymentUpdates");
                assertThat(updates.get("status").asString()).isEqualTo("UP");
                assertThat(updates.at("/details/lastError").asString()).isNotBlank();
            });
        }

        String merchantTransactionId = "order-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> pending =
                CompletableFuture.supplyAsync(() -> post(requests, DEMO_KEY, debit(merchantTransactionId), null));
        String paymentId = awaitCommandFor(merchantTransactionId).key();
        publish(outcome(
                paymentId,
                "merchant-demo",
                PaymentDeclined.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(9200L, "EUR"))
                        .setMerchantTransactionId(merchantTransactionId)
                        .setCategory("BANK_DECLINE")
                        .setGatewayResult(
                                new GatewayResult("8ac7", "800.100.151", "transaction declined (invalid card)", null))
                        .build()));

        HttpResponse<String> response = pending.get(REQUESTS_SYNC_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("declined");
        assertThat(body.at("/result/code").asString()).isEqualTo("800.100.151");
    }

    @Test
    void exposesHealthMetricsAndTheOpenApiDocument() throws Exception {
        JsonNode health = JSON.readTree(get(events, "/actuator/health", null).body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/outboxRelay/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/paymentUpdates/details/channel").asString())
                .isEqualTo("s2spay_payment_updated");

        HttpResponse<String> prometheus = get(events, "/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests");

        HttpResponse<String> openApi = get(events, "/v3/api-docs", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(openApi.body());
        assertThat(document.at("/paths/~1v1~1payments/post")).isNotNull();
        assertThat(document.at("/paths/~1v1~1payments/post").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1v1~1payments~1{paymentId}/get").isMissingNode())
                .isFalse();
        assertThat(document.at("/components/schemas/PaymentRequest/properties/amount")
                        .isMissingNode())
                .isFalse();
    }

    // --- the test's side of the contract: what the executor would read and publish

    private static String startedOverKafka(String merchantTransactionId) throws Exception {
        String paymentId = "pay_kafka_" + UUID.randomUUID().toString().replace("-", "");
        publish(PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId("merchant-demo")
                .setOccurredAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setCorrelationId("c-" + paymentId)
                .setPayload(PaymentRequested.newBuilder()
                        .setPaymentType(PaymentType.PA)
                        .setAmount(new Money(1250L, "KWD"))
                        .setPaymentBrand("MASTER")
                        .setMerchantTransactionId(merchantTransactionId)
                        .build())
                .build());
        return paymentId;
    }

    private static PaymentEventEnvelope outcome(String paymentId, String merchantId, SpecificRecord payload) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId(merchantId)
                .setOccurredAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setCorrelationId("c-" + paymentId)
                .setPayload(payload)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static void publish(PaymentEventEnvelope event) throws Exception {
        KafkaTemplate<String, SpecificRecord> kafka = events.getBean(KafkaTemplate.class);
        kafka.send(Topics.PAYMENT_EVENTS, event.getPaymentId(), event).get(10, TimeUnit.SECONDS);
    }

    private static ConsumerRecord<String, PaymentCommandEnvelope> awaitCommand(String paymentId) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> topics.read(Topics.PAYMENT_COMMANDS, PaymentCommandEnvelope.class).stream()
                                .filter(record -> paymentId.equals(record.key()))
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }

    private static ConsumerRecord<String, PaymentCommandEnvelope> awaitCommandFor(String merchantTransactionId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> topics.read(Topics.PAYMENT_COMMANDS, PaymentCommandEnvelope.class).stream()
                                .filter(record -> record.value().getPayload() instanceof DebitPayment debit
                                        && debit.getMerchantTransactionId().equals(merchantTransactionId))
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }

    private static JsonNode awaitStatus(String paymentId, String status) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            HttpResponse<String> response = get(events, "/v1/payments/" + paymentId, DEMO_KEY);
                            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
                        },
                        payment -> payment != null
                                && status.equals(payment.get("status").asString()));
    }

    // --- HTTP and database helpers

    private static void assertInvalid(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://s2spay.io/problems/invalid-request");
        assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("message").asString()).isNotBlank();
        });
        assertThat(response.body()).doesNotContain(PAN);
    }

    private static Map<String, Long> counts() {
        return Map.of(
                "payment",
                count("checkout.payment"),
                "card",
                count("vault.card"),
                "outbox",
                count("checkout.outbox"),
                "merchant_transaction",
                count("checkout.merchant_transaction"),
                "idempotency_key",
                count("checkout.idempotency_key"));
    }

    private static long count(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    static String debit(String merchantTransactionId) {
        return """
                {"paymentType":"DB","amount":"92.00","currency":"EUR","paymentBrand":"VISA",
                 "card":{"number":"%s","holder":"Jane Jones","expiryMonth":"05","expiryYear":"2034","cvv":"123"},
                 "merchantTransactionId":"%s","shopperResultUrl":"https://shop.example/return"}""".formatted(PAN, merchantTransactionId);
    }

    static HttpResponse<String> post(
            ConfigurableApplicationContext instance, String apiKey, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(instance, "/v1/payments"))
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

    private static HttpResponse<String> send(HttpRequest request) {
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

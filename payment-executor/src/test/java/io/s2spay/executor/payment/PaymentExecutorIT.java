package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.connector.opp.OppGatewayClient;
import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppPaymentRequest;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.executor.PaymentExecutorApplication;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.SandboxMerchant;
import io.s2spay.schema.CardReference;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.StandingInstruction;
import io.s2spay.schema.StandingInstructionMode;
import io.s2spay.schema.StandingInstructionSource;
import io.s2spay.schema.StandingInstructionType;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.AuthorizePayment;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.DeleteStoredCredential;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.StoredCredentialDeleted;
import io.s2spay.testkit.GatewaySandboxes;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import io.s2spay.vault.CardDetails;
import io.s2spay.vault.CardVault;
import io.s2spay.vault.VaultedCard;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executor on real PostgreSQL, Kafka and the schema registry (test kit), paying through the real gateway
 * sandbox over HTTP: commands in on {@code s2spay.payment.commands}, events out on {@code s2spay.payment.events},
 * money counted in the sandbox's ledger.
 */
@SpringBootTest(
        classes = PaymentExecutorApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=payment-executor",
            // faults in the tests are quick to detect and resolve
            "s2spay.opp.read-timeout=3s",
            "s2spay.opp.resolution.initial-backoff=200ms",
            "s2spay.kafka.retry.max-retries=2",
            "s2spay.kafka.retry.initial-interval=100ms",
            "s2spay.kafka.retry.max-interval=200ms",
            // the recovery job runs once at start; the tests run it themselves, so nothing races them
            "s2spay.executor.recovery.interval=1h"
        })
class PaymentExecutorIT {

    private static final String MERCHANT = "merchant-demo";
    private static final String APPROVED_VISA = "4200000000000000";
    private static final String APPROVED_MASTER = "5454545454545454";
    private static final String DECLINED_VISA = "4000000000000002";
    private static final String THREE_DS_VISA = "4711100000000000";
    private static final String SHOP = "https://shop.example/return";
    /** Sandbox magic amounts (minor units of 999.0x): the payment is charged, then the response is lost. */
    private static final long LOST_RESPONSE = 99_901;
    /** The sandbox answers HTTP 503 without processing the request. */
    private static final long HTTP_503 = 99_906;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> rawProducer;

    @Autowired
    private KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    private CardVault vault;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private PaymentAttempts attempts;

    @Autowired
    private ProcessedMessages processedMessages;

    @Autowired
    private StuckAttemptRecovery recovery;

    @Autowired
    private OppGatewayClient gateway;

    @Autowired
    private MeterRegistry meters;

    @LocalServerPort
    private int port;

    private final KafkaTopicReader topics = KafkaTopicReader.of(TestInfrastructure.get());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().register(registry, "executor");
        GatewaySandbox sandbox = GatewaySandboxes.get();
        registry.add("s2spay.opp.base-url", sandbox::baseUrl);
        account(registry, "merchant-demo", sandbox.merchant("merchant-a"));
        account(registry, "merchant-other", sandbox.merchant("merchant-b"));
    }

    private static void account(DynamicPropertyRegistry registry, String merchantId, SandboxMerchant merchant) {
        registry.add("s2spay.opp.accounts." + merchantId + ".entity-id", merchant::entityId);
        registry.add("s2spay.opp.accounts." + merchantId + ".access-token", merchant::accessToken);
    }

    @AfterAll
    static void closeProducer() {
        if (rawProducer != null) {
            rawProducer.close();
        }
    }

    // ------------------------------------------------------------------------------------------- the flows

    @Test
    void debitsAnApprovedCardAndPublishesPaymentDebited() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope command = debit(card, 9200, "EUR");
        send(command);

        PaymentEventEnvelope event = awaitEvent(command.getPaymentId(), PaymentDebited.class);
        PaymentDebited debited = (PaymentDebited) event.getPayload();
        assertThat(debited.getGatewayResult().getCode()).isEqualTo("000.100.110");
        assertThat(debited.getGatewayResult().getGatewayTransactionId()).matches("[0-9a-f]{32}");
        assertThat(debited.getAmount()).isEqualTo(new Money(9200L, "EUR"));
        assertThat(debited.getCard()).isEqualTo(new CardSummary("420000", "0000", "VISA", 12, 2030));
        assertThat(event.getCausationId()).isEqualTo(command.getMessageId());
        assertThat(event.getCorrelationId()).isEqualTo(command.getCorrelationId());
        assertThat(event.getMerchantId()).isEqualTo(MERCHANT);
        assertThat(event.getMessageId()).isNotEqualTo(command.getMessageId());

        assertThat(ledgerCount(merchantTransactionId(command), "DB")).isEqualTo(1);
        assertThat(attempts.findByPaymentId(command.getPaymentId())
                        .orElseThrow()
                        .state())
                .isEqualTo(AttemptState.DEBITED);
        assertThat(vault.reveal(MERCHANT, card.vaultId()).cvv())
                .as("CVV erased after the outcome")
                .isNull();
        assertThat(meters.find("s2spay.executor.outcomes")
                        .tag("state", "DEBITED")
                        .counter())
                .isNotNull();
        assertThat(topics.readRaw(Topics.PAYMENT_EVENTS))
                .as("no PAN or CVV on the events topic")
                .noneMatch(record -> new String(record.value(), StandardCharsets.ISO_8859_1).contains(APPROVED_VISA))
                .noneMatch(record -> new String(record.value(), StandardCharsets.ISO_8859_1).contains("Jane Doe"));
        assertThat(meters.find("s2spay.executor.gateway.calls")
                        .tag("operation", "submit")
                        .timer()
                        .count())
                .isPositive();
    }

    @Test
    void authorizesAPreAuthorization() {
        VaultedCard card = storeCard(APPROVED_MASTER, "737");
        PaymentCommandEnvelope command = envelope(AuthorizePayment.newBuilder()
                .setAmount(new Money(1250L, "EUR"))
                .setPaymentBrand("MASTER")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setCard(reference(card))
                .build());
        send(command);

        PaymentAuthorized authorized = (PaymentAuthorized)
                awaitEvent(command.getPaymentId(), PaymentAuthorized.class).getPayload();
        assertThat(authorized.getGatewayResult().getCode()).isEqualTo("000.100.110");
        assertThat(authorized.getCard().getLast4Digits()).isEqualTo("5454");
        assertThat(ledgerCount(merchantTransactionId(command), "PA")).isEqualTo(1);
        assertThat(vault.reveal(MERCHANT, card.vaultId()).cvv()).isNull();
    }

    @Test
    void aDeclineCardYieldsPaymentDeclined() {
        VaultedCard card = storeCard(DECLINED_VISA, "123");
        PaymentCommandEnvelope command = debit(card, 4500, "EUR");
        send(command);

        PaymentDeclined declined = (PaymentDeclined)
                awaitEvent(command.getPaymentId(), PaymentDeclined.class).getPayload();
        assertThat(declined.getGatewayResult().getCode()).isEqualTo("800.100.151");
        assertThat(declined.getCategory()).isEqualTo("REJECTED_BY_BANK");
        assertThat(ledgerCount(merchantTransactionId(command), null)).isZero();
        assertThat(vault.reveal(MERCHANT, card.vaultId()).cvv()).isNull();
    }

    @Test
    void aThreeDSecureCardAsksForARedirect() {
        VaultedCard card = storeCard(THREE_DS_VISA, "123");
        PaymentCommandEnvelope command = envelope(DebitPayment.newBuilder()
                .setAmount(new Money(3000L, "EUR"))
                .setPaymentBrand("VISA")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setCard(reference(card))
                .setShopperResultUrl("https://shop.example/return")
                .build());
        send(command);

        PaymentRedirectRequired redirect =
                (PaymentRedirectRequired) awaitEvent(command.getPaymentId(), PaymentRedirectRequired.class)
                        .getPayload();
        assertThat(redirect.getGatewayResult().getCode()).isEqualTo("000.200.000");
        assertThat(redirect.getRedirect().getUrl())
                .startsWith(GatewaySandboxes.get().baseUrl());
        assertThat(attempts.findByPaymentId(command.getPaymentId())
                        .orElseThrow()
                        .state())
                .isEqualTo(AttemptState.REDIRECT_PENDING);
        assertThat(vault.reveal(MERCHANT, card.vaultId()).cvv()).isNull();
    }

    // ------------------------------------------------------------------------------------------- bad input

    @Test
    void anInvalidCommandIsRejectedWithTheReason() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope zeroAmount = debit(card, 0, "EUR");
        PaymentCommandEnvelope unknownCurrency = debit(card, 100, "EUX");
        PaymentCommandEnvelope notInVault = envelope(DebitPayment.newBuilder()
                .setAmount(new Money(100L, "EUR"))
                .setPaymentBrand("VISA")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setCard(new CardReference(
                        "card_" + UUID.randomUUID(), new CardSummary("420000", "0000", "VISA", 12, 2030)))
                .build());
        // the card exists, but belongs to merchant-demo
        PaymentCommandEnvelope otherMerchantsCard = PaymentCommandEnvelope.newBuilder(debit(card, 100, "EUR"))
                .setMerchantId("merchant-other")
                .build();
        PaymentCommandEnvelope noGatewayAccount = PaymentCommandEnvelope.newBuilder(debit(card, 100, "EUR"))
                .setMerchantId("merchant-without-account")
                .build();
        List.of(zeroAmount, unknownCurrency, notInVault, otherMerchantsCard, noGatewayAccount)
                .forEach(this::send);

        assertThat(rejection(zeroAmount).getReasonCode()).isEqualTo("INVALID_AMOUNT");
        assertThat(rejection(unknownCurrency).getReasonCode()).isEqualTo("INVALID_CURRENCY");
        assertThat(rejection(notInVault).getReasonCode()).isEqualTo("CARD_NOT_IN_VAULT");
        assertThat(rejection(otherMerchantsCard).getReasonCode()).isEqualTo("CARD_NOT_IN_VAULT");
        PaymentCommandRejected noAccount = rejection(noGatewayAccount);
        assertThat(noAccount.getReasonCode()).isEqualTo("UNKNOWN_MERCHANT_ACCOUNT");
        assertThat(noAccount.getReason()).contains("merchant-without-account");
        assertThat(noAccount.getCommandMessageId()).isEqualTo(noGatewayAccount.getMessageId());
        assertThat(noAccount.getCommandType()).isEqualTo("DebitPayment");
        for (PaymentCommandEnvelope command :
                List.of(zeroAmount, unknownCurrency, notInVault, otherMerchantsCard, noGatewayAccount)) {
            assertThat(attempts.findByPaymentId(command.getPaymentId()))
                    .as("no attempt recorded")
                    .isEmpty();
            assertThat(ledgerCount(merchantTransactionId(command), null)).isZero();
        }
        assertThat(vault.reveal(MERCHANT, card.vaultId()).cvv())
                .as("a refused command leaves the card alone")
                .isEqualTo("123");
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() throws Exception {
        String garbageKey = "pay_garbage_" + UUID.randomUUID();
        byte[] garbage = new byte[64];
        ThreadLocalRandom.current().nextBytes(garbage);
        garbage[0] = 7; // not the wire format's magic byte
        rawProducer()
                .send(new ProducerRecord<>(Topics.PAYMENT_COMMANDS, garbageKey, garbage))
                .get();
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope next = debit(card, 1000, "EUR");
        // same key, so the same partition: the good command is only reached after the bad one was handled
        send(PaymentCommandEnvelope.newBuilder(next).setPaymentId(garbageKey).build());

        awaitEvent(garbageKey, PaymentDebited.class);
        ConsumerRecord<byte[], byte[]> dead = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> topics.readRaw(Topics.deadLetter(Topics.PAYMENT_COMMANDS)).stream()
                                .filter(r -> r.key() != null
                                        && garbageKey.equals(new String(r.key(), StandardCharsets.UTF_8)))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(dead.value()).isEqualTo(garbage);
        Header reason = dead.headers().lastHeader("kafka_dlt-exception-message");
        assertThat(reason).as("dead-letter reason header").isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
    }

    // ------------------------------------------------------------------------------------------- no double charge

    @Test
    void aLostResponseEndsInAFinalOutcomeWithExactlyOneCharge() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope command = debit(card, LOST_RESPONSE, "EUR");
        send(command);

        PaymentDebited debited = (PaymentDebited)
                awaitEvent(command.getPaymentId(), PaymentDebited.class).getPayload();
        assertThat(debited.getGatewayResult().getCode()).isEqualTo("000.100.110");
        assertThat(ledgerCount(merchantTransactionId(command), "DB")).isEqualTo(1);
        assertThat(outcomeEvents(command.getPaymentId())).hasSize(1);
        assertThat(vault.reveal(MERCHANT, card.vaultId()).cvv()).isNull();
    }

    @Test
    void aPaymentTheGatewayDoesNotHoldRightAfterUncertainSendsIsLeftUnknownNotFailed() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope command = debit(card, HTTP_503, "EUR");
        send(command);

        // every send got a 503 and the queries just after found nothing: the gateway may still be processing a send,
        // so the executor leaves the outcome to the status-poller (rule 2) and sends nothing more
        PaymentOutcomeUnknown unknown = (PaymentOutcomeUnknown)
                awaitEvent(command.getPaymentId(), PaymentOutcomeUnknown.class).getPayload();
        assertThat(unknown.getReason()).contains("holds no transaction");
        assertThat(events(command.getPaymentId())).noneMatch(event -> event.getPayload() instanceof PaymentFailed);
        assertThat(ledgerCount(merchantTransactionId(command), null)).isZero();
        assertThat(attempts.findByPaymentId(command.getPaymentId())
                        .orElseThrow()
                        .state())
                .isEqualTo(AttemptState.UNKNOWN);
    }

    @Test
    void aRedeliveredCommandIsNotChargedTwiceAndASecondCommandForThePaymentIsRejected() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope command = debit(card, 2500, "EUR");
        send(command);
        send(command);
        PaymentCommandEnvelope again = PaymentCommandEnvelope.newBuilder(command)
                .setMessageId(UUID.randomUUID().toString())
                .build();
        send(again);

        PaymentCommandRejected rejected = rejection(again);
        assertThat(rejected.getReasonCode()).isEqualTo("DUPLICATE_PAYMENT");
        assertThat(outcomeEvents(command.getPaymentId()))
                .singleElement()
                .satisfies(event -> assertThat(event.getPayload()).isInstanceOf(PaymentDebited.class));
        assertThat(ledgerCount(merchantTransactionId(command), "DB")).isEqualTo(1);
    }

    @Test
    void aMerchantTransactionIdIsUsedByOnePaymentOnly() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope first = debit(card, 700, "EUR");
        send(first);
        awaitEvent(first.getPaymentId(), PaymentDebited.class);
        // another payment, same merchantTransactionId
        PaymentCommandEnvelope second = PaymentCommandEnvelope.newBuilder(first)
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId("pay_" + UUID.randomUUID().toString().replace("-", ""))
                .build();
        send(second);

        assertThat(rejection(second).getReasonCode()).isEqualTo("DUPLICATE_MERCHANT_TRANSACTION_ID");
        assertThat(ledgerCount(merchantTransactionId(first), "DB")).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------- crash recovery

    @Test
    void recoveryFindsTheChargeOfAnAttemptWhoseExecutorDiedAfterSendingIt() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope command = debit(card, 1999, "EUR");
        PaymentInstruction instruction = PaymentInstruction.from(command);
        // the executor recorded the attempt and sent it, then died before recording the answer
        OppTransaction charged = gateway.submitPayment(
                MERCHANT,
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        1999,
                        "EUR",
                        "VISA",
                        instruction.merchantTransactionId(),
                        new CardData(APPROVED_VISA, "Jane Doe", 12, 2030, "123"),
                        false,
                        null,
                        null,
                        null,
                        null));
        assertThat(charged.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        recordStuckAttempt(instruction);

        recovery.recoverStuckAttempts();

        PaymentDebited debited = (PaymentDebited)
                awaitEvent(command.getPaymentId(), PaymentDebited.class).getPayload();
        assertThat(debited.getGatewayResult().getGatewayTransactionId()).isEqualTo(charged.gatewayTransactionId());
        assertThat(ledgerCount(instruction.merchantTransactionId(), "DB")).isEqualTo(1);
        assertThat(vault.reveal(MERCHANT, card.vaultId()).cvv()).isNull();
    }

    @Test
    void recoverySendsAnAttemptTheGatewayNeverReceivedWithTheSameMerchantTransactionId() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope command = debit(card, 2999, "EUR");
        PaymentInstruction instruction = PaymentInstruction.from(command);
        // the executor recorded the attempt, then died before sending it
        recordStuckAttempt(instruction);

        recovery.recoverStuckAttempts();

        PaymentDebited debited = (PaymentDebited)
                awaitEvent(command.getPaymentId(), PaymentDebited.class).getPayload();
        assertThat(debited.getMerchantTransactionId()).isEqualTo(instruction.merchantTransactionId());
        assertThat(ledgerCount(instruction.merchantTransactionId(), "DB")).isEqualTo(1);
        assertThat(outcomeEvents(command.getPaymentId())).hasSize(1);
        // the command's redelivery after the crash changes nothing
        send(command);
        PaymentCommandEnvelope second = PaymentCommandEnvelope.newBuilder(debit(card, 100, "EUR"))
                .setPaymentId(command.getPaymentId())
                .build();
        send(second);
        assertThat(rejection(second).getReasonCode()).isEqualTo("DUPLICATE_PAYMENT");
        assertThat(events(command.getPaymentId()))
                .as("the redelivered command was skipped without an event")
                .filteredOn(event -> event.getPayload() instanceof PaymentCommandRejected)
                .hasSize(1);
        assertThat(outcomeEvents(command.getPaymentId())).hasSize(1);
        assertThat(ledgerCount(instruction.merchantTransactionId(), "DB")).isEqualTo(1);
    }

    @Test
    void twoInstancesClaimDisjointStuckAttempts() throws Exception {
        List<PaymentInstruction> stuck = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            PaymentInstruction instruction =
                    PaymentInstruction.from(debit(storeCard(APPROVED_VISA, "123"), 100, "EUR"));
            recordStuckAttempt(instruction);
            stuck.add(instruction);
        }
        java.util.concurrent.CountDownLatch firstClaimed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondDone = new java.util.concurrent.CountDownLatch(1);
        Duration lease = Duration.ofHours(1);
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = executor.submit(() -> transactions.execute(status -> {
                List<PaymentAttempt> claimed = attempts.claimStuck(3, lease);
                firstClaimed.countDown();
                try {
                    // keep the rows locked while the other instance claims
                    secondDone.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return claimed;
            }));
            assertThat(firstClaimed.await(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            List<PaymentAttempt> second = transactions.execute(status -> attempts.claimStuck(20, lease));
            secondDone.countDown();
            List<PaymentAttempt> firstClaims = first.get(30, java.util.concurrent.TimeUnit.SECONDS);

            List<java.util.UUID> firstIds =
                    firstClaims.stream().map(PaymentAttempt::attemptId).toList();
            List<java.util.UUID> secondIds =
                    second.stream().map(PaymentAttempt::attemptId).toList();
            assertThat(firstIds).hasSize(3).doesNotContainAnyElementsOf(secondIds);
            assertThat(java.util.stream.Stream.concat(firstClaims.stream(), second.stream())
                            .map(attempt -> attempt.instruction().paymentId()))
                    .containsAll(
                            stuck.stream().map(PaymentInstruction::paymentId).toList());
            // claimed attempts are leased: nobody takes them again before the lease ends
            List<PaymentAttempt> again = transactions.execute(status -> attempts.claimStuck(20, lease));
            assertThat(again).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------- operations

    // ------------------------------------------------------------------------------------------- bank transfers

    @Test
    void bankTransfersRedirectTheShopperToTheBank() {
        PaymentCommandEnvelope sofort = envelope(AuthorizePayment.newBuilder()
                .setAmount(new Money(4200L, "EUR"))
                .setPaymentBrand("SOFORTUEBERWEISUNG")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setShopperResultUrl(SHOP)
                .build());
        PaymentCommandEnvelope giropay = bankDebit("GIROPAY", 1500, SHOP);
        send(sofort);
        send(giropay);

        for (PaymentCommandEnvelope command : List.of(sofort, giropay)) {
            String brand = PaymentInstruction.from(command).paymentBrand();
            PaymentRedirectRequired redirect =
                    (PaymentRedirectRequired) awaitEvent(command.getPaymentId(), PaymentRedirectRequired.class)
                            .getPayload();
            assertThat(redirect.getGatewayResult().getCode()).isEqualTo("000.200.000");
            assertThat(redirect.getRedirect().getUrl())
                    .isEqualTo(GatewaySandboxes.get().baseUrl() + "connectors/bank/" + brand.toLowerCase(Locale.ROOT)
                            + "/pay");
            assertThat(redirect.getRedirect().getMethod()).isEqualTo("GET");
            assertThat(redirect.getRedirect().getParameters()).containsKey("sessionId");
            PaymentAttempt attempt =
                    attempts.findByPaymentId(command.getPaymentId()).orElseThrow();
            assertThat(attempt.state()).isEqualTo(AttemptState.REDIRECT_PENDING);
            assertThat(attempt.instruction().vaultId()).isNull();
            assertThat(attempt.instruction().registrationId()).isNull();
            assertThat(gatewayHolds(command))
                    .as("one transaction at the gateway")
                    .hasSize(1);
            assertThat(gatewayHolds(command).get(0).paymentBrand()).isEqualTo(brand);
            assertThat(ledgerCount(merchantTransactionId(command), null))
                    .as("nothing charged before approval")
                    .isZero();
        }
        assertThat(redirectOf(sofort).getPaymentType()).isEqualTo(PaymentType.PA);
    }

    @Test
    void aBankTransferWhoseAnswerIsLostIsResolvedWithoutASecondTransaction() {
        PaymentCommandEnvelope command = bankDebit("GIROPAY", LOST_RESPONSE, SHOP);
        send(command);

        PaymentEventEnvelope outcome = await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> outcomeEvents(command.getPaymentId()), events -> !events.isEmpty())
                .get(0);
        assertThat(outcome.getPayload()).isNotInstanceOf(PaymentFailed.class);
        assertThat(attempts.findByPaymentId(command.getPaymentId())
                        .orElseThrow()
                        .state())
                .isIn(AttemptState.REDIRECT_PENDING, AttemptState.GATEWAY_PENDING, AttemptState.UNKNOWN);
        assertThat(gatewayHolds(command))
                .as("the lost answer's transaction, never a second one")
                .hasSize(1);
    }

    @Test
    void recoverySendsAStuckBankTransferTheGatewayNeverReceived() {
        PaymentCommandEnvelope command = bankDebit("GIROPAY", 2500, SHOP);
        PaymentInstruction instruction = PaymentInstruction.from(command);
        recordStuckAttempt(instruction);

        recovery.recoverStuckAttempts();

        PaymentRedirectRequired redirect = redirectOf(command);
        assertThat(redirect.getRedirect().getUrl()).endsWith("connectors/bank/giropay/pay");
        assertThat(attempts.findByPaymentId(command.getPaymentId())
                        .orElseThrow()
                        .state())
                .isEqualTo(AttemptState.REDIRECT_PENDING);
        assertThat(gatewayHolds(command)).hasSize(1);
    }

    @Test
    void bankTransfersTheBrandTableDoesNotAllowAreRejectedBeforeTheGateway() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope giropayPreAuthorization = envelope(AuthorizePayment.newBuilder()
                .setAmount(new Money(1000L, "EUR"))
                .setPaymentBrand("GIROPAY")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setShopperResultUrl(SHOP)
                .build());
        PaymentCommandEnvelope bankWithCard = envelope(DebitPayment.newBuilder()
                .setAmount(new Money(1000L, "EUR"))
                .setPaymentBrand("SOFORTUEBERWEISUNG")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setCard(reference(card))
                .setShopperResultUrl(SHOP)
                .build());
        PaymentCommandEnvelope bankWithRegistration = envelope(DebitPayment.newBuilder()
                .setAmount(new Money(1000L, "EUR"))
                .setPaymentBrand("GIROPAY")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setRegistrationId("8a8294174b7ecb28014b9699220015ca")
                .setShopperResultUrl(SHOP)
                .build());
        PaymentCommandEnvelope cardWithoutInstrument = envelope(DebitPayment.newBuilder()
                .setAmount(new Money(1000L, "EUR"))
                .setPaymentBrand("VISA")
                .setMerchantTransactionId(newMerchantTransactionId())
                .build());
        PaymentCommandEnvelope bankWithoutReturnUrl = bankDebit("SOFORTUEBERWEISUNG", 1000, null);
        PaymentCommandEnvelope unknownBrand = envelope(DebitPayment.newBuilder()
                .setAmount(new Money(1000L, "EUR"))
                .setPaymentBrand("PAYPAL")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setShopperResultUrl(SHOP)
                .build());
        Map<PaymentCommandEnvelope, String> expected = Map.of(
                giropayPreAuthorization, "PAYMENT_TYPE_NOT_ALLOWED_FOR_BRAND",
                bankWithCard, "INSTRUMENT_NOT_ALLOWED_FOR_BRAND",
                bankWithRegistration, "INSTRUMENT_NOT_ALLOWED_FOR_BRAND",
                cardWithoutInstrument, "MISSING_PAYMENT_INSTRUMENT",
                bankWithoutReturnUrl, "MISSING_SHOPPER_RESULT_URL",
                unknownBrand, "INVALID_PAYMENT_BRAND");
        expected.keySet().forEach(this::send);

        expected.forEach((command, reasonCode) -> {
            PaymentCommandRejected rejected = rejection(command);
            assertThat(rejected.getReasonCode()).as(rejected.getReason()).isEqualTo(reasonCode);
            assertThat(attempts.findByPaymentId(command.getPaymentId()))
                    .as("no attempt recorded")
                    .isEmpty();
            assertThat(gatewayHolds(command)).as("nothing sent to the gateway").isEmpty();
            assertThat(ledgerCount(merchantTransactionId(command), null)).isZero();
        });
        assertThat(rejection(giropayPreAuthorization).getCommandType()).isEqualTo("AuthorizePayment");
        assertThat(vault.reveal(MERCHANT, card.vaultId()).cvv())
                .as("a refused command leaves the card alone")
                .isEqualTo("123");
    }

    // ------------------------------------------------------------------------------------------- stored credentials

    @Test
    void chargesAStoredCardThreeTimesWithoutTheShopperAfterAnInitialCustomerInitiatedPayment() {
        VaultedCard card = storeCard(APPROVED_VISA, "123");
        PaymentCommandEnvelope initial = envelope(AuthorizePayment.newBuilder()
                .setAmount(new Money(990L, "EUR"))
                .setPaymentBrand("VISA")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setCard(reference(card))
                .setCreateRegistration(true)
                .setStandingInstruction(new StandingInstruction(
                        StandingInstructionMode.INITIAL,
                        StandingInstructionType.RECURRING,
                        StandingInstructionSource.CIT,
                        null))
                .setShopperResultUrl(SHOP)
                .build());
        send(initial);

        PaymentAuthorized authorized = (PaymentAuthorized)
                awaitEvent(initial.getPaymentId(), PaymentAuthorized.class).getPayload();
        assertThat(authorized.getRegistrationId()).matches("[0-9a-f]{32}");
        assertThat(authorized.getInitialTransactionId()).matches("\\d{15}");
        assertThat(ledgerCount(merchantTransactionId(initial), "PA")).isEqualTo(1);

        for (int charge = 1; charge <= 3; charge++) {
            PaymentCommandEnvelope mit =
                    merchantInitiatedDebit(authorized.getRegistrationId(), authorized.getInitialTransactionId(), 990);
            send(mit);
            PaymentDebited debited = (PaymentDebited)
                    awaitEvent(mit.getPaymentId(), PaymentDebited.class).getPayload();
            assertThat(debited.getGatewayResult().getCode())
                    .as("charge %d", charge)
                    .isEqualTo("000.100.110");
            assertThat(debited.getRegistrationId()).isEqualTo(authorized.getRegistrationId());
            assertThat(debited.getCard().getLast4Digits()).isEqualTo("0000");
            assertThat(outcomeEvents(mit.getPaymentId()))
                    .as("no 3-D Secure redirect")
                    .hasSize(1);
            assertThat(attempts.findByPaymentId(mit.getPaymentId())
                            .orElseThrow()
                            .state())
                    .isEqualTo(AttemptState.DEBITED);
            assertThat(ledgerCount(merchantTransactionId(mit), "DB")).isEqualTo(1);
            List<OppTransaction> held = gatewayHolds(mit);
            assertThat(held).hasSize(1);
            assertThat(held.get(0).registrationId()).isEqualTo(authorized.getRegistrationId());
        }
    }

    @Test
    void aChallengedInitialPaymentStoresTheCardAndTheMerchantInitiatedChargesAreNotChallenged() {
        VaultedCard card = storeCard(THREE_DS_VISA, "123");
        PaymentCommandEnvelope initial = envelope(DebitPayment.newBuilder()
                .setAmount(new Money(1490L, "EUR"))
                .setPaymentBrand("VISA")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setCard(reference(card))
                .setCreateRegistration(true)
                .setStandingInstruction(new StandingInstruction(
                        StandingInstructionMode.INITIAL,
                        StandingInstructionType.UNSCHEDULED,
                        StandingInstructionSource.CIT,
                        null))
                .setShopperResultUrl(SHOP)
                .build());
        send(initial);
        PaymentRedirectRequired challenge = redirectOf(initial);
        // the shopper passes the challenge; the status-poller would follow up, here the test asks the gateway
        URI back = new ShopperChallenge().approve(challenge.getRedirect());
        OppTransaction stored = gateway.paymentStatus(MERCHANT, queryParameter(back, "resourcePath"));
        assertThat(stored.outcome()).isEqualTo(OppOutcome.SUCCEEDED);
        assertThat(stored.registrationId()).matches("[0-9a-f]{32}");
        assertThat(stored.initialTransactionId()).matches("\\d{15}");

        for (int charge = 1; charge <= 3; charge++) {
            PaymentCommandEnvelope mit = envelope(DebitPayment.newBuilder()
                    .setAmount(new Money(1490L, "EUR"))
                    .setPaymentBrand("VISA")
                    .setMerchantTransactionId(newMerchantTransactionId())
                    .setRegistrationId(stored.registrationId())
                    .setStandingInstruction(new StandingInstruction(
                            StandingInstructionMode.REPEATED,
                            StandingInstructionType.UNSCHEDULED,
                            StandingInstructionSource.MIT,
                            stored.initialTransactionId()))
                    .build());
            send(mit);
            PaymentDebited debited = (PaymentDebited)
                    awaitEvent(mit.getPaymentId(), PaymentDebited.class).getPayload();
            assertThat(debited.getGatewayResult().getCode())
                    .as("charge %d", charge)
                    .isEqualTo("000.100.110");
            assertThat(outcomeEvents(mit.getPaymentId()))
                    .as("no 3-D Secure redirect")
                    .hasSize(1);
            assertThat(ledgerCount(merchantTransactionId(mit), "DB")).isEqualTo(1);
        }
    }

    @Test
    void deletesAStoredCredentialOnceAndALaterChargeOnItFailsAtTheGateway() {
        PaymentDebited initial = storeCardByInitialDebit();
        String registrationId = initial.getRegistrationId();
        PaymentCommandEnvelope delete = deleteStoredCredential(registrationId, MERCHANT);
        send(delete);

        StoredCredentialDeleted deleted = (StoredCredentialDeleted)
                awaitEvent(delete.getPaymentId(), StoredCredentialDeleted.class).getPayload();
        assertThat(deleted.getStoredCredentialId()).isEqualTo(registrationId);
        assertThat(deleted.getGatewayResult().getCode()).isEqualTo("000.100.110");

        // a second command for the same credential: the merchant's wish holds, the gateway already deleted it
        PaymentCommandEnvelope again = deleteStoredCredential(registrationId, MERCHANT);
        send(again);
        StoredCredentialDeleted deletedAgain = await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> eventsCausedBy(again), events -> !events.isEmpty())
                .get(0);
        assertThat(deletedAgain.getStoredCredentialId()).isEqualTo(registrationId);
        assertThat(deletedAgain.getGatewayResult().getCode())
                .as("deleted once at the gateway")
                .isEqualTo("100.150.202");
        // a redelivery of the first command publishes nothing more
        send(delete);
        PaymentCommandEnvelope charge = merchantInitiatedDebit(registrationId, initial.getInitialTransactionId(), 500);
        send(charge);
        PaymentFailed failed = (PaymentFailed)
                awaitEvent(charge.getPaymentId(), PaymentFailed.class).getPayload();
        assertThat(failed.getGatewayResult().getCode()).isEqualTo("100.150.202");
        assertThat(ledgerCount(merchantTransactionId(charge), null)).isZero();
        assertThat(eventsCausedBy(delete)).hasSize(1);
        assertThat(eventsCausedBy(again)).hasSize(1);
    }

    @Test
    void aStoredCredentialOfAnotherMerchantOrAMalformedOneIsNotDeleted() {
        PaymentDebited initial = storeCardByInitialDebit();
        PaymentCommandEnvelope otherMerchant = deleteStoredCredential(initial.getRegistrationId(), "merchant-other");
        PaymentCommandEnvelope unknown = deleteStoredCredential("8a8294174b7ecb28014b9699220015ca", MERCHANT);
        PaymentCommandEnvelope malformed = deleteStoredCredential("../payments", MERCHANT);
        PaymentCommandEnvelope noAccount =
                deleteStoredCredential(initial.getRegistrationId(), "merchant-without-account");
        List.of(otherMerchant, unknown, malformed, noAccount).forEach(this::send);

        assertThat(rejection(otherMerchant).getReasonCode()).isEqualTo("STORED_CREDENTIAL_NOT_FOUND");
        assertThat(rejection(otherMerchant).getCommandType()).isEqualTo("DeleteStoredCredential");
        assertThat(rejection(unknown).getReasonCode()).isEqualTo("STORED_CREDENTIAL_NOT_FOUND");
        assertThat(rejection(malformed).getReasonCode()).isEqualTo("INVALID_STORED_CREDENTIAL_ID");
        assertThat(rejection(noAccount).getReasonCode()).isEqualTo("UNKNOWN_MERCHANT_ACCOUNT");
        // the owner's credential still pays
        PaymentCommandEnvelope charge =
                merchantInitiatedDebit(initial.getRegistrationId(), initial.getInitialTransactionId(), 700);
        send(charge);
        assertThat(((PaymentDebited) awaitEvent(charge.getPaymentId(), PaymentDebited.class)
                                .getPayload())
                        .getRegistrationId())
                .isEqualTo(initial.getRegistrationId());
        assertThat(ledgerCount(merchantTransactionId(charge), "DB")).isEqualTo(1);
    }

    @Test
    void healthIsUpIncludingTheOutboxRelay() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("outboxRelay").path("status").asString())
                .isEqualTo("UP");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private VaultedCard storeCard(String number, String cvv) {
        return transactions.execute(
                status -> vault.store(MERCHANT, new CardDetails(number, "Jane Doe", 12, 2030, cvv)));
    }

    private static CardReference reference(VaultedCard card) {
        return new CardReference(
                card.vaultId(),
                new CardSummary(card.bin(), card.last4Digits(), card.brand(), card.expiryMonth(), card.expiryYear()));
    }

    private static String newMerchantTransactionId() {
        return "order-" + UUID.randomUUID();
    }

    private static PaymentCommandEnvelope debit(VaultedCard card, long amountMinor, String currency) {
        return envelope(DebitPayment.newBuilder()
                .setAmount(new Money(amountMinor, currency))
                .setPaymentBrand(card.brand())
                .setMerchantTransactionId(newMerchantTransactionId())
                .setCard(reference(card))
                .build());
    }

    private static PaymentCommandEnvelope envelope(Object payload) {
        return PaymentCommandEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId("pay_" + UUID.randomUUID().toString().replace("-", ""))
                .setMerchantId(MERCHANT)
                .setOccurredAt(Instant.now())
                .setCorrelationId("corr-" + UUID.randomUUID())
                .setPayload(payload)
                .build();
    }

    private static PaymentCommandEnvelope bankDebit(String brand, long amountMinor, String shopperResultUrl) {
        return envelope(DebitPayment.newBuilder()
                .setAmount(new Money(amountMinor, "EUR"))
                .setPaymentBrand(brand)
                .setMerchantTransactionId(newMerchantTransactionId())
                .setShopperResultUrl(shopperResultUrl)
                .build());
    }

    private static PaymentCommandEnvelope merchantInitiatedDebit(
            String registrationId, String initialTransactionId, long amountMinor) {
        return envelope(DebitPayment.newBuilder()
                .setAmount(new Money(amountMinor, "EUR"))
                .setPaymentBrand("VISA")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setRegistrationId(registrationId)
                .setStandingInstruction(new StandingInstruction(
                        StandingInstructionMode.REPEATED,
                        StandingInstructionType.RECURRING,
                        StandingInstructionSource.MIT,
                        initialTransactionId))
                .build());
    }

    private static PaymentCommandEnvelope deleteStoredCredential(String storedCredentialId, String merchantId) {
        return PaymentCommandEnvelope.newBuilder(envelope(new DeleteStoredCredential(storedCredentialId)))
                .setMerchantId(merchantId)
                .build();
    }

    /** An initial customer-initiated debit that stores the card (RECURRING), as a subscription's first payment. */
    private PaymentDebited storeCardByInitialDebit() {
        PaymentCommandEnvelope initial = envelope(DebitPayment.newBuilder()
                .setAmount(new Money(990L, "EUR"))
                .setPaymentBrand("VISA")
                .setMerchantTransactionId(newMerchantTransactionId())
                .setCard(reference(storeCard(APPROVED_VISA, "123")))
                .setCreateRegistration(true)
                .setStandingInstruction(new StandingInstruction(
                        StandingInstructionMode.INITIAL,
                        StandingInstructionType.RECURRING,
                        StandingInstructionSource.CIT,
                        null))
                .build());
        send(initial);
        PaymentDebited debited = (PaymentDebited)
                awaitEvent(initial.getPaymentId(), PaymentDebited.class).getPayload();
        assertThat(debited.getRegistrationId()).matches("[0-9a-f]{32}");
        assertThat(debited.getInitialTransactionId()).matches("\\d{15}");
        return debited;
    }

    private List<StoredCredentialDeleted> eventsCausedBy(PaymentCommandEnvelope command) {
        return events(command.getPaymentId()).stream()
                .filter(event -> command.getMessageId().equals(event.getCausationId()))
                .map(PaymentEventEnvelope::getPayload)
                .filter(StoredCredentialDeleted.class::isInstance)
                .map(StoredCredentialDeleted.class::cast)
                .toList();
    }

    private PaymentRedirectRequired redirectOf(PaymentCommandEnvelope command) {
        return (PaymentRedirectRequired) awaitEvent(command.getPaymentId(), PaymentRedirectRequired.class)
                .getPayload();
    }

    /** Every transaction the gateway holds under the command's merchantTransactionId (sends nothing). */
    private List<OppTransaction> gatewayHolds(PaymentCommandEnvelope command) {
        return gateway.queryAllByMerchantTransactionId(command.getMerchantId(), merchantTransactionId(command));
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            if (URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + uri);
    }

    /** Plays the shopper at the sandbox's 3-D Secure page: opens the redirect, presses Approve. */
    private static final class ShopperChallenge {

        private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile(
                "<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", java.util.regex.Pattern.DOTALL);
        private static final java.util.regex.Pattern HIDDEN =
                java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

        private final HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        /** Where the browser is sent back to after approving. */
        URI approve(io.s2spay.schema.Redirect redirect) {
            java.util.StringJoiner parameters = new java.util.StringJoiner("&");
            redirect.getParameters().forEach((name, value) -> parameters.add(encode(name) + "=" + encode(value)));
            URI page = URI.create(redirect.getUrl());
            HttpResponse<String> challenge = send(
                    "GET".equals(redirect.getMethod())
                            ? HttpRequest.newBuilder(URI.create(redirect.getUrl() + "?" + parameters))
                                    .GET()
                                    .build()
                            : HttpRequest.newBuilder(page)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(parameters.toString()))
                                    .build());
            assertThat(challenge.statusCode()).isEqualTo(200);
            java.util.regex.Matcher form = FORM.matcher(challenge.body());
            assertThat(form.find()).as("a form on the challenge page").isTrue();
            java.util.StringJoiner body = new java.util.StringJoiner("&");
            java.util.regex.Matcher hidden = HIDDEN.matcher(form.group(2));
            while (hidden.find()) {
                body.add(encode(hidden.group(1)) + "=" + encode(hidden.group(2)));
            }
            body.add("action=approve");
            HttpResponse<String> answer = send(HttpRequest.newBuilder(page.resolve(form.group(1)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build());
            assertThat(answer.statusCode()).isEqualTo(302);
            return URI.create(answer.headers().firstValue("Location").orElseThrow());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return browser.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private static String merchantTransactionId(PaymentCommandEnvelope command) {
        return PaymentInstruction.from(command).merchantTransactionId();
    }

    /** What the executor's first transaction commits: the command marked processed and the attempt recorded. */
    private void recordStuckAttempt(PaymentInstruction instruction) {
        transactions.executeWithoutResult(status -> {
            assertThat(processedMessages.markProcessed(instruction.messageId())).isTrue();
            assertThat(attempts.insert(
                            PaymentAttempt.open(instruction, GatewayAccount.parse("opp:" + instruction.merchantId())),
                            Duration.ofSeconds(-1)))
                    .isEmpty();
        });
    }

    private void send(PaymentCommandEnvelope command) {
        try {
            kafka.send(Topics.PAYMENT_COMMANDS, command.getPaymentId(), command).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the command", e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> rawProducer() {
        if (rawProducer == null) {
            rawProducer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestInfrastructure.get().kafkaBootstrapServers()),
                    new StringSerializer(),
                    new ByteArraySerializer());
        }
        return rawProducer;
    }

    private List<PaymentEventEnvelope> events(String paymentId) {
        return topics.readValues(Topics.PAYMENT_EVENTS, PaymentEventEnvelope.class).stream()
                .filter(event -> event.getPaymentId().equals(paymentId))
                .toList();
    }

    /** The events announcing an attempt's outcome (everything but rejections). */
    private List<PaymentEventEnvelope> outcomeEvents(String paymentId) {
        return events(paymentId).stream()
                .filter(event -> !(event.getPayload() instanceof PaymentCommandRejected))
                .toList();
    }

    private PaymentEventEnvelope awaitEvent(String paymentId, Class<? extends SpecificRecord> type) {
        return await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> events(paymentId).stream()
                                .filter(e -> type.isInstance(e.getPayload()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private PaymentCommandRejected rejection(PaymentCommandEnvelope command) {
        return await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> events(command.getPaymentId()).stream()
                                .map(PaymentEventEnvelope::getPayload)
                                .filter(PaymentCommandRejected.class::isInstance)
                                .map(PaymentCommandRejected.class::cast)
                                .filter(r -> r.getCommandMessageId().equals(command.getMessageId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Successful transactions the sandbox's ledger holds under {@code merchantTransactionId} (of one type, or all). */
    private static int ledgerCount(String merchantTransactionId, String paymentType) {
        try {
            URI uri = URI.create(GatewaySandboxes.get().baseUrl() + "sandbox/ledger?merchantTransactionId="
                    + URLEncoder.encode(merchantTransactionId, StandardCharsets.UTF_8));
            HttpResponse<String> response =
                    HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            List<JsonNode> transactions = new ArrayList<>();
            JSON.readTree(response.body())
                    .path("entities")
                    .forEach(entity -> entity.path("transactions").forEach(transactions::add));
            return (int) transactions.stream()
                    .filter(tx -> paymentType == null
                            || paymentType.equals(tx.path("paymentType").asString()))
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

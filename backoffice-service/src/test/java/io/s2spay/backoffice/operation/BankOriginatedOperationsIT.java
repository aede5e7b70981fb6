package io.s2spay.backoffice.operation;

import static io.s2spay.backoffice.Messages.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.backoffice.BackofficeHarness;
import io.s2spay.backoffice.BackofficeHarness.Payment;
import io.s2spay.backoffice.Messages;
import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.connector.opp.OppPaymentRequest;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.poller.StatusPollerApplication;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.ChargebackReversed;
import io.s2spay.schema.event.PaymentChargedBack;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.ReceiptConfirmed;
import io.s2spay.schema.serde.AvroSerdeProperties;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bank's chargebacks, chargeback reversals and receipts, originated at the gateway sandbox through its operator
 * endpoints, reach the platform as they would in production: the sandbox's encrypted webhook reaches the real
 * status-poller, which confirms the transaction at the gateway and reports it; this service publishes its event once
 * (even when the webhook is delivered twice) and its balance rules then hold against it.
 */
class BankOriginatedOperationsIT {

    private static final String MERCHANT = Messages.MERCHANT;

    private static BackofficeHarness harness;
    private static ConfigurableApplicationContext poller;
    private static ReportedOperationStore reported;

    @BeforeAll
    static void start() throws IOException {
        int pollerPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            pollerPort = socket.getLocalPort();
        }
        harness = new BackofficeHarness(
                Map.of(
                        "sandbox.merchants.merchant-a.webhook-url",
                        "http://127.0.0.1:" + pollerPort + "/v1/notifications/opp/" + MERCHANT),
                Map.of());
        Map<String, Object> properties =
                new LinkedHashMap<>(TestInfrastructure.get().springProperties("poller"));
        properties.putAll(harness.sandbox.connectorProperties(MERCHANT));
        properties.put("server.port", pollerPort);
        properties.put("s2spay.poller.janitor-interval", "200ms");
        try {
            poller = StatusPollerApplication.application()
                    .run(properties.entrySet().stream()
                            .map(e -> "--" + e.getKey() + "=" + e.getValue())
                            .toArray(String[]::new));
        } catch (RuntimeException e) {
            harness.close();
            throw e;
        }
        reported = harness.service.getBean(ReportedOperationStore.class);
    }

    @AfterAll
    static void stop() {
        if (poller != null) {
            poller.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void publishesTheBanksChargebackOnceEvenWhenItsWebhookComesTwiceAndRefusesRefundsAfterIt() {
        Payment payment = harness.debited(9_200);

        String chargeback = harness.sandbox.bankChargeback(payment.gatewayTransactionId(), null);

        PaymentChargedBack chargedBack = awaitEvent(payment, PaymentChargedBack.class);
        assertThat(harness.sandbox.redeliverNotifications(chargeback)).containsOnly(200);
        awaitRow(chargeback, row -> row.timesReported() == 2);
        BackofficeCommandRejected refund =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-1", null), BackofficeCommandRejected.class);
        BackofficeCommandRejected merchantChargeback = harness.carryOut(
                payment.paymentId(), Messages.chargeback("cb-1", eur(9_200)), BackofficeCommandRejected.class);

        assertThat(chargedBack.getOperationId()).isEqualTo("gateway:" + chargeback);
        assertThat(chargedBack.getAmount()).isEqualTo(eur(9_200));
        assertThat(chargedBack.getGatewayResult().getCode()).isEqualTo("000.100.220");
        // the rejections were published after the second delivery was handled, on the same partition
        assertThat(harness.events.of(payment.paymentId(), PaymentChargedBack.class))
                .hasSize(1);
        assertThat(eventsCarrying(chargeback))
                .singleElement()
                .satisfies(event -> assertThat(event.getPaymentId()).isEqualTo(payment.paymentId()));
        PaymentBalance balance = harness.balances.find(payment.paymentId()).orElseThrow();
        assertThat(balance.chargedBackMinor()).isEqualTo(9_200);
        assertThat(balance.refundableMinor()).isZero();
        assertThat(refund.getReasonCode()).isEqualTo("CHARGEBACK_OPEN");
        assertThat(merchantChargeback.getReasonCode()).isEqualTo("CHARGEBACK_OPEN");
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "CB"))
                .isEqualTo(1);
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isZero();
    }

    @Test
    void aBankChargebackReversalGivesTheMoneyBackToRefund() {
        Payment payment = harness.debited(6_000);

        String chargeback = harness.sandbox.bankChargeback(payment.gatewayTransactionId(), "20.00");
        PaymentChargedBack chargedBack = awaitEvent(payment, PaymentChargedBack.class);
        String reversal = harness.sandbox.bankChargebackReversal(payment.gatewayTransactionId(), null);
        ChargebackReversed reversed = awaitEvent(payment, ChargebackReversed.class);
        PaymentRefunded refunded =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-1", null), PaymentRefunded.class);

        assertThat(chargedBack.getAmount()).isEqualTo(eur(2_000));
        assertThat(chargedBack.getOperationId()).isEqualTo("gateway:" + chargeback);
        assertThat(reversed.getAmount()).isEqualTo(eur(2_000));
        assertThat(reversed.getOperationId()).isEqualTo("gateway:" + reversal);
        assertThat(refunded.getAmount()).isEqualTo(eur(6_000));
        PaymentBalance balance = harness.balances.find(payment.paymentId()).orElseThrow();
        assertThat(balance.chargedBackMinor()).isEqualTo(2_000);
        assertThat(balance.chargebackReversedMinor()).isEqualTo(2_000);
        assertThat(balance.refundedMinor()).isEqualTo(6_000);
    }

    @Test
    void publishesTheBanksReceiptOfATransferOnce() {
        String paymentId = Messages.newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();
        OppTransaction pending = harness.gateway.submitPayment(
                MERCHANT,
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        7_500,
                        "EUR",
                        "SOFORTUEBERWEISUNG",
                        mtid,
                        null,
                        false,
                        null,
                        "https://shop.example/return",
                        null,
                        null));
        // as the executor publishes it: the poller tracks the transfer, back-office knows its gateway id
        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(
                        paymentId,
                        PaymentRedirectRequired.newBuilder()
                                .setPaymentType(PaymentType.DB)
                                .setAmount(eur(7_500))
                                .setMerchantTransactionId(mtid)
                                .setGatewayResult(new GatewayResult(
                                        pending.gatewayTransactionId(), pending.resultCode(), "pending", null))
                                .setRedirect(new Redirect(pending.redirect().url(), "GET", Map.of()))
                                .build()));
        harness.awaitState(paymentId, PaymentState.REDIRECT_PENDING);
        assertThat(harness.sandbox.completeBankTransfer(
                        "SOFORTUEBERWEISUNG", pending.redirect().parameter("sessionId"), "approve"))
                .isEqualTo(302);

        String receipt = harness.sandbox.bankReceipt(pending.gatewayTransactionId());

        ReceiptConfirmed confirmed = awaitEvent(paymentId, ReceiptConfirmed.class);
        PaymentDebited debited = awaitEvent(paymentId, PaymentDebited.class);
        harness.awaitState(paymentId, PaymentState.DEBITED);
        assertThat(harness.sandbox.redeliverNotifications(receipt)).containsOnly(200);
        awaitRow(receipt, row -> row.timesReported() == 2);
        PaymentRefunded refunded = harness.carryOut(paymentId, Messages.refund("rf-1", null), PaymentRefunded.class);

        assertThat(confirmed.getOperationId()).isEqualTo("gateway:" + receipt);
        assertThat(confirmed.getAmount()).isEqualTo(eur(7_500));
        assertThat(debited.getGatewayResult().getGatewayTransactionId()).isEqualTo(pending.gatewayTransactionId());
        assertThat(harness.events.of(paymentId, ReceiptConfirmed.class)).hasSize(1);
        // the debit and its receipt are the same money
        assertThat(refunded.getAmount()).isEqualTo(eur(7_500));
        assertThat(reported.find(MERCHANT, receipt).orElseThrow().flag()).isNull();
    }

    @Test
    void leavesTheMerchantsOwnChargebackToItsOperationThoughTheGatewayNotifiesItToo() {
        Payment payment = harness.debited(3_000);

        PaymentChargedBack chargedBack =
                harness.carryOut(payment.paymentId(), Messages.chargeback("cb-1", null), PaymentChargedBack.class);
        String chargeback = chargedBack.getGatewayResult().getGatewayTransactionId();
        awaitRow(chargeback, row -> row.outcome() == ReportedOperationStore.Outcome.OWN_OPERATION);
        BackofficeCommandRejected refund =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-1", null), BackofficeCommandRejected.class);

        assertThat(chargedBack.getOperationId()).isEqualTo("cb-1");
        assertThat(refund.getReasonCode()).isEqualTo("CHARGEBACK_OPEN");
        assertThat(harness.events.of(payment.paymentId(), PaymentChargedBack.class))
                .hasSize(1);
        assertThat(harness.balances.find(payment.paymentId()).orElseThrow().chargedBackMinor())
                .isEqualTo(3_000);
    }

    @Test
    void acknowledgesAChargebackOfAPaymentThePlatformDoesNotKnowAndPublishesNothing() {
        // paid at the gateway outside the platform (no event ever announced it)
        Payment payment = harness.atGateway(OppPaymentType.DB, 4_100, BackofficeHarness.VISA);
        double before = count("UNKNOWN_PAYMENT");

        String chargeback = harness.sandbox.bankChargeback(payment.gatewayTransactionId(), null);

        awaitRow(chargeback, row -> row.outcome() == ReportedOperationStore.Outcome.UNKNOWN_PAYMENT);
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.sandbox.deliveredNotifications(chargeback) == 1);
        assertThat(count("UNKNOWN_PAYMENT")).isEqualTo(before + 1);
        assertThat(reported.find(MERCHANT, chargeback).orElseThrow().paymentId())
                .isNull();
        assertThat(harness.balances.find(payment.paymentId())).isEmpty();
        assertThat(eventsCarrying(chargeback)).isEmpty();
    }

    private static <T> T awaitEvent(Payment payment, Class<T> type) {
        return awaitEvent(payment.paymentId(), type);
    }

    private static <T> T awaitEvent(String paymentId, Class<T> type) {
        List<T> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> harness.events.of(paymentId, type), list -> !list.isEmpty());
        return events.getFirst();
    }

    private static ReportedOperationStore.Row awaitRow(
            String gatewayTransactionId, Predicate<ReportedOperationStore.Row> until) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> reported.find(MERCHANT, gatewayTransactionId).filter(until), Optional::isPresent)
                .orElseThrow();
    }

    private static double count(String result) {
        Counter counter = harness.service
                .getBean(MeterRegistry.class)
                .find("s2spay.backoffice.reported-operations")
                .tags("type", "CB", "result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every event on {@code s2spay.payment.events}, whatever its payment, that carries this gateway transaction. */
    private static List<PaymentEventEnvelope> eventsCarrying(String gatewayTransactionId) {
        try (AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>()) {
            deserializer.configure(
                    new HashMap<>(AvroSerdeProperties.forRegistry(
                            TestInfrastructure.get().registryUrl())),
                    false);
            return KafkaTopicReader.of(TestInfrastructure.get()).readRaw(Topics.PAYMENT_EVENTS).stream()
                    .map(record -> {
                        try {
                            return deserializer.deserialize(Topics.PAYMENT_EVENTS, record.value());
                        } catch (RuntimeException undecodable) {
                            return null;
                        }
                    })
                    .filter(PaymentEventEnvelope.class::isInstance)
                    .map(PaymentEventEnvelope.class::cast)
                    .filter(event -> event.getPayload().toString().contains(gatewayTransactionId))
                    .toList();
        }
    }
}

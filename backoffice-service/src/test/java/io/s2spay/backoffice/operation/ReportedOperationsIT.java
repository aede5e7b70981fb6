package io.s2spay.backoffice.operation;

import static io.s2spay.backoffice.Messages.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.backoffice.BackofficeHarness;
import io.s2spay.backoffice.BackofficeHarness.Payment;
import io.s2spay.backoffice.Messages;
import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.connector.opp.OppGateway;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.gateway.event.TransactionReports;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.ChargebackReversed;
import io.s2spay.schema.event.PaymentChargedBack;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.internal.OppTransactionReported;
import io.s2spay.testkit.KafkaTopicReader;
import io.s2spay.testkit.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transactions the gateway reported (as the status-poller reports them on {@code s2spay.opp.transactions}) reach the
 * payments' balances and events once each, whatever the order and however often they come; this service's rules do
 * not stop the bank, but what they would have refused is flagged; reports it cannot place publish nothing.
 */
class ReportedOperationsIT {

    private static final String MERCHANT = Messages.MERCHANT;

    private static BackofficeHarness harness;
    private static ReportedOperationStore reported;
    private static KafkaTopicReader topics;

    @BeforeAll
    static void start() {
        harness = new BackofficeHarness(Map.of());
        reported = harness.service.getBean(ReportedOperationStore.class);
        topics = KafkaTopicReader.of(TestInfrastructure.get());
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void recordsTheBanksChargebackOnceHoweverOftenItIsReported() {
        Payment payment = harness.debited(10_000);
        String chargeback = harness.sandbox.bankChargeback(payment.gatewayTransactionId(), null);
        OppTransactionReported report = report(chargeback, payment);

        publish(report);
        publish(report);
        publish(again(report));

        ReportedOperationStore.Row row = awaitRow(chargeback, r -> r.timesReported() == 2);
        BackofficeCommandRejected refund = harness.carryOut(
                payment.paymentId(), Messages.refund("rf-1", eur(100)), BackofficeCommandRejected.class);
        BackofficeCommandRejected merchantChargeback = harness.carryOut(
                payment.paymentId(), Messages.chargeback("cb-1", null), BackofficeCommandRejected.class);
        List<PaymentEventEnvelope> chargedBack = harness.events.of(payment.paymentId()).stream()
                .filter(e -> e.getPayload() instanceof PaymentChargedBack)
                .toList();
        assertThat(chargedBack).hasSize(1);
        PaymentChargedBack event = (PaymentChargedBack) chargedBack.getFirst().getPayload();
        assertThat(event.getOperationId()).isEqualTo("gateway:" + chargeback);
        assertThat(event.getAmount()).isEqualTo(eur(10_000));
        assertThat(event.getGatewayResult().getGatewayTransactionId()).isEqualTo(chargeback);
        assertThat(event.getGatewayResult().getCode()).isEqualTo("000.100.220");
        assertThat(chargedBack.getFirst().getCausationId()).isEqualTo(report.getMessageId());
        assertThat(chargedBack.getFirst().getMerchantId()).isEqualTo(MERCHANT);
        assertThat(row.outcome()).isEqualTo(ReportedOperationStore.Outcome.RECORDED);
        assertThat(row.paymentId()).isEqualTo(payment.paymentId());
        assertThat(row.flag()).isNull();
        assertThat(refund.getReasonCode()).isEqualTo("CHARGEBACK_OPEN");
        assertThat(merchantChargeback.getReasonCode()).isEqualTo("CHARGEBACK_OPEN");
        assertThat(harness.balances.find(payment.paymentId()).orElseThrow().chargedBackMinor())
                .isEqualTo(10_000);
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "CB"))
                .isEqualTo(1);
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isZero();
    }

    @Test
    void recordsButFlagsAChargebackAboveWhatIsLeftToRefund() {
        Payment payment = harness.debited(10_000);
        // a refund the balances know of but the gateway does not: the bank charges back the whole debit all the same
        harness.publish(Topics.PAYMENT_EVENTS, Messages.event(payment.paymentId(), Messages.refunded("rf-x", 6_000)));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        harness.balances.find(payment.paymentId()).orElseThrow().refundedMinor() == 6_000);
        String chargeback = harness.sandbox.bankChargeback(payment.gatewayTransactionId(), null);
        double flaggedBefore = count("CB", "RECORDED_FLAGGED");

        publish(report(chargeback, payment));

        ReportedOperationStore.Row row =
                awaitRow(chargeback, r -> r.outcome() == ReportedOperationStore.Outcome.RECORDED);
        assertThat(row.flag()).isEqualTo("AMOUNT_EXCEEDS_REFUNDABLE");
        assertThat(count("CB", "RECORDED_FLAGGED")).isEqualTo(flaggedBefore + 1);
        PaymentChargedBack event = await().atMost(Duration.ofSeconds(30))
                .until(() -> harness.events.of(payment.paymentId(), PaymentChargedBack.class), list -> !list.isEmpty())
                .getFirst();
        assertThat(event.getAmount()).isEqualTo(eur(10_000));
        PaymentBalance balance = harness.balances.find(payment.paymentId()).orElseThrow();
        assertThat(balance.chargedBackMinor()).isEqualTo(10_000);
        assertThat(balance.refundableMinor()).isEqualTo(-6_000);
    }

    @Test
    void recordsAChargebackReversalReportedBeforeItsChargeback() {
        Payment payment = harness.debited(5_000);
        String chargeback = harness.sandbox.bankChargeback(payment.gatewayTransactionId(), null);
        String reversal = harness.sandbox.bankChargebackReversal(payment.gatewayTransactionId(), null);

        publish(report(reversal, payment));
        ReportedOperationStore.Row reversalRow =
                awaitRow(reversal, r -> r.outcome() == ReportedOperationStore.Outcome.RECORDED);
        publish(report(chargeback, payment));
        ReportedOperationStore.Row chargebackRow =
                awaitRow(chargeback, r -> r.outcome() == ReportedOperationStore.Outcome.RECORDED);

        assertThat(reversalRow.flag()).isEqualTo("NO_CHARGEBACK");
        assertThat(chargebackRow.flag()).isNull();
        PaymentRefunded refunded =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-1", null), PaymentRefunded.class);
        assertThat(refunded.getAmount()).isEqualTo(eur(5_000));
        assertThat(harness.events.of(payment.paymentId(), ChargebackReversed.class))
                .singleElement()
                .satisfies(e -> assertThat(e.getAmount()).isEqualTo(eur(5_000)));
        assertThat(harness.events.of(payment.paymentId(), PaymentChargedBack.class))
                .hasSize(1);
    }

    @Test
    void publishesNothingForAnUnknownPaymentAndRecordsTheChargebackWhenReportedAgainOnceThePaymentIsKnown() {
        // paid at the gateway, but its outcome event has not reached this service
        Payment payment = harness.atGateway(OppPaymentType.DB, 2_500, BackofficeHarness.VISA);
        String chargeback = harness.sandbox.bankChargeback(payment.gatewayTransactionId(), null);
        OppTransactionReported report = report(chargeback, payment);
        double unknownBefore = count("CB", "UNKNOWN_PAYMENT");

        publish(report);

        awaitRow(chargeback, r -> r.outcome() == ReportedOperationStore.Outcome.UNKNOWN_PAYMENT);
        assertThat(count("CB", "UNKNOWN_PAYMENT")).isEqualTo(unknownBefore + 1);
        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(
                        payment.paymentId(),
                        Messages.debited(2_500, payment.merchantTransactionId(), payment.gatewayTransactionId())));
        harness.awaitState(payment.paymentId(), PaymentState.DEBITED);
        assertThat(harness.events.of(payment.paymentId(), PaymentChargedBack.class))
                .isEmpty();

        publish(again(report));

        ReportedOperationStore.Row row =
                awaitRow(chargeback, r -> r.outcome() == ReportedOperationStore.Outcome.RECORDED);
        assertThat(row.paymentId()).isEqualTo(payment.paymentId());
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> harness.events.of(payment.paymentId(), PaymentChargedBack.class),
                                list -> !list.isEmpty()))
                .singleElement()
                .satisfies(e -> assertThat(e.getAmount()).isEqualTo(eur(2_500)));
    }

    @Test
    void aReportArrivingMomentsBeforeItsPaymentsEventWaitsForItAndIsRecorded() throws InterruptedException {
        // the bank reports a chargeback before this service has read the payment's outcome event
        Payment payment = harness.atGateway(OppPaymentType.DB, 2_700, BackofficeHarness.VISA);
        String chargeback = harness.sandbox.bankChargeback(payment.gatewayTransactionId(), null);
        OppTransactionReported report = report(chargeback, payment);

        publish(report);
        Thread.sleep(500);
        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(
                        payment.paymentId(),
                        Messages.debited(2_700, payment.merchantTransactionId(), payment.gatewayTransactionId())));

        ReportedOperationStore.Row row =
                awaitRow(chargeback, r -> r.outcome() == ReportedOperationStore.Outcome.RECORDED);
        assertThat(row.paymentId()).isEqualTo(payment.paymentId());
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> harness.events.of(payment.paymentId(), PaymentChargedBack.class),
                                list -> !list.isEmpty()))
                .singleElement()
                .satisfies(e -> assertThat(e.getAmount()).isEqualTo(eur(2_700)));
    }

    @Test
    void deadLettersAReportThatCanNeverBeRecorded() {
        Payment payment = harness.debited(1_000);
        String chargeback = harness.sandbox.bankChargeback(payment.gatewayTransactionId(), null);
        OppTransactionReported zero = OppTransactionReported.newBuilder(report(chargeback, payment))
                .setMessageId(UUID.randomUUID().toString())
                .setAmountMinor(0)
                .build();
        String key = "dead-letter-" + UUID.randomUUID();

        harness.publish(Topics.OPP_TRANSACTIONS, key, zero);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> topics.readRaw(Topics.OPP_TRANSACTIONS + ".dlt").stream()
                        .anyMatch(r -> r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))));
        assertThat(reported.find(MERCHANT, chargeback)).isEmpty();
        // the consumer goes on: the same chargeback, reported properly, is recorded
        publish(report(chargeback, payment));
        awaitRow(chargeback, r -> r.outcome() == ReportedOperationStore.Outcome.RECORDED);
    }

    @Test
    void refusesMerchantOperationIdsReservedForReportedOperations() {
        Payment payment = harness.debited(1_500);

        BackofficeCommandRejected rejected = harness.carryOut(
                payment.paymentId(),
                Messages.refund("gateway:8ac7a4a1fd6bfff929f0a969f18e18aa", null),
                BackofficeCommandRejected.class);

        assertThat(rejected.getReasonCode()).isEqualTo("INVALID_COMMAND");
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isZero();
    }

    /** The report the status-poller publishes for {@code gatewayTransactionId}: the gateway's answers, not a webhook's. */
    private static OppTransactionReported report(String gatewayTransactionId, Payment payment) {
        OppTransaction confirmed = harness.gateway.queryById(MERCHANT, gatewayTransactionId);
        OppTransaction initial = harness.gateway.queryById(MERCHANT, payment.gatewayTransactionId());
        assertThat(confirmed.gatewayTransactionId()).isEqualTo(gatewayTransactionId);
        return TransactionReports.of(
                MERCHANT, OppGateway.answerOf(confirmed), OppGateway.answerOf(initial), Instant.now());
    }

    /** The same transaction reported again (another webhook delivery): a new message. */
    private static OppTransactionReported again(OppTransactionReported report) {
        return OppTransactionReported.newBuilder(report)
                .setMessageId(UUID.randomUUID().toString())
                .build();
    }

    private static void publish(OppTransactionReported report) {
        harness.publish(Topics.OPP_TRANSACTIONS, TransactionReports.key(report), report);
    }

    private static ReportedOperationStore.Row awaitRow(
            String gatewayTransactionId, java.util.function.Predicate<ReportedOperationStore.Row> until) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> reported.find(MERCHANT, gatewayTransactionId).filter(until), Optional::isPresent)
                .orElseThrow();
    }

    private static double count(String type, String result) {
        Counter counter = harness.service
                .getBean(MeterRegistry.class)
                .find("s2spay.backoffice.reported-operations")
                .tags("type", type, "result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}

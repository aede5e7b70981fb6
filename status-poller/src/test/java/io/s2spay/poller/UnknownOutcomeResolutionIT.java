package io.s2spay.poller;

import static io.s2spay.poller.PaymentEvents.envelope;
import static io.s2spay.poller.PaymentEvents.newPaymentId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppPaymentRequest;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.gateway.CardData;
import io.s2spay.poller.tracking.TrackedPayment;
import io.s2spay.poller.tracking.TrackingStatus;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentExpired;
import io.s2spay.schema.event.PaymentFailed;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule 2 ("no double charge") end to end on real infrastructure and the OPP sandbox: the poller finds the real
 * outcome of payments whose answer was lost or is pending, through the gateway's query endpoint, publishes it once,
 * and never sends a payment itself.
 */
class UnknownOutcomeResolutionIT {

    private static final String MERCHANT = PaymentEvents.MERCHANT;
    private static final CardData VISA = new CardData("4200000000000000", "Jane Doe", 12, 2030, "123");
    private static final CardData UNCERTAIN_ACQUIRER = new CardData("4000000000000309", "Jane Doe", 12, 2030, "123");
    private static final CardData THREE_DS = new CardData("4711100000000000", "Jane Doe", 12, 2030, "123");

    private static PollerHarness harness;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("s2spay.poller.janitor-interval", "200ms");
        properties.put("s2spay.poller.unknown-first-check", "200ms");
        properties.put("s2spay.poller.unknown-max-interval", "1s");
        properties.put("s2spay.poller.not-received-grace", "3s");
        properties.put("s2spay.poller.redirect-first-check", "200ms");
        properties.put("s2spay.poller.redirect-interval", "500ms");
        properties.put("s2spay.poller.redirect-expiry", "10s");
        harness = new PollerHarness(
                Map.of("sandbox.rules.late-acquirer-answer", "2s", "sandbox.async.session-timeout", "1h"), properties);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aLostResponseIsResolvedToTheChargeThatHappenedWithExactlyOneCharge() {
        String paymentId = newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();
        // 999.01 EUR: the sandbox charges, then drops the response (as the executor would experience it)
        OppTransaction lost = harness.gateway.submitPayment(MERCHANT, debit(99901, mtid, VISA));
        assertThat(lost.outcome()).isEqualTo(OppOutcome.UNKNOWN);

        publish(envelope(paymentId, PaymentEvents.outcomeUnknown(PaymentType.DB, 99901, mtid)));

        PaymentDebited debited = awaitEvent(paymentId, PaymentDebited.class);
        assertThat(debited.getMerchantTransactionId()).isEqualTo(mtid);
        assertThat(debited.getAmount().getAmountMinor()).isEqualTo(99901);
        assertThat(debited.getGatewayResult().getCode()).isEqualTo("000.100.110");
        assertThat(debited.getGatewayResult().getGatewayTransactionId()).isNotBlank();
        assertThat(awaitTracked(paymentId, TrackingStatus.CLOSED).checksMade()).isEqualTo(1);
        assertThat(harness.sandbox.charges(mtid, "DB")).isEqualTo(1);
        PaymentEventEnvelope envelope = harness.events.of(paymentId).getLast();
        assertThat(envelope.getCorrelationId()).isEqualTo("corr-" + paymentId);
        assertThat(envelope.getCausationId()).isNotBlank();
    }

    @Test
    void anUncertainAcquirerAnswerIsFollowedUntilTheGatewayKnows() {
        String paymentId = newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();
        OppTransaction uncertain = harness.gateway.submitPayment(MERCHANT, debit(1500, mtid, UNCERTAIN_ACQUIRER));
        assertThat(uncertain.resultCode()).isEqualTo("900.100.300");

        publish(envelope(paymentId, PaymentEvents.outcomeUnknown(PaymentType.DB, 1500, mtid)));

        // the first checks still see 900.100.300; the acquirer's late answer approves it after 2 s
        PaymentDebited debited = awaitEvent(paymentId, PaymentDebited.class);
        assertThat(debited.getGatewayResult().getCode()).isEqualTo("000.600.000");
        assertThat(harness.tracked.find(paymentId).orElseThrow().status()).isEqualTo(TrackingStatus.CLOSED);
        assertThat(harness.sandbox.charges(mtid, "DB")).isEqualTo(1);
        assertThat(harness.events.of(paymentId, PaymentDebited.class)).hasSize(1);
    }

    @Test
    void aPaymentTheGatewayNeverReceivedFailsOnlyAfterTheGracePeriodAndIsNeverSent() {
        String paymentId = newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();

        PaymentEventEnvelope unknown = envelope(paymentId, PaymentEvents.outcomeUnknown(PaymentType.DB, 2500, mtid));
        publish(unknown);

        PaymentFailed failed = awaitEvent(paymentId, PaymentFailed.class);
        assertThat(failed.getReason()).contains("never reached the gateway", "nothing was charged");
        // a delayed request could still have reached the gateway during the grace period: not concluded before
        assertThat(harness.events.of(paymentId).getLast().getOccurredAt())
                .isAfterOrEqualTo(unknown.getOccurredAt().plusSeconds(3));
        assertThat(harness.tracked.find(paymentId).orElseThrow().status()).isEqualTo(TrackingStatus.CLOSED);
        assertThat(harness.sandbox.charges(mtid, "DB")).isZero();
    }

    @Test
    void aCompletedThreeDSecureChallengeIsPublishedAsTheDebit() {
        String paymentId = newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();
        OppTransaction pending = harness.gateway.submitPayment(MERCHANT, threeDsDebit(4200, mtid));
        assertThat(pending.requiresRedirect()).isTrue();
        publish(envelope(
                paymentId, PaymentEvents.redirectRequired(PaymentType.DB, 4200, mtid, pending.gatewayTransactionId())));
        awaitTracked(paymentId, TrackingStatus.REDIRECT_PENDING);

        assertThat(harness.sandbox.completeChallenge(pending.redirect().parameter("threeDSSessionData"), "approve"))
                .isEqualTo(302);

        PaymentDebited debited = awaitEvent(paymentId, PaymentDebited.class);
        assertThat(debited.getGatewayResult().getGatewayTransactionId()).isEqualTo(pending.gatewayTransactionId());
        assertThat(debited.getCard().getLast4Digits()).isEqualTo("0000");
        assertThat(harness.sandbox.charges(mtid, "DB")).isEqualTo(1);
    }

    @Test
    void aChallengeTheShopperAbandonedIsExpiredWithTheGatewaysTimeoutCode() {
        String paymentId = newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();
        OppTransaction pending = harness.gateway.submitPayment(MERCHANT, threeDsDebit(4300, mtid));
        publish(envelope(
                paymentId, PaymentEvents.redirectRequired(PaymentType.DB, 4300, mtid, pending.gatewayTransactionId())));
        awaitTracked(paymentId, TrackingStatus.REDIRECT_PENDING);

        assertThat(harness.sandbox.abandon(pending.gatewayTransactionId())).isEqualTo(200);

        PaymentExpired expired = awaitEvent(paymentId, PaymentExpired.class);
        assertThat(expired.getGatewayResult().getCode()).isEqualTo("100.380.501");
        assertThat(harness.sandbox.charges(mtid, "DB")).isZero();
    }

    @Test
    void aRedirectStillPendingAfterTheConfiguredTimeIsExpired() {
        String paymentId = newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();
        OppTransaction pending = harness.gateway.submitPayment(MERCHANT, threeDsDebit(4400, mtid));
        publish(envelope(
                paymentId, PaymentEvents.redirectRequired(PaymentType.DB, 4400, mtid, pending.gatewayTransactionId())));

        PaymentExpired expired = await().atMost(Duration.ofSeconds(40))
                .until(() -> harness.events.of(paymentId, PaymentExpired.class), list -> !list.isEmpty())
                .getFirst();

        assertThat(expired.getGatewayResult().getCode()).isEqualTo("000.200.000");
        TrackedPayment closed = harness.tracked.find(paymentId).orElseThrow();
        assertThat(closed.checksMade()).isGreaterThan(1); // checked while pending, within the interval
    }

    private static OppPaymentRequest debit(long amountMinor, String mtid, CardData card) {
        return new OppPaymentRequest(
                OppPaymentType.DB, amountMinor, "EUR", "VISA", mtid, card, false, null, null, null, null);
    }

    private static OppPaymentRequest threeDsDebit(long amountMinor, String mtid) {
        return new OppPaymentRequest(
                OppPaymentType.DB,
                amountMinor,
                "EUR",
                "VISA",
                mtid,
                THREE_DS,
                false,
                null,
                "https://shop.example/return",
                null,
                null);
    }

    private static void publish(PaymentEventEnvelope event) {
        harness.kafka.send(Topics.PAYMENT_EVENTS, event.getPaymentId(), event).join();
    }

    private static <T> T awaitEvent(String paymentId, Class<T> type) {
        List<T> found = await().atMost(Duration.ofSeconds(30))
                .until(() -> harness.events.of(paymentId, type), list -> !list.isEmpty());
        return found.getFirst();
    }

    private static TrackedPayment awaitTracked(String paymentId, TrackingStatus status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> harness.tracked.find(paymentId).filter(p -> p.status() == status), Optional::isPresent)
                .orElseThrow();
    }
}

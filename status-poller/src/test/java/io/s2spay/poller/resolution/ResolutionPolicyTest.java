package io.s2spay.poller.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.connector.opp.OppGateway;
import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppRedirect;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.connector.opp.ResultCategory;
import io.s2spay.poller.PollerProperties;
import io.s2spay.poller.tracking.TrackedPayment;
import io.s2spay.poller.tracking.TrackingStatus;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentExpired;
import io.s2spay.schema.event.PaymentFailed;
import io.s2spay.schema.event.PaymentRedirectRequired;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionPolicyTest {

    private static final Instant SINCE = Instant.parse("2026-01-01T10:00:00Z");
    private static final PollerProperties PROPERTIES = new PollerProperties(
            Duration.ofSeconds(1),
            50,
            8,
            Duration.ofMinutes(1),
            Duration.ofSeconds(2),
            Duration.ofMinutes(5),
            Duration.ofMinutes(2),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofMinutes(30),
            Duration.ofDays(14),
            Duration.ofMinutes(15),
            Duration.ofDays(7));

    private final ResolutionPolicy policy = new ResolutionPolicy(PROPERTIES);

    @Test
    void anUnknownDebitTheGatewayApprovedBecomesPaymentDebited() {
        Decision decision = decide(
                unknown("DB", 0),
                answer(OppOutcome.SUCCEEDED, ResultCategory.SUCCESSFUL, "000.100.110"),
                SINCE.plusSeconds(3));

        assertThat(decision)
                .isInstanceOfSatisfying(
                        Decision.Settle.class,
                        settle -> assertThat(settle.payload()).isInstanceOfSatisfying(PaymentDebited.class, debited -> {
                            assertThat(debited.getAmount().getAmountMinor()).isEqualTo(9200);
                            assertThat(debited.getMerchantTransactionId()).isEqualTo("mtid-1");
                            assertThat(debited.getGatewayResult().getGatewayTransactionId())
                                    .isEqualTo("gw-1");
                        }));
    }

    @Test
    void aRedirectPendingPreauthorizationTheShopperCompletedBecomesPaymentAuthorized() {
        Decision decision = decide(
                redirectPending("PA"),
                answer(OppOutcome.SUCCEEDED, ResultCategory.SUCCESSFUL, "000.100.110"),
                SINCE.plusSeconds(60));

        assertThat(decision)
                .isInstanceOfSatisfying(
                        Decision.Settle.class,
                        settle -> assertThat(settle.payload()).isInstanceOf(PaymentAuthorized.class));
    }

    @Test
    void aGatewayDeclineIsFinal() {
        Decision decision = decide(
                redirectPending("DB"),
                answer(OppOutcome.DECLINED, ResultCategory.REJECTED_3DS_AND_INTERCARD_RISK, "000.400.101"),
                SINCE.plusSeconds(60));

        assertThat(decision)
                .isInstanceOfSatisfying(
                        Decision.Settle.class,
                        settle -> assertThat(settle.payload()).isInstanceOf(PaymentDeclined.class));
    }

    @Test
    void anAbandonedRedirectTheGatewayTimedOutIsExpiredNotDeclined() {
        Decision decision = decide(
                redirectPending("DB"),
                answer(OppOutcome.DECLINED, ResultCategory.ASYNC_WORKFLOW_ERROR, "100.396.103"),
                SINCE.plusSeconds(60));

        assertThat(decision)
                .isInstanceOfSatisfying(
                        Decision.Settle.class,
                        settle -> assertThat(settle.payload())
                                .isInstanceOfSatisfying(
                                        PaymentExpired.class,
                                        expired -> assertThat(expired.getGatewayResult()
                                                        .getCode())
                                                .isEqualTo("100.396.103")));
    }

    @Test
    void anUnreachableGatewayOnlyLeadsToAnotherCheckWithBackoff() {
        OppTransaction noAnswer = new OppTransaction(
                OppOutcome.UNKNOWN,
                ResultCategory.NO_RESPONSE,
                null,
                null,
                null,
                null,
                null,
                null,
                "mtid-1",
                null,
                null,
                null,
                null,
                "timeout");
        Instant now = SINCE.plusSeconds(100);

        Decision first = decide(unknown("DB", 0), noAnswer, now);
        Decision fourth = decide(unknown("DB", 3), noAnswer, now);
        Decision late = decide(unknown("DB", 30), noAnswer, now);

        assertThat(first).isInstanceOfSatisfying(Decision.CheckAgain.class, again -> {
            assertThat(again.status()).isEqualTo(TrackingStatus.UNKNOWN);
            assertThat(again.nextCheckAt()).isEqualTo(now.plusSeconds(2));
            assertThat(again.payload()).isNull();
        });
        assertThat(fourth)
                .isInstanceOfSatisfying(
                        Decision.CheckAgain.class,
                        again -> assertThat(again.nextCheckAt()).isEqualTo(now.plusSeconds(16)));
        assertThat(late)
                .isInstanceOfSatisfying(
                        Decision.CheckAgain.class,
                        again -> assertThat(again.nextCheckAt()).isEqualTo(now.plus(Duration.ofMinutes(5))));
    }

    @Test
    void anUnreachableGatewayNeverExpiresARedirectItCannotSee() {
        OppTransaction noAnswer = new OppTransaction(
                OppOutcome.UNKNOWN,
                ResultCategory.GATEWAY_HTTP_ERROR,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "HTTP 503");

        Decision decision = decide(redirectPending("DB"), noAnswer, SINCE.plus(Duration.ofHours(5)));

        assertThat(decision).isInstanceOf(Decision.CheckAgain.class);
    }

    @Test
    void notReceivedIsDistrustedDuringTheGracePeriodThenAFailureSayingNothingWasCharged() {
        OppTransaction notFound = new OppTransaction(
                OppOutcome.FAILED,
                ResultCategory.NOT_RECEIVED,
                null,
                null,
                "700.400.580",
                "transaction not found",
                null,
                null,
                "mtid-1",
                null,
                null,
                null,
                null,
                "the gateway holds no transaction with merchantTransactionId mtid-1");

        Decision early = decide(unknown("DB", 0), notFound, SINCE.plusSeconds(30));
        Decision afterGrace = decide(unknown("DB", 4), notFound, SINCE.plus(Duration.ofMinutes(2)));

        assertThat(early).isInstanceOf(Decision.CheckAgain.class);
        assertThat(afterGrace)
                .isInstanceOfSatisfying(
                        Decision.Settle.class,
                        settle -> assertThat(settle.payload())
                                .isInstanceOfSatisfying(
                                        PaymentFailed.class,
                                        failed -> assertThat(failed.getReason()).contains("nothing was charged")));
    }

    @Test
    void aStillPendingRedirectIsCheckedAgainThenExpiresAfterTheConfiguredTime() {
        OppTransaction pending = answer(OppOutcome.PENDING, ResultCategory.PENDING, "000.200.000");

        Decision soon = decide(redirectPending("DB"), pending, SINCE.plus(Duration.ofMinutes(10)));
        Decision expired = decide(redirectPending("DB"), pending, SINCE.plus(Duration.ofMinutes(30)));

        assertThat(soon)
                .isInstanceOfSatisfying(
                        Decision.CheckAgain.class,
                        again -> assertThat(again.nextCheckAt())
                                .isEqualTo(SINCE.plus(Duration.ofMinutes(10)).plusSeconds(30)));
        assertThat(expired)
                .isInstanceOfSatisfying(
                        Decision.Settle.class,
                        settle -> assertThat(settle.payload())
                                .isInstanceOfSatisfying(
                                        PaymentExpired.class,
                                        e -> assertThat(e.getGatewayResult().getCode())
                                                .isEqualTo("000.200.000")));
    }

    @Test
    void aPaymentAwaitingTheBanksReceiptIsNotExpiredLikeARedirect() {
        OppTransaction awaitingReceipt = answer(OppOutcome.PENDING, ResultCategory.PENDING_LONG_TERM, "800.400.500");

        Decision decision = decide(redirectPending("PA"), awaitingReceipt, SINCE.plus(Duration.ofHours(3)));

        assertThat(decision).isInstanceOf(Decision.CheckAgain.class);
    }

    @Test
    void aTransferApprovedAtTheBankIsAnnouncedOnceThenCheckedSeldomUntilItsReceipt() {
        OppTransaction awaitingReceipt = answer(OppOutcome.PENDING, ResultCategory.PENDING_LONG_TERM, "800.400.500");
        Instant now = SINCE.plusSeconds(40);

        Decision first = decide(redirectPending("DB"), awaitingReceipt, now);
        Decision later = decide(awaitingReceipt(), awaitingReceipt, now.plus(Duration.ofHours(1)));
        Decision received = decide(
                awaitingReceipt(),
                answer(OppOutcome.SUCCEEDED, ResultCategory.SUCCESSFUL, "000.600.000"),
                now.plus(Duration.ofHours(2)));
        Decision refused = decide(
                awaitingReceipt(),
                answer(OppOutcome.DECLINED, ResultCategory.ASYNC_WORKFLOW_ERROR, "100.397.102"),
                now.plus(Duration.ofHours(2)));

        assertThat(first).isInstanceOfSatisfying(Decision.CheckAgain.class, again -> {
            assertThat(again.status()).isEqualTo(TrackingStatus.AWAITING_RECEIPT);
            assertThat(again.payload()).isInstanceOfSatisfying(PaymentAwaitingReceipt.class, e -> {
                assertThat(e.getGatewayResult().getCode()).isEqualTo("800.400.500");
                assertThat(e.getAmount().getAmountMinor()).isEqualTo(9200);
            });
            assertThat(again.nextCheckAt()).isEqualTo(now.plus(Duration.ofMinutes(15)));
        });
        assertThat(later).isInstanceOfSatisfying(Decision.CheckAgain.class, again -> {
            assertThat(again.status()).isEqualTo(TrackingStatus.AWAITING_RECEIPT);
            assertThat(again.payload()).as("said once").isNull();
        });
        assertThat(received)
                .isInstanceOfSatisfying(
                        Decision.Settle.class,
                        settle -> assertThat(settle.payload()).isInstanceOf(PaymentDebited.class));
        assertThat(refused)
                .isInstanceOfSatisfying(
                        Decision.Settle.class,
                        settle -> assertThat(settle.payload()).isInstanceOf(PaymentDeclined.class));
    }

    @Test
    void aTransferAwaitingItsReceiptExpiresOnlyAfterTheLongTermBoundEvenIfTheGatewayIsUnreachable() {
        OppTransaction awaiting = answer(OppOutcome.PENDING, ResultCategory.PENDING_LONG_TERM, "800.400.500");
        OppTransaction noAnswer = new OppTransaction(
                OppOutcome.UNKNOWN,
                ResultCategory.NO_RESPONSE,
                null,
                null,
                null,
                null,
                null,
                null,
                "mtid-1",
                null,
                null,
                null,
                null,
                "timeout");

        assertThat(decide(awaitingReceipt(), awaiting, SINCE.plus(Duration.ofDays(13))))
                .isInstanceOf(Decision.CheckAgain.class);
        assertThat(decide(awaitingReceipt(), noAnswer, SINCE.plus(Duration.ofDays(13))))
                .isInstanceOfSatisfying(
                        Decision.CheckAgain.class,
                        again -> assertThat(again.nextCheckAt())
                                .isEqualTo(SINCE.plus(Duration.ofDays(13)).plus(Duration.ofMinutes(15))));
        assertThat(decide(awaitingReceipt(), awaiting, SINCE.plus(Duration.ofDays(14))))
                .isInstanceOfSatisfying(
                        Decision.Settle.class,
                        settle -> assertThat(settle.payload()).isInstanceOf(PaymentExpired.class));
    }

    @Test
    void aRedirectFoundForALostAnswerIsPublishedSoTheShopperCanFollowIt() {
        OppTransaction pending = new OppTransaction(
                OppOutcome.PENDING,
                ResultCategory.PENDING,
                "gw-1",
                "DB",
                "000.200.000",
                "transaction pending",
                9200L,
                "EUR",
                "mtid-1",
                null,
                new OppRedirect("http://acs/challenge", "POST", List.of()),
                null,
                SINCE,
                null);

        Decision decision = decide(unknown("DB", 0), pending, SINCE.plusSeconds(5));

        assertThat(decision).isInstanceOfSatisfying(Decision.CheckAgain.class, again -> {
            assertThat(again.status()).isEqualTo(TrackingStatus.REDIRECT_PENDING);
            assertThat(again.gatewayTransactionId()).isEqualTo("gw-1");
            assertThat(again.payload()).isInstanceOf(PaymentRedirectRequired.class);
        });
    }

    private static TrackedPayment unknown(String type, int checksMade) {
        return new TrackedPayment(
                "pay_1",
                "merchant-demo",
                null,
                "mtid-1",
                null,
                type,
                9200,
                "EUR",
                TrackingStatus.UNKNOWN,
                "corr-1",
                "msg-1",
                SINCE,
                SINCE,
                checksMade,
                null,
                null);
    }

    private static TrackedPayment awaitingReceipt() {
        return new TrackedPayment(
                "pay_1",
                "merchant-demo",
                null,
                "mtid-1",
                "gw-1",
                "DB",
                9200,
                "EUR",
                TrackingStatus.AWAITING_RECEIPT,
                "corr-1",
                "msg-1",
                SINCE,
                SINCE,
                3,
                null,
                null);
    }

    private static TrackedPayment redirectPending(String type) {
        return new TrackedPayment(
                "pay_1",
                "merchant-demo",
                null,
                "mtid-1",
                "gw-1",
                type,
                9200,
                "EUR",
                TrackingStatus.REDIRECT_PENDING,
                "corr-1",
                "msg-1",
                SINCE,
                SINCE,
                0,
                null,
                null);
    }

    /** The policy's decision on an OPP answer as the gateway port hands it over. */
    private Decision decide(TrackedPayment payment, OppTransaction answer, Instant now) {
        return policy.decide(payment, OppGateway.answerOf(answer), now);
    }

    private static OppTransaction answer(OppOutcome outcome, ResultCategory category, String code) {
        return new OppTransaction(
                outcome,
                category,
                "gw-1",
                "DB",
                code,
                "description",
                9200L,
                "EUR",
                "mtid-1",
                null,
                null,
                null,
                SINCE,
                null);
    }
}

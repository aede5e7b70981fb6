package io.s2spay.connector.opp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InvalidNotificationException;
import io.s2spay.gateway.NotificationMessage;
import io.s2spay.gateway.ResultClassification;
import io.s2spay.gateway.UnknownGatewayAccountException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OPP behind the gateway port: what each OPP answer becomes in s2spay's words. */
class OppGatewayTest {

    private static final OppProperties PROPERTIES = OppProperties.of(
                    "http://127.0.0.1:9/",
                    Map.of("m1", new OppProperties.Account("entity-1", "token-1", null)),
                    OppNotificationDecoderTest.SECRET)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .withResolution(new ResolutionSettings(4, Duration.ofMillis(250), 2.0, 1));

    private final OppGatewayClient client = new OppGatewayClient(PROPERTIES);
    private final OppGateway gateway = new OppGateway(client, new OppNotificationDecoders(PROPERTIES));

    @AfterEach
    void close() {
        client.close();
    }

    private static OppTransaction answer(OppOutcome outcome, ResultCategory category, String id, String code) {
        return new OppTransaction(
                outcome,
                category,
                id,
                "DB",
                code,
                code == null ? null : "description of " + code,
                9_200L,
                "EUR",
                "order-1",
                new OppCardSummary("420000", "0000", "Jane", 12, 2030, "VISA"),
                null,
                "reg-1",
                Instant.parse("2026-12-07T10:00:00Z"),
                null,
                "VISA",
                "ref-1",
                "initial-1");
    }

    @Test
    void statesThatOppDoesEveryTransactionAndBrandAndStoresCards() {
        assertThat(gateway.capabilities().transactions()).containsExactlyInAnyOrder(TransactionType.values());
        assertThat(gateway.capabilities().brands()).contains("VISA", "MASTER", "AMEX", "SOFORTUEBERWEISUNG", "GIROPAY");
        assertThat(gateway.capabilities().storedCards()).isTrue();
        assertThat(gateway.capabilities().threeDSecure()).isTrue();
    }

    @Test
    void saysOnWhatEvidenceEachKindOfAnswerRests() {
        for (ResultCategory category : ResultCategory.values()) {
            Evidence evidence = OppGateway.answerOf(answer(category.outcome(), category, null, null))
                    .evidence();
            Evidence expected = switch (category) {
                case NOT_SENT -> Evidence.NOT_SENT;
                case NOT_RECEIVED -> Evidence.NOT_RECEIVED;
                case NO_RESPONSE, GATEWAY_HTTP_ERROR, UNREADABLE_RESPONSE, RATE_LIMITED -> Evidence.NO_ANSWER;
                default -> Evidence.ANSWER;
            };
            assertThat(evidence).as(category.name()).isEqualTo(expected);
            assertThat(evidence.neverReachedGateway()).as(category.name()).isEqualTo(category.neverReachedGateway());
        }
    }

    @Test
    void keepsEveryPartOfTheAnswer() {
        GatewayTransaction t =
                OppGateway.answerOf(answer(OppOutcome.SUCCEEDED, ResultCategory.SUCCESSFUL, "gw-1", "000.100.110"));

        assertThat(t.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(t.category()).isEqualTo("SUCCESSFUL");
        assertThat(t.type()).isEqualTo(TransactionType.DB);
        assertThat(t.gatewayTransactionId()).isEqualTo("gw-1");
        assertThat(t.summary()).isEqualTo("000.100.110 description of 000.100.110");
        assertThat(t.amountMinor()).isEqualTo(9_200L);
        assertThat(t.currency()).isEqualTo("EUR");
        assertThat(t.card().last4Digits()).isEqualTo("0000");
        assertThat(t.storedCardId()).isEqualTo("reg-1");
        assertThat(t.paymentBrand()).isEqualTo("VISA");
        assertThat(t.referencedId()).isEqualTo("ref-1");
        assertThat(t.initialTransactionId()).isEqualTo("initial-1");
        assertThat(t.timestamp()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void tellsALongTermPendingTransferAndAnExpiredRedirectSessionApart() {
        GatewayTransaction receipt = OppGateway.answerOf(
                answer(OppOutcome.PENDING, ResultCategory.PENDING_LONG_TERM, "gw-1", "800.400.500"));
        GatewayTransaction session =
                OppGateway.answerOf(answer(OppOutcome.PENDING, ResultCategory.PENDING, "gw-1", "000.200.000"));
        GatewayTransaction expired = OppGateway.answerOf(
                answer(OppOutcome.DECLINED, ResultCategory.ASYNC_WORKFLOW_ERROR, "gw-1", "100.396.103"));
        GatewayTransaction cancelled = OppGateway.answerOf(
                answer(OppOutcome.DECLINED, ResultCategory.ASYNC_WORKFLOW_ERROR, "gw-1", "100.396.101"));

        assertThat(receipt.awaitingReceipt()).isTrue();
        assertThat(session.awaitingReceipt()).isFalse();
        assertThat(expired.sessionExpired()).isTrue();
        assertThat(cancelled.sessionExpired()).isFalse();
    }

    @Test
    void aLookUpOfAnIdTheGatewayDoesNotHoldIsNotReceived() {
        GatewayTransaction notFound = OppAnswers.lookedUp(answer(
                OppOutcome.FAILED, ResultCategory.INVALID_REFERENCE, null, OppResultCodes.TRANSACTION_NOT_FOUND));
        GatewayTransaction refused =
                OppAnswers.lookedUp(answer(OppOutcome.FAILED, ResultCategory.INVALID_FORMAT, null, "200.300.404"));

        assertThat(notFound.evidence()).isEqualTo(Evidence.NOT_RECEIVED);
        assertThat(notFound.outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(refused.evidence()).isEqualTo(Evidence.ANSWER);
    }

    @Test
    void deletingAStoredCardDeletedBeforeIsWhatWasAskedAndAnUnknownOneIsNotReceived() {
        GatewayTransaction before = OppAnswers.deletion(
                answer(OppOutcome.FAILED, ResultCategory.INVALID_REGISTRATION, null, "100.150.202"));
        GatewayTransaction unknown = OppAnswers.deletion(
                answer(OppOutcome.FAILED, ResultCategory.INVALID_REGISTRATION, null, "100.150.200"));
        GatewayTransaction refused = OppAnswers.deletion(
                answer(OppOutcome.FAILED, ResultCategory.INVALID_REGISTRATION, null, "100.150.203"));

        assertThat(before.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(before.resultCode()).isEqualTo("100.150.202");
        assertThat(unknown.evidence()).isEqualTo(Evidence.NOT_RECEIVED);
        assertThat(refused.outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(refused.evidence()).isEqualTo(Evidence.ANSWER);
    }

    @Test
    void classifiesAResultCodeAsTheConnectorDoes() {
        assertThat(gateway.classify("000.100.220"))
                .isEqualTo(new ResultClassification(GatewayOutcome.SUCCEEDED, "CHARGEBACK", false));
        assertThat(gateway.classify("800.400.500"))
                .isEqualTo(new ResultClassification(GatewayOutcome.PENDING, "PENDING_LONG_TERM", true));
        assertThat(gateway.classify("900.100.300").outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
    }

    @Test
    void knowsItsAccountsAndItsDeadlines() {
        assertThat(gateway.name()).isEqualTo("opp");
        assertThat(gateway.hasAccount("m1")).isTrue();
        assertThat(gateway.hasAccount("stranger")).isFalse();
        assertThat(gateway.hasAccount(null)).isFalse();
        assertThat(gateway.deadlines().longestSubmission()).isEqualTo(client.longestSubmission());
        assertThat(gateway.deadlines().longestResolution()).isEqualTo(client.longestResolution());
        assertThat(gateway.deadlines().longestLookUp()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void refusesAStrangerAsAnUnknownGatewayAccountBeforeSendingAnything() {
        assertThatThrownBy(() -> gateway.lookUp("stranger", "gw-1")).isInstanceOf(UnknownGatewayAccountException.class);
        assertThatThrownBy(() -> gateway.decodeNotification("stranger", new NotificationMessage("00", Map.of())))
                .isInstanceOf(UnknownGatewayAccountException.class);
        assertThat(client.circuitBreaker().getMetrics().getNumberOfBufferedCalls())
                .isZero();
    }

    @Test
    void decodesAnAuthenticWebhookAndRefusesAnAlteredOne() {
        var sealed = OppNotificationDecoderTest.seal(
                OppNotificationDecoderTest.SECRET, OppNotificationDecoderTest.PAYMENT_NOTIFICATION);

        GatewayNotification notification = gateway.decodeNotification(
                "m1",
                new NotificationMessage(
                        sealed.body(),
                        Map.of("x-initialization-vector", sealed.iv(), "X-Authentication-Tag", sealed.tag())));

        assertThat(notification.isPayment()).isTrue();
        assertThat(notification.transaction().gatewayTransactionId()).isEqualTo("8ac7a4a17b0c3e29017b0c4f1a2b3c4d");
        assertThat(notification.transaction().outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(notification.transaction().type()).isEqualTo(TransactionType.DB);
        String altered =
                (sealed.body().charAt(0) == '0' ? "1" : "0") + sealed.body().substring(1);
        assertThatThrownBy(() -> gateway.decodeNotification(
                        "m1",
                        new NotificationMessage(
                                altered,
                                Map.of("X-Initialization-Vector", sealed.iv(), "X-Authentication-Tag", sealed.tag()))))
                .isInstanceOfSatisfying(
                        InvalidNotificationException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(InvalidNotificationException.Reason.AUTHENTICATION_FAILED));
        var risk = OppNotificationDecoderTest.seal(
                OppNotificationDecoderTest.SECRET, "{\"type\":\"RISK\",\"payload\":{}}");
        assertThat(gateway.decodeNotification(
                                "m1",
                                new NotificationMessage(
                                        risk.body(),
                                        Map.of(
                                                "X-Initialization-Vector",
                                                risk.iv(),
                                                "X-Authentication-Tag",
                                                risk.tag())))
                        .subject())
                .isEqualTo(GatewayNotification.Subject.OTHER);
    }
}

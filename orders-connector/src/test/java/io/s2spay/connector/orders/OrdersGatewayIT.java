package io.s2spay.connector.orders;

import static io.s2spay.connector.orders.OrdersSandbox.ACCOUNT;
import static io.s2spay.connector.orders.OrdersSandbox.debit;
import static io.s2spay.connector.orders.OrdersSandbox.mit;
import static io.s2spay.connector.orders.OrdersSandbox.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.gateway.UnknownGatewayAccountException;
import io.s2spay.sandbox.GatewaySandbox;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every flow of the orders connector through the port against the real sandbox over HTTP: card payments and
 * declines, 3-D Secure challenges driven on the sandbox's page, a stored card charged three times
 * merchant-initiated, partial refunds, look-ups, stored-card deletion and what the capabilities refuse.
 */
class OrdersGatewayIT {

    private static OrdersSandbox sandbox;
    private static OrdersGateway gateway;

    @BeforeAll
    static void start() {
        sandbox = OrdersSandbox.shared();
        gateway = sandbox.gateway();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void chargesACardOnceAndFindsItByReferenceAndById() {
        String reference = reference();

        GatewayTransaction paid =
                gateway.submitInitial(ACCOUNT, debit(reference, 4500, "SEK", "4200000000000000", false));

        assertThat(paid.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(paid.evidence()).isEqualTo(Evidence.ANSWER);
        assertThat(paid.type()).isEqualTo(TransactionType.DB);
        assertThat(paid.resultCode()).isEqualTo("COMPLETED");
        assertThat(paid.amountMinor()).isEqualTo(4500);
        assertThat(paid.currency()).isEqualTo("SEK");
        assertThat(paid.merchantTransactionId()).isEqualTo(reference);
        assertThat(paid.card().bin()).isEqualTo("420000");
        assertThat(paid.card().last4Digits()).isEqualTo("0000");
        assertThat(paid.paymentBrand()).isEqualTo("VISA");
        assertThat(paid.storedCardId()).isNull();
        assertThat(paid.gatewayTransactionId()).isNotBlank();

        GatewayTransaction found = gateway.find(ACCOUNT, reference, TransactionType.DB);
        assertThat(found.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(found.gatewayTransactionId()).isEqualTo(paid.gatewayTransactionId());
        assertThat(gateway.resolve(ACCOUNT, reference, null).gatewayTransactionId())
                .isEqualTo(paid.gatewayTransactionId());
        GatewayTransaction lookedUp = gateway.lookUp(ACCOUNT, paid.gatewayTransactionId());
        assertThat(lookedUp.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(lookedUp.amountMinor()).isEqualTo(4500);
        assertThat(sandbox.ledger(reference).path("counts").path("payments").asInt())
                .isEqualTo(1);
    }

    @Test
    void neverLogsTheCardNumberOrItsSecurityCode() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(OrdersGateway.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            sandbox.failNext("POST", "/payments", "lost-response", 1);
            gateway.submitInitial(ACCOUNT, debit(reference(), 700, "SEK", "5454545454545454", true));
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list)
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("5454545454545454") || line.contains("\"123\""))
                .anyMatch(line -> line.contains("545454******5454"));
    }

    @Test
    void aRedeliveredPaymentIsTheSameChargeNotASecondOne() {
        String reference = reference();
        InitialPaymentRequest request = debit(reference, 1500, "EUR", "5454545454545454", false);
        GatewayTransaction first = gateway.submitInitial(ACCOUNT, request);

        GatewayTransaction again = gateway.submitInitial(ACCOUNT, request);

        assertThat(again.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(again.gatewayTransactionId()).isEqualTo(first.gatewayTransactionId());
        assertThat(sandbox.ledger(reference).path("counts").path("payments").asInt())
                .isEqualTo(1);
    }

    @Test
    void declinesAndTechnicalFailuresAreFinalAndApart() {
        GatewayTransaction declined =
                gateway.submitInitial(ACCOUNT, debit(reference(), 1000, "SEK", "4000000000009995", false));
        assertThat(declined.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(declined.resultCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(declined.category()).isEqualTo("DECLINED");
        assertThat(declined.resultDescription()).isNotBlank();

        GatewayTransaction technical =
                gateway.submitInitial(ACCOUNT, debit(reference(), 1000, "SEK", "4000000000000408", false));
        assertThat(technical.outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(technical.evidence()).isEqualTo(Evidence.ANSWER);
        assertThat(technical.resultCode()).isEqualTo("ACQUIRER_UNAVAILABLE");

        GatewayTransaction refusedCard =
                gateway.submitInitial(ACCOUNT, debit(reference(), 1000, "SEK", "4200000000000001", false));
        assertThat(refusedCard.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(refusedCard.category()).isEqualTo("CARD_REFUSED");
        assertThat(refusedCard.resultCode()).isEqualTo("INVALID_CARD_NUMBER");
        assertThat(refusedCard.safeToResend()).isFalse();
    }

    @Test
    void aThreeDSecurePaymentIsPendingUntilTheShopperApproves() {
        String reference = reference();
        GatewayTransaction pending =
                gateway.submitInitial(ACCOUNT, debit(reference, 2500, "SEK", "4711100000000000", true));

        assertThat(pending.outcome()).isEqualTo(GatewayOutcome.PENDING);
        assertThat(pending.requiresRedirect()).isTrue();
        assertThat(pending.redirect().method()).isEqualTo("GET");
        assertThat(pending.redirect().url()).startsWith(sandbox.apiUrl() + "3ds/pay_");
        assertThat(gateway.resolve(ACCOUNT, reference, TransactionType.DB).outcome())
                .isEqualTo(GatewayOutcome.PENDING);

        String back = sandbox.completeChallenge(pending.redirect().url(), "approve");
        assertThat(back)
                .isEqualTo(OrdersSandbox.SHOP + "?orderId=" + pending.gatewayTransactionId()
                        + "&status=PAYMENT_COMPLETED");

        GatewayTransaction resolved = gateway.resolve(ACCOUNT, reference, TransactionType.DB);
        assertThat(resolved.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(resolved.gatewayTransactionId()).isEqualTo(pending.gatewayTransactionId());
        assertThat(resolved.storedCardId()).startsWith("ctok_");
    }

    @Test
    void aFailedOrCancelledChallengeIsDeclined() {
        String failed = reference();
        GatewayTransaction first =
                gateway.submitInitial(ACCOUNT, debit(failed, 2500, "SEK", "5212345678901234", false));
        sandbox.completeChallenge(first.redirect().url(), "fail");
        GatewayTransaction afterFail = gateway.find(ACCOUNT, failed, TransactionType.DB);
        assertThat(afterFail.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(afterFail.resultCode()).isEqualTo("AUTHENTICATION_FAILED");

        String cancelled = reference();
        GatewayTransaction second =
                gateway.submitInitial(ACCOUNT, debit(cancelled, 2500, "SEK", "4711100000000000", false));
        sandbox.completeChallenge(second.redirect().url(), "cancel");
        GatewayTransaction afterCancel = gateway.lookUp(ACCOUNT, second.gatewayTransactionId());
        assertThat(afterCancel.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(afterCancel.resultCode()).isEqualTo("CANCELLED_BY_CUSTOMER");
        assertThat(afterCancel.sessionExpired()).isFalse();
    }

    @Test
    void anAbandonedChallengeIsDeclinedAsAnExpiredSession() {
        try (GatewaySandbox impatient = GatewaySandbox.start(
                        Map.of("sandbox.orders.session-timeout", "1s", "sandbox.orders.sweep-interval", "100ms"));
                OrdersGateway onIt = new OrdersSandbox(impatient).gateway()) {
            String reference = reference();
            onIt.submitInitial(ACCOUNT, debit(reference, 2500, "SEK", "4711100000000000", false));

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() ->
                            onIt.find(ACCOUNT, reference, TransactionType.DB).outcome() == GatewayOutcome.DECLINED);
            GatewayTransaction expired = onIt.find(ACCOUNT, reference, TransactionType.DB);
            assertThat(expired.sessionExpired()).isTrue();
            assertThat(expired.category()).isEqualTo("SESSION_EXPIRED");
        }
    }

    @Test
    void storesTheCardAndChargesItThreeTimesMerchantInitiated() {
        String initial = reference();
        GatewayTransaction first =
                gateway.submitInitial(ACCOUNT, debit(initial, 29900, "SEK", "4200000000000000", true));
        assertThat(first.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(first.storedCardId()).startsWith("ctok_");
        assertThat(first.initialTransactionId()).isEqualTo(first.gatewayTransactionId());
        int before = sandbox.ledger().path("counts").path("payments").asInt();

        for (int month = 1; month <= 3; month++) {
            String reference = reference();
            GatewayTransaction charged = gateway.submitInitial(
                    ACCOUNT, mit(reference, 29900, first.storedCardId(), first.initialTransactionId()));
            assertThat(charged.outcome()).as("charge %d", month).isEqualTo(GatewayOutcome.SUCCEEDED);
            assertThat(charged.storedCardId()).isEqualTo(first.storedCardId());
            assertThat(charged.gatewayTransactionId()).isNotEqualTo(first.gatewayTransactionId());
            assertThat(charged.card().last4Digits()).isEqualTo("0000");
            assertThat(sandbox.ledger(reference)
                            .path("payments")
                            .get(0)
                            .path("paymentMethod")
                            .asString())
                    .isEqualTo("CTOKEN");
        }
        assertThat(sandbox.ledger().path("counts").path("payments").asInt()).isGreaterThanOrEqualTo(before + 3);
    }

    @Test
    void aDeletedStoredCardIsRefusedAndDeletingTwiceHolds() {
        GatewayTransaction first =
                gateway.submitInitial(ACCOUNT, debit(reference(), 1000, "SEK", "5454545454545454", true));

        GatewayTransaction deleted = gateway.deleteStoredCard(ACCOUNT, first.storedCardId());
        assertThat(deleted.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(gateway.deleteStoredCard(ACCOUNT, first.storedCardId()).outcome())
                .isEqualTo(GatewayOutcome.SUCCEEDED);
        GatewayTransaction unknown = gateway.deleteStoredCard(ACCOUNT, "ctok_unknown");
        assertThat(unknown.evidence()).isEqualTo(Evidence.NOT_RECEIVED);
        assertThat(gateway.deleteStoredCard(OrdersSandbox.OTHER_ACCOUNT, first.storedCardId())
                        .evidence())
                .isEqualTo(Evidence.NOT_RECEIVED);

        GatewayTransaction refused = gateway.submitInitial(ACCOUNT, mit(reference(), 1000, first.storedCardId(), null));
        assertThat(refused.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(refused.resultCode()).isEqualTo("TOKEN_DELETED");
    }

    @Test
    void refundsPartiallyUpToThePaidAmountAndRefusesMore() {
        String reference = reference();
        GatewayTransaction paid =
                gateway.submitInitial(ACCOUNT, debit(reference, 10000, "EUR", "4200000000000000", false));
        String firstRefund = reference();

        GatewayTransaction first = gateway.submitFollowUp(
                ACCOUNT,
                new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 3000L, "EUR", firstRefund));
        assertThat(first.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(first.type()).isEqualTo(TransactionType.RF);
        assertThat(first.amountMinor()).isEqualTo(3000);
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.referencedId()).isEqualTo(paid.gatewayTransactionId());
        assertThat(first.gatewayTransactionId()).startsWith(paid.gatewayTransactionId() + "/rf_");

        GatewayTransaction again = gateway.submitFollowUp(
                ACCOUNT,
                new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 3000L, "EUR", firstRefund));
        assertThat(again.gatewayTransactionId()).isEqualTo(first.gatewayTransactionId());

        GatewayTransaction rest = gateway.submitFollowUp(
                ACCOUNT,
                new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 7000L, "EUR", reference()));
        assertThat(rest.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        GatewayTransaction over = gateway.submitFollowUp(
                ACCOUNT, new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 1L, "EUR", reference()));
        assertThat(over.outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(over.evidence()).isEqualTo(Evidence.ANSWER);
        assertThat(over.resultCode()).isEqualTo("REFUND_EXCEEDS_AVAILABLE");

        assertThat(gateway.lookUp(ACCOUNT, first.gatewayTransactionId()).amountMinor())
                .isEqualTo(3000);
        assertThat(gateway.find(ACCOUNT, firstRefund, TransactionType.RF).gatewayTransactionId())
                .isEqualTo(first.gatewayTransactionId());
        assertThat(gateway.lookUp(ACCOUNT, paid.gatewayTransactionId()).outcome())
                .isEqualTo(GatewayOutcome.SUCCEEDED);
        JsonNode ledger = sandbox.ledger(reference);
        assertThat(ledger.path("counts").path("refunds").asInt()).isEqualTo(2);
        assertThat(ledger.path("totals").path("978").path("net").asLong()).isZero();
    }

    @Test
    void whatTheGatewayNeverReceivedIsNotReceived() {
        assertThat(gateway.find(ACCOUNT, reference(), TransactionType.DB).evidence())
                .isEqualTo(Evidence.NOT_RECEIVED);
        assertThat(gateway.find(ACCOUNT, reference(), null).evidence()).isEqualTo(Evidence.NOT_RECEIVED);
        assertThat(gateway.resolve(ACCOUNT, reference(), TransactionType.RF).evidence())
                .isEqualTo(Evidence.NOT_RECEIVED);
        assertThat(gateway.find(ACCOUNT, reference(), TransactionType.PA).evidence())
                .isEqualTo(Evidence.NOT_RECEIVED);
        assertThat(gateway.lookUp(ACCOUNT, "00000000-0000-0000-0000-000000000000")
                        .evidence())
                .isEqualTo(Evidence.NOT_RECEIVED);
        GatewayTransaction paid =
                gateway.submitInitial(ACCOUNT, debit(reference(), 100, "SEK", "4200000000000000", false));
        assertThat(gateway.lookUp(ACCOUNT, paid.gatewayTransactionId() + "/rf_unknown")
                        .evidence())
                .isEqualTo(Evidence.NOT_RECEIVED);
        // another account's payment is none of this one's
        assertThat(gateway.lookUp(OrdersSandbox.OTHER_ACCOUNT, paid.gatewayTransactionId())
                        .evidence())
                .isEqualTo(Evidence.NOT_RECEIVED);
    }

    @Test
    void refusesWhatTheOrdersApiCannotDoBeforeSendingAnything() {
        int before = sandbox.ledger().path("counts").path("payments").asInt();
        InitialPaymentRequest preauthorization = new InitialPaymentRequest(
                TransactionType.PA,
                100,
                "SEK",
                "VISA",
                reference(),
                OrdersSandbox.card("4200000000000000"),
                null,
                false,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> gateway.submitInitial(ACCOUNT, preauthorization))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PA");
        InitialPaymentRequest bank = new InitialPaymentRequest(
                TransactionType.DB,
                100,
                "EUR",
                "SOFORTUEBERWEISUNG",
                reference(),
                null,
                null,
                false,
                null,
                OrdersSandbox.SHOP,
                null,
                null);
        assertThatThrownBy(() -> gateway.submitInitial(ACCOUNT, bank))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOFORTUEBERWEISUNG");
        assertThatThrownBy(
                        () -> gateway.submitInitial(ACCOUNT, debit(reference(), 100, "XAF", "4200000000000000", false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XAF");
        for (TransactionType type :
                new TransactionType[] {TransactionType.CP, TransactionType.RV, TransactionType.RB, TransactionType.CB
                }) {
            assertThatThrownBy(() -> gateway.submitFollowUp(
                            ACCOUNT,
                            new FollowUpRequest(
                                    type, "00000000-0000-0000-0000-000000000000", 100L, "SEK", reference())))
                    .as(type.name())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> gateway.lookUp(ACCOUNT, "not an id!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        gateway.submitInitial("nobody", debit(reference(), 100, "SEK", "4200000000000000", false)))
                .isInstanceOf(UnknownGatewayAccountException.class);
        assertThat(gateway.hasAccount(ACCOUNT)).isTrue();
        assertThat(gateway.hasAccount("nobody")).isFalse();
        assertThat(gateway.capabilities().supports(TransactionType.DB)).isTrue();
        assertThat(gateway.capabilities().supports(TransactionType.PA)).isFalse();
        assertThat(gateway.capabilities().storedCards()).isTrue();
        assertThat(sandbox.ledger().path("counts").path("payments").asInt()).isEqualTo(before);
    }
}

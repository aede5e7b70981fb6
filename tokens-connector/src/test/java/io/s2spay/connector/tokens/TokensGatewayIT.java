package io.s2spay.connector.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.gateway.UnknownGatewayAccountException;
import io.s2spay.sandbox.GatewaySandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connector against a real in-process sandbox over HTTP: card payments, 3-D Secure to the return URL, a saved
 * card charged three times off session, partial refunds, every fault resolved by reference without a second charge
 * (the sandbox's ledger counts), capabilities refused before sending.
 */
class TokensGatewayIT {

    static final String ACCOUNT = "tokens-a";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static GatewaySandbox sandbox;
    private static TokensGateway gateway;
    private static TokensGateway impatient;

    @BeforeAll
    static void start() {
        sandbox = GatewaySandbox.start(Map.of("sandbox.faults.timeout-hold", "3s"));
        TokensProperties properties = TokensSandbox.properties(sandbox);
        gateway =
                new TokensGateway(properties.withResolution(new ResolutionSettings(5, Duration.ofMillis(100), 2.0, 1)));
        impatient = new TokensGateway(properties
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .withResolution(new ResolutionSettings(3, Duration.ofMillis(200), 2.0, 1)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        impatient.close();
        sandbox.close();
    }

    static String reference() {
        return "s2s-" + UUID.randomUUID();
    }

    static InitialPaymentRequest debit(String number, long amount, String reference) {
        return new InitialPaymentRequest(
                TransactionType.DB,
                amount,
                "EUR",
                null,
                reference,
                new CardData(number, "Jane Jones", 12, 2034, "123"),
                null,
                false,
                null,
                "https://shop.example/return",
                null,
                "order");
    }

    static InitialPaymentRequest saving(String number, String reference) {
        InitialPaymentRequest r = debit(number, 4500, reference);
        return new InitialPaymentRequest(
                r.type(),
                r.amountMinor(),
                r.currency(),
                "VISA",
                reference,
                r.card(),
                null,
                true,
                null,
                r.shopperResultUrl(),
                null,
                null);
    }

    static InitialPaymentRequest onStoredCard(String storedCardId, long amount, String reference) {
        return new InitialPaymentRequest(
                TransactionType.DB, amount, "EUR", null, reference, null, storedCardId, false, null, null, null, null);
    }

    static int charged(String reference) throws Exception {
        JsonNode ledger = get(sandbox.baseUrl() + "sandbox/tokens/ledger?reference=" + reference);
        int count = 0;
        for (JsonNode account : ledger.path("accounts")) {
            count += account.path("payments").size();
        }
        return count;
    }

    static JsonNode get(String url) throws Exception {
        return JSON.readTree(
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
    }

    /** The shopper's browser on the 3-D Secure page: the choice, and where it sends the browser. */
    static String challenge(GatewayTransaction pending, String action) throws Exception {
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(
                                                URI.create(pending.redirect().url()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("id=\"challenge\"");
        HttpResponse<String> back = HTTP.send(
                HttpRequest.newBuilder(URI.create(pending.redirect().url()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("action=" + action))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(302);
        return back.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void paysWithACardTokenizedByTheConnector() throws Exception {
        String reference = reference();
        GatewayTransaction paid = gateway.submitInitial(ACCOUNT, debit("4200000000000000", 9200, reference));

        assertThat(paid.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(paid.evidence()).isEqualTo(Evidence.ANSWER);
        assertThat(paid.gatewayTransactionId()).startsWith("pay_");
        assertThat(paid.amountMinor()).isEqualTo(9200);
        assertThat(paid.currency()).isEqualTo("EUR");
        assertThat(paid.merchantTransactionId()).isEqualTo(reference);
        assertThat(paid.card().last4Digits()).isEqualTo("0000");
        assertThat(paid.paymentBrand()).isEqualTo("VISA");
        assertThat(paid.resultCode()).isEqualTo("succeeded");
        assertThat(charged(reference)).isEqualTo(1);
        assertThat(gateway.lookUp(ACCOUNT, paid.gatewayTransactionId()).outcome())
                .isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(gateway.find(ACCOUNT, reference, TransactionType.DB).gatewayTransactionId())
                .isEqualTo(paid.gatewayTransactionId());
        // the same request again (a redelivered command) adopts the payment and charges nothing more
        GatewayTransaction again = gateway.submitInitial(ACCOUNT, debit("4200000000000000", 9200, reference));
        assertThat(again.gatewayTransactionId()).isEqualTo(paid.gatewayTransactionId());
        assertThat(charged(reference)).isEqualTo(1);
    }

    @Test
    void aDeclineIsFinalAndNeverUnknown() {
        GatewayTransaction declined = gateway.submitInitial(ACCOUNT, debit("4000000000009995", 9200, reference()));
        assertThat(declined.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(declined.evidence()).isEqualTo(Evidence.ANSWER);
        assertThat(declined.resultCode()).isEqualTo("insufficient_funds");
        assertThat(declined.gatewayTransactionId()).startsWith("pay_");

        GatewayTransaction failed = gateway.submitInitial(ACCOUNT, debit("4000000000000507", 9200, reference()));
        assertThat(failed.outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(failed.resultCode()).isEqualTo("processing_error");

        GatewayTransaction refusedCard = gateway.submitInitial(ACCOUNT, debit("4200000000000001", 9200, reference()));
        assertThat(refusedCard.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(refusedCard.resultCode()).isEqualTo("incorrect_number");
        assertThat(refusedCard.gatewayTransactionId()).isNull();
    }

    @Test
    void threeDSecureIsPendingWithARedirectAndResolvedAfterTheChallenge() throws Exception {
        String reference = reference();
        GatewayTransaction pending = gateway.submitInitial(ACCOUNT, debit("4711100000000000", 9200, reference));
        assertThat(pending.outcome()).isEqualTo(GatewayOutcome.PENDING);
        assertThat(pending.requiresRedirect()).isTrue();
        assertThat(pending.redirect().method()).isEqualTo("GET");

        assertThat(challenge(pending, "approve"))
                .isEqualTo("https://shop.example/return?payment_id=" + pending.gatewayTransactionId()
                        + "&status=succeeded");
        assertThat(gateway.resolve(ACCOUNT, reference, TransactionType.DB).outcome())
                .isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(charged(reference)).isEqualTo(1);

        String failedReference = reference();
        GatewayTransaction failing = gateway.submitInitial(ACCOUNT, debit("5212345678901234", 9200, failedReference));
        assertThat(challenge(failing, "fail")).endsWith("&status=failed");
        GatewayTransaction failed = gateway.find(ACCOUNT, failedReference, null);
        assertThat(failed.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(failed.resultCode()).isEqualTo("authentication_failed");

        GatewayTransaction abandoned = gateway.submitInitial(ACCOUNT, debit("4711100000000000", 9200, reference()));
        HTTP.send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "sandbox/tokens/payments/"
                                + abandoned.gatewayTransactionId() + "/abandon"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        GatewayTransaction expired = gateway.lookUp(ACCOUNT, abandoned.gatewayTransactionId());
        assertThat(expired.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(expired.sessionExpired()).isTrue();
    }

    @Test
    void savesACardThroughThreeDSecureAndChargesItThreeTimesOffSession() throws Exception {
        GatewayTransaction pending = gateway.submitInitial(ACCOUNT, saving("4711100000000000", reference()));
        assertThat(pending.storedCardId()).isNull();
        challenge(pending, "approve");
        String storedCardId =
                gateway.lookUp(ACCOUNT, pending.gatewayTransactionId()).storedCardId();
        assertThat(storedCardId).startsWith("pm_");

        for (int i = 1; i <= 3; i++) {
            String reference = reference();
            GatewayTransaction mit = gateway.submitInitial(ACCOUNT, onStoredCard(storedCardId, 1000L * i, reference));
            assertThat(mit.outcome()).as(mit.summary()).isEqualTo(GatewayOutcome.SUCCEEDED);
            assertThat(mit.amountMinor()).isEqualTo(1000L * i);
            assertThat(mit.storedCardId()).isEqualTo(storedCardId);
            assertThat(charged(reference)).isEqualTo(1);
        }

        assertThat(gateway.deleteStoredCard(ACCOUNT, storedCardId).outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(gateway.deleteStoredCard(ACCOUNT, storedCardId).outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(gateway.deleteStoredCard(ACCOUNT, "pm_000000000000000000000000")
                        .evidence())
                .isEqualTo(Evidence.NOT_RECEIVED);
        GatewayTransaction refused = gateway.submitInitial(ACCOUNT, onStoredCard(storedCardId, 500, reference()));
        assertThat(refused.outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(refused.resultCode()).isEqualTo("payment_method_detached");
    }

    @Test
    void aSynchronousPaymentThatSavesTheCardAnswersItsStoredCard() {
        GatewayTransaction paid = gateway.submitInitial(ACCOUNT, saving("5454545454545454", reference()));
        assertThat(paid.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(paid.storedCardId()).startsWith("pm_");
    }

    @Test
    void refundsPartiallyAndRefusesMoreThanWasPaid() {
        GatewayTransaction paid = gateway.submitInitial(ACCOUNT, debit("4200000000000000", 9200, reference()));
        String first = reference();
        GatewayTransaction r1 = gateway.submitFollowUp(
                ACCOUNT, new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 2000L, "EUR", first));
        assertThat(r1.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(r1.gatewayTransactionId()).startsWith("re_");
        assertThat(r1.type()).isEqualTo(TransactionType.RF);
        assertThat(r1.referencedId()).isEqualTo(paid.gatewayTransactionId());
        GatewayTransaction r2 = gateway.submitFollowUp(
                ACCOUNT,
                new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 3000L, "EUR", reference()));
        assertThat(r2.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        GatewayTransaction tooMuch = gateway.submitFollowUp(
                ACCOUNT,
                new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 4201L, "EUR", reference()));
        assertThat(tooMuch.outcome()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(tooMuch.resultCode()).isEqualTo("amount_too_large");
        // the first refund again (same reference) adopts it
        GatewayTransaction again = gateway.submitFollowUp(
                ACCOUNT, new FollowUpRequest(TransactionType.RF, paid.gatewayTransactionId(), 2000L, "EUR", first));
        assertThat(again.gatewayTransactionId()).isEqualTo(r1.gatewayTransactionId());
        assertThat(gateway.resolve(ACCOUNT, first, TransactionType.RF).gatewayTransactionId())
                .isEqualTo(r1.gatewayTransactionId());
        assertThat(gateway.lookUp(ACCOUNT, r1.gatewayTransactionId()).amountMinor())
                .isEqualTo(2000);
    }

    @Test
    void refusesWhatTheApiCannotDoBeforeSending() {
        InitialPaymentRequest pa = new InitialPaymentRequest(
                TransactionType.PA,
                100,
                "EUR",
                null,
                reference(),
                new CardData("4200000000000000", null, 12, 2034, "123"),
                null,
                false,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> gateway.submitInitial(ACCOUNT, pa)).isInstanceOf(IllegalArgumentException.class);
        for (TransactionType type :
                new TransactionType[] {TransactionType.CP, TransactionType.RV, TransactionType.RB}) {
            assertThatThrownBy(() -> gateway.submitFollowUp(
                            ACCOUNT,
                            new FollowUpRequest(type, "pay_000000000000000000000000", 100L, "EUR", reference())))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        InitialPaymentRequest sofort = new InitialPaymentRequest(
                TransactionType.DB,
                100,
                "EUR",
                "SOFORTUEBERWEISUNG",
                reference(),
                null,
                null,
                false,
                null,
                "https://x.example/",
                null,
                null);
        assertThatThrownBy(() -> gateway.submitInitial(ACCOUNT, sofort)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.submitInitial("nobody", debit("4200000000000000", 100, reference())))
                .isInstanceOf(UnknownGatewayAccountException.class);
        assertThatThrownBy(() -> gateway.lookUp(ACCOUNT, "8ac7a4c8000000000000000000000000"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(gateway.capabilities().supports(TransactionType.RF)).isTrue();
        assertThat(gateway.capabilities().supports(TransactionType.PA)).isFalse();
        assertThat(gateway.hasAccount(ACCOUNT)).isTrue();
        assertThat(gateway.hasAccount("nobody")).isFalse();
    }

    @Test
    void aLostResponseIsResolvedWithoutASecondCharge() throws Exception {
        String reference = reference();
        GatewayTransaction paid = gateway.submitInitial(ACCOUNT, debit("4200000000000000", 99901, reference));
        assertThat(paid.outcome()).as(paid.summary()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(paid.gatewayTransactionId()).startsWith("pay_");
        assertThat(charged(reference)).isEqualTo(1);

        GatewayTransaction base = gateway.submitInitial(ACCOUNT, debit("4200000000000000", 200000, reference()));
        String refundReference = reference();
        GatewayTransaction refund = gateway.submitFollowUp(
                ACCOUNT,
                new FollowUpRequest(TransactionType.RF, base.gatewayTransactionId(), 99901L, "EUR", refundReference));
        assertThat(refund.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(gateway.lookUp(ACCOUNT, base.gatewayTransactionId()).outcome())
                .isEqualTo(GatewayOutcome.SUCCEEDED);
    }

    @Test
    void serverErrorsAndResetsAreResolvedAsNeverReceivedAndChargeNothing() throws Exception {
        for (long amount : new long[] {99902, 99906, 99903}) {
            String reference = reference();
            GatewayTransaction answer = gateway.submitInitial(ACCOUNT, debit("4200000000000000", amount, reference));
            assertThat(answer.outcome()).as(amount + ": " + answer.summary()).isEqualTo(GatewayOutcome.FAILED);
            assertThat(answer.evidence()).as(String.valueOf(amount)).isEqualTo(Evidence.NOT_RECEIVED);
            assertThat(answer.safeToResend()).isTrue();
            assertThat(charged(reference)).isZero();
        }
    }

    @Test
    void aTimeoutIsResolvedAsNeverReceivedAndChargesNothing() throws Exception {
        String reference = reference();
        GatewayTransaction answer = impatient.submitInitial(ACCOUNT, debit("4200000000000000", 99904, reference));
        assertThat(answer.outcome()).as(answer.summary()).isEqualTo(GatewayOutcome.FAILED);
        assertThat(answer.evidence()).isEqualTo(Evidence.NOT_RECEIVED);
        assertThat(charged(reference)).isZero();
    }

    @Test
    void latencyBeyondTheReadTimeoutIsResolvedToTheOneCharge() throws Exception {
        String reference = reference();
        GatewayTransaction answer = impatient.submitInitial(ACCOUNT, debit("4200000000000000", 99905, reference));
        assertThat(answer.outcome()).as(answer.summary()).isIn(GatewayOutcome.SUCCEEDED, GatewayOutcome.UNKNOWN);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(gateway.find(ACCOUNT, reference, TransactionType.DB)
                                .outcome())
                        .isEqualTo(GatewayOutcome.SUCCEEDED));
        assertThat(charged(reference)).isEqualTo(1);
        // within the read timeout the latency is just slow
        String patient = reference();
        assertThat(gateway.submitInitial(ACCOUNT, debit("4200000000000000", 99905, patient))
                        .outcome())
                .isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(charged(patient)).isEqualTo(1);
    }

    @Test
    void anUnreachableApiIsNotSentAndTheOpenCircuitToo() {
        TokensProperties properties = TokensProperties.of(
                "http://127.0.0.1:1/tokens-api/",
                TokensSandbox.properties(sandbox).accounts());
        try (TokensGateway unreachable = new TokensGateway(
                properties.withCircuitBreaker(new CircuitBreakerSettings(50, 2, 2, Duration.ofMinutes(1), 1)))) {
            for (int i = 0; i < 3; i++) {
                GatewayTransaction answer =
                        unreachable.submitInitial(ACCOUNT, debit("4200000000000000", 100, reference()));
                assertThat(answer.outcome()).isEqualTo(GatewayOutcome.FAILED);
                assertThat(answer.evidence()).isEqualTo(Evidence.NOT_SENT);
            }
            assertThat(unreachable.circuitBreaker().getState().name()).isEqualTo("OPEN");
            assertThat(unreachable
                            .submitInitial(ACCOUNT, debit("4200000000000000", 100, reference()))
                            .failureReason())
                    .contains("circuit breaker");
        }
    }
}

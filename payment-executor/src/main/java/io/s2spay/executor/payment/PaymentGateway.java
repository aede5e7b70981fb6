package io.s2spay.executor.payment;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.s2spay.connector.opp.OppCardData;
import io.s2spay.connector.opp.OppCardSummary;
import io.s2spay.connector.opp.OppGatewayClient;
import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppPaymentRequest;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppProperties;
import io.s2spay.connector.opp.OppRedirect;
import io.s2spay.connector.opp.OppStandingInstruction;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.schema.StandingInstruction;
import io.s2spay.vault.CardDetails;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The executor's side of the OPP connector: turns an attempt into an OPP request, sends it through the connector's
 * safe submission (an UNKNOWN outcome is resolved through the query endpoint before anything is sent again, and
 * only a request the gateway provably never received is sent again, with the same merchantTransactionId), and
 * turns the connector's answer into a {@link GatewayAnswer}.
 */
@Component
class PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(PaymentGateway.class);

    private final OppGatewayClient client;
    private final ExecutorProperties properties;

    PaymentGateway(OppGatewayClient client, ExecutorProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** True when the connector has a gateway account for {@code merchantId}. */
    boolean hasAccount(String merchantId) {
        return merchantId != null && client.properties().accounts().containsKey(merchantId);
    }

    /**
     * The card as the connector sends it; throws {@link IllegalArgumentException} for card data the gateway
     * cannot be sent (checked before an attempt is recorded, so such a command is rejected, not left open).
     */
    static OppCardData cardData(CardDetails card) {
        return new OppCardData(card.number(), card.holder(), card.expiryMonth(), card.expiryYear(), card.cvv());
    }

    /** Sends the attempt (card data for a card payment, null for a stored registration) and resolves its outcome. */
    GatewayAnswer submit(PaymentInstruction attempt, OppCardData card) {
        OppPaymentRequest request = new OppPaymentRequest(
                OppPaymentType.valueOf(attempt.paymentType().name()),
                attempt.amountMinor(),
                attempt.currency(),
                attempt.paymentBrand(),
                attempt.merchantTransactionId(),
                card,
                attempt.createRegistration(),
                standingInstruction(attempt.standingInstruction()),
                attempt.shopperResultUrl(),
                properties.notificationUrl(),
                attempt.descriptor());
        OppTransaction transaction = attempt.registrationId() != null
                ? client.submitRegistrationPaymentSafely(attempt.merchantId(), attempt.registrationId(), request)
                : client.submitPaymentSafely(attempt.merchantId(), request);
        return answer(attempt, transaction, 1);
    }

    /**
     * What the gateway holds under the attempt's merchantTransactionId, asked through the unlimited query endpoint
     * with the connector's bounded backoff while the gateway cannot be asked. Sends nothing.
     */
    GatewayAnswer resolve(PaymentInstruction attempt) {
        OppProperties.Resolution settings = client.properties().resolution();
        OppPaymentType type = OppPaymentType.valueOf(attempt.paymentType().name());
        Retry retry = Retry.of("executor-resolve", RetryConfig.<OppTransaction>custom()
                .maxAttempts(settings.maxQueries())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(
                        settings.initialBackoff().isZero() ? Duration.ofMillis(1) : settings.initialBackoff(),
                        settings.backoffMultiplier()))
                .retryOnResult(transaction -> transaction.outcome() == OppOutcome.UNKNOWN)
                .failAfterMaxAttempts(false)
                .build());
        OppTransaction transaction = retry.executeSupplier(
                () -> client.resolve(attempt.merchantId(), attempt.merchantTransactionId(), type));
        return answer(attempt, transaction, 0);
    }

    static GatewayAnswer answer(PaymentInstruction attempt, OppTransaction t, int submissions) {
        GatewayOutcome outcome = switch (t.outcome()) {
            case SUCCEEDED -> GatewayOutcome.SUCCEEDED;
            case PENDING -> t.requiresRedirect() ? GatewayOutcome.REDIRECT : GatewayOutcome.PENDING;
            case DECLINED -> GatewayOutcome.DECLINED;
            case FAILED -> t.safeToResend() ? GatewayOutcome.NOT_RECEIVED : GatewayOutcome.FAILED;
            case UNKNOWN -> GatewayOutcome.UNKNOWN;
        };
        String reason = t.failureReason();
        if (outcome != GatewayOutcome.UNKNOWN && outcome != GatewayOutcome.NOT_RECEIVED && !matches(attempt, t)) {
            // a transaction under our merchantTransactionId that is not ours: let an operator look rather than guess
            log.warn("Gateway transaction {} under merchantTransactionId={} is {} {}, payment {} is {} {}",
                    t.gatewayTransactionId(), attempt.merchantTransactionId(), t.amountMinor(), t.currency(),
                    attempt.paymentId(), attempt.amountMinor(), attempt.currency());
            outcome = GatewayOutcome.UNKNOWN;
            reason = "the gateway's transaction " + t.gatewayTransactionId() + " under this merchantTransactionId has"
                    + " amount " + t.amountMinor() + " " + t.currency() + ", not the payment's";
        }
        return new GatewayAnswer(outcome, t.category().name(), t.gatewayTransactionId(), t.resultCode(),
                t.resultDescription(), t.timestamp(), cardOnFile(t.card()), redirect(t.redirect()),
                t.registrationId(), reason, submissions);
    }

    private static boolean matches(PaymentInstruction attempt, OppTransaction t) {
        boolean amountMatches = t.amountMinor() == null || t.amountMinor() == attempt.amountMinor();
        boolean currencyMatches = t.currency() == null || t.currency().equals(attempt.currency());
        return amountMatches && currencyMatches;
    }

    private static GatewayAnswer.CardOnFile cardOnFile(OppCardSummary card) {
        return card == null ? null
                : new GatewayAnswer.CardOnFile(card.bin(), card.last4Digits(), card.expiryMonth(), card.expiryYear());
    }

    private static GatewayAnswer.RedirectInstruction redirect(OppRedirect redirect) {
        if (redirect == null) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        redirect.parameters().forEach(p -> parameters.put(p.name(), p.value() == null ? "" : p.value()));
        return new GatewayAnswer.RedirectInstruction(redirect.url(), redirect.method(), parameters);
    }

    private static OppStandingInstruction standingInstruction(StandingInstruction si) {
        if (si == null) {
            return null;
        }
        return new OppStandingInstruction(
                OppStandingInstruction.Mode.valueOf(si.getMode().name()),
                OppStandingInstruction.Type.valueOf(si.getType().name()),
                OppStandingInstruction.Source.valueOf(si.getSource().name()),
                si.getInitialTransactionId());
    }
}

package io.s2spay.executor.payment;

import io.s2spay.connector.opp.OppCardData;
import io.s2spay.connector.opp.OppGatewayClient;
import io.s2spay.connector.opp.OppPaymentRequest;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppStandingInstruction;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.schema.StandingInstruction;
import io.s2spay.vault.CardDetails;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The executor's side of the OPP connector: turns an attempt into an OPP request, sends it through the connector's
 * safe submission (an UNKNOWN outcome is resolved through the query endpoint before anything is sent again, and
 * only a request the gateway provably never received is sent again, with the same merchantTransactionId), and
 * turns the connector's answer into a {@link GatewayAnswer}.
 */
@Component
class PaymentGateway {

    private final OppGatewayClient client;
    private final ExecutorProperties properties;

    PaymentGateway(OppGatewayClient client, ExecutorProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * The longest a {@link #submit} can take, as the connector says for its own settings: an executor still inside a
     * submission must not be presumed dead before this.
     */
    Duration longestSubmission() {
        return client.longestSubmission();
    }

    /** The longest a {@link #resolve} can take, as the connector says for its own settings. */
    Duration longestResolution() {
        return client.longestResolution();
    }

    /**
     * The longest the recovery of one stuck attempt can take: a resolution, then, when the gateway never received
     * the attempt, a whole submission. A recovering instance's lease must outlast it.
     */
    Duration longestRecovery() {
        return longestResolution().plus(longestSubmission());
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
        return GatewayAnswer.of(attempt, transaction, 1);
    }

    /**
     * What the gateway holds under the attempt's merchantTransactionId, asked through the unlimited query endpoint
     * with the connector's bounded backoff while the gateway cannot be asked. Sends nothing.
     */
    GatewayAnswer resolve(PaymentInstruction attempt) {
        OppTransaction transaction = client.resolveWithRetries(
                attempt.merchantId(),
                attempt.merchantTransactionId(),
                OppPaymentType.valueOf(attempt.paymentType().name()));
        return GatewayAnswer.of(attempt, transaction, 0);
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

package io.s2spay.executor.payment;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.CredentialOnFile;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.schema.StandingInstruction;
import io.s2spay.vault.CardDetails;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The executor's side of the gateway port: turns an attempt into an initial payment request, sends it through the
 * port's safe submission (an UNKNOWN outcome is resolved through the gateway's look-up before anything is sent
 * again, and only a request the gateway provably never received is sent again, with the same merchantTransactionId),
 * and turns the answer into a {@link GatewayAnswer}.
 */
@Component
class PaymentGateway {

    private final GatewayPort gateway;
    private final ExecutorProperties properties;

    PaymentGateway(GatewayPort gateway, ExecutorProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    /**
     * The longest a {@link #submit} can take, as the gateway's adapter says for its own settings: an executor still
     * inside a submission must not be presumed dead before this.
     */
    Duration longestSubmission() {
        return gateway.deadlines().longestSubmission();
    }

    /**
     * The longest the recovery of one stuck attempt can take: a resolution, then, when the gateway never received
     * the attempt, a whole submission. A recovering instance's lease must outlast it.
     */
    Duration longestRecovery() {
        return gateway.deadlines().longestRecovery();
    }

    /** True when the gateway has an account for {@code merchantId}. */
    boolean hasAccount(String merchantId) {
        return gateway.hasAccount(merchantId);
    }

    /**
     * The card as the gateway is sent it; throws {@link IllegalArgumentException} for card data the gateway
     * cannot be sent (checked before an attempt is recorded, so such a command is rejected, not left open).
     */
    static CardData cardData(CardDetails card) {
        return new CardData(card.number(), card.holder(), card.expiryMonth(), card.expiryYear(), card.cvv());
    }

    /** Sends the attempt (card data for a card payment, null for a stored registration) and resolves its outcome. */
    GatewayAnswer submit(PaymentInstruction attempt, CardData card) {
        InitialPaymentRequest request = new InitialPaymentRequest(
                TransactionType.valueOf(attempt.paymentType().name()),
                attempt.amountMinor(),
                attempt.currency(),
                attempt.paymentBrand(),
                attempt.merchantTransactionId(),
                attempt.registrationId() != null ? null : card,
                attempt.registrationId(),
                attempt.createRegistration(),
                credentialOnFile(attempt.standingInstruction()),
                attempt.shopperResultUrl(),
                properties.notificationUrl(),
                attempt.descriptor());
        GatewayTransaction transaction = gateway.submitInitial(attempt.merchantId(), request);
        return GatewayAnswer.of(attempt, transaction, 1);
    }

    /**
     * What the gateway holds under the attempt's merchantTransactionId, asked with the adapter's bounded backoff
     * while the gateway cannot be asked. Sends nothing.
     */
    GatewayAnswer resolve(PaymentInstruction attempt) {
        GatewayTransaction transaction = gateway.resolve(
                attempt.merchantId(),
                attempt.merchantTransactionId(),
                TransactionType.valueOf(attempt.paymentType().name()));
        return GatewayAnswer.of(attempt, transaction, 0);
    }

    private static CredentialOnFile credentialOnFile(StandingInstruction si) {
        if (si == null) {
            return null;
        }
        return new CredentialOnFile(
                CredentialOnFile.Mode.valueOf(si.getMode().name()),
                CredentialOnFile.Type.valueOf(si.getType().name()),
                CredentialOnFile.Source.valueOf(si.getSource().name()),
                si.getInitialTransactionId());
    }
}

package io.s2spay.executor.payment;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.CredentialOnFile;
import io.s2spay.gateway.GatewayDeadlines;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.GatewayRouter;
import io.s2spay.gateway.routing.Route;
import io.s2spay.gateway.routing.RoutedPayment;
import io.s2spay.schema.StandingInstruction;
import io.s2spay.vault.CardDetails;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The executor's side of the gateway port: chooses the gateway accounts for an attempt (its merchant's routing, or
 * the account that stored the card it pays with), turns the attempt into an initial payment request, sends it
 * through the port's safe submission (an UNKNOWN outcome is resolved through the gateway's look-up before anything
 * is sent again, and only a request the gateway provably never received is sent again, with the same
 * merchantTransactionId), and turns the answer into a {@link GatewayAnswer}.
 */
@Component
class PaymentGateway {

    private final GatewayRouter router;
    private final StoredCardAccounts attempts;
    private final ExecutorProperties properties;

    PaymentGateway(GatewayRouter router, StoredCardAccounts attempts, ExecutorProperties properties) {
        this.router = router;
        this.attempts = attempts;
        this.properties = properties;
    }

    /**
     * The longest a {@link #submit} can take on the slowest gateway, as its adapter says for its own settings: an
     * executor still inside a submission must not be presumed dead before this.
     */
    Duration longestSubmission() {
        return longest(GatewayDeadlines::longestSubmission);
    }

    /**
     * The longest the recovery of one stuck attempt can take on the slowest gateway: a resolution, then, when the
     * gateway never received the attempt, a whole submission. A recovering instance's lease must outlast it.
     */
    Duration longestRecovery() {
        return longest(GatewayDeadlines::longestRecovery);
    }

    private Duration longest(Function<GatewayDeadlines, Duration> deadline) {
        return router.gateways().all().stream()
                .map(port -> deadline.apply(port.deadlines()))
                .max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
    }

    /** True when the merchant has a gateway account (through its routing or an account keyed by its id). */
    boolean hasAccount(String merchantId) {
        return router.knowsMerchant(merchantId);
    }

    /**
     * The accounts to send {@code command} to, in order: the one that stored its card when it pays with a stored
     * card s2spay made (a stored card lives at one account only), else its merchant's routing, keeping only accounts
     * whose gateway can do the payment; or why none can.
     */
    Route route(PaymentInstruction command) {
        if (command.registrationId() != null) {
            Optional<GatewayAccount> storedAt =
                    attempts.accountOfRegistration(command.merchantId(), command.registrationId());
            if (storedAt.isPresent()) {
                return router.gateways().has(storedAt.get())
                        ? new Route(List.of(storedAt.get()), null)
                        : new Route(
                                List.of(),
                                "stored card " + command.registrationId() + " was stored at " + storedAt.get()
                                        + ", which is no longer a configured gateway account");
            }
        }
        return router.route(
                command.merchantId(),
                new RoutedPayment(
                        TransactionType.valueOf(command.paymentType().name()),
                        command.paymentBrand(),
                        command.currency(),
                        command.amountMinor(),
                        command.createRegistration()));
    }

    /**
     * The card as the gateway is sent it; throws {@link IllegalArgumentException} for card data the gateway
     * cannot be sent (checked before an attempt is recorded, so such a command is rejected, not left open).
     */
    static CardData cardData(CardDetails card) {
        return new CardData(card.number(), card.holder(), card.expiryMonth(), card.expiryYear(), card.cvv());
    }

    /**
     * Sends the attempt to {@code account} (card data for a card payment, null for a stored registration) and
     * resolves its outcome.
     */
    GatewayAnswer submit(PaymentInstruction attempt, GatewayAccount account, CardData card) {
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
        GatewayTransaction transaction = router.portOf(account).submitInitial(account.account(), request);
        return GatewayAnswer.of(attempt, transaction, 1, account);
    }

    /**
     * What the gateway of {@code account} holds under the attempt's merchantTransactionId, asked with the adapter's
     * bounded backoff while the gateway cannot be asked. Sends nothing.
     */
    GatewayAnswer resolve(PaymentInstruction attempt, GatewayAccount account) {
        GatewayTransaction transaction = router.portOf(account)
                .resolve(
                        account.account(),
                        attempt.merchantTransactionId(),
                        TransactionType.valueOf(attempt.paymentType().name()));
        return GatewayAnswer.of(attempt, transaction, 0, account);
    }

    /**
     * The account holding the merchant's stored card {@code registrationId}: the one whose payment stored it, else
     * the merchant's first account keyed by its id (a card stored before s2spay recorded accounts); empty when the
     * merchant has none.
     */
    Optional<GatewayAccount> accountOfStoredCard(String merchantId, String registrationId) {
        Optional<GatewayAccount> storedAt = attempts.accountOfRegistration(merchantId, registrationId);
        if (storedAt.isPresent()) {
            return router.gateways().has(storedAt.get()) ? storedAt : Optional.empty();
        }
        return router.gateways().accountsNamedAfter(merchantId).stream().findFirst();
    }

    /** The adapter holding {@code account}. */
    GatewayPort portOf(GatewayAccount account) {
        return router.portOf(account);
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

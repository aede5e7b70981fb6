package io.s2spay.executor.payment;

import io.s2spay.gateway.CardData;
import io.s2spay.platform.janitor.Janitor;
import io.s2spay.platform.janitor.JanitorTask;
import io.s2spay.vault.CardNotInVaultException;
import io.s2spay.vault.CardVault;
import io.s2spay.vault.CardVaultException;
import io.s2spay.vault.CardVaultProperties;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds attempts an executor recorded but never finished (it died between recording the attempt and recording
 * the gateway's answer) and resolves them through the gateway's query endpoint, exactly like a lost response: the
 * request is sent again, with the same merchantTransactionId, only when the query proves the gateway never got it.
 * Several instances share the work: it is a task of the platform's {@link Janitor}, which claims attempts with a
 * lease ({@code for update skip locked}).
 */
@Component
@ConditionalOnProperty(name = "s2spay.executor.recovery.enabled", matchIfMissing = true)
class StuckAttemptRecovery {

    private static final Logger log = LoggerFactory.getLogger(StuckAttemptRecovery.class);

    private final PaymentAttempts attempts;
    private final PaymentGateway gateway;
    private final CardVault vault;
    private final PaymentExecutionService executions;
    private final TransactionTemplate transactions;
    private final ExecutorMetrics metrics;
    private final ExecutorProperties.Recovery settings;
    private final Janitor janitor;
    private final JanitorTask<PaymentAttempt> task;

    StuckAttemptRecovery(
            PaymentAttempts attempts,
            PaymentGateway gateway,
            CardVault vault,
            PaymentExecutionService executions,
            TransactionTemplate transactions,
            ExecutorMetrics metrics,
            ExecutorProperties properties,
            ObjectProvider<CardVaultProperties> vaultProperties,
            Janitor janitor) {
        this.janitor = janitor;
        // each claimed batch is resolved concurrently (so that the whole batch, not only its first attempt, is done
        // within the lease), and claims go on while they come back full; a failure leaves the attempt SUBMITTING,
        // claimed again once its lease has expired
        this.task = new JanitorTask.Of<>(
                "stuck-attempts",
                properties.recovery().batchSize(),
                properties.recovery().batchSize(),
                true,
                limit -> transactions.execute(status ->
                        attempts.claimStuck(limit, properties.recovery().lease())),
                this::recover,
                attempt -> "recovery of payment " + attempt.instruction().paymentId() + " (merchantTransactionId="
                        + attempt.instruction().merchantTransactionId() + ")");
        this.attempts = attempts;
        this.gateway = gateway;
        this.vault = vault;
        this.executions = executions;
        this.transactions = transactions;
        this.metrics = metrics;
        this.settings = properties.recovery();
        requireLeaseBeyondLongestRecovery(settings, gateway.longestRecovery());
        CardVaultProperties vaultSettings = vaultProperties.getIfAvailable();
        if (vaultSettings != null) {
            requireSecurityCodesKeptForResubmission(settings, vaultSettings.securityCodeRetention());
        }
        Duration longest = gateway.longestSubmission();
        if (properties.recoverAfter().compareTo(longest) <= 0) {
            // recovery would then race a live executor that is still resolving its own call; the gateway's
            // duplicate check of the merchantTransactionId still prevents a second charge, but not a confusing log
            log.warn(
                    "s2spay.executor.recover-after ({}) is not longer than the longest gateway submission with the"
                            + " connector's timeouts and resolution settings ({}); raise it",
                    properties.recoverAfter(),
                    longest);
        }
    }

    /**
     * Refuses to start with a lease that may end while its instance is still recovering an attempt: another instance
     * would then claim it too, and could send it again while the first one's send is under way.
     */
    static void requireLeaseBeyondLongestRecovery(ExecutorProperties.Recovery settings, Duration longestRecovery) {
        if (settings.lease().compareTo(longestRecovery) <= 0) {
            throw new IllegalStateException("s2spay.executor.recovery.lease (" + settings.lease() + ") must be longer"
                    + " than the longest recovery of an attempt with the slowest connector's timeouts and resolution"
                    + " settings (" + longestRecovery + ": every query and send running into its timeout); raise the"
                    + " lease or lower that connector's s2spay.<gateway>.read-timeout / s2spay.<gateway>.resolution.*");
        }
    }

    /**
     * Refuses to start when the vault erases security codes before this job stops resending: a resent card payment
     * would then go out without its security code.
     */
    static void requireSecurityCodesKeptForResubmission(
            ExecutorProperties.Recovery settings, Duration securityCodeRetention) {
        if (securityCodeRetention.compareTo(settings.resubmitWithin()) <= 0) {
            throw new IllegalStateException("s2spay.vault.security-code-retention (" + securityCodeRetention + ") must"
                    + " be longer than s2spay.executor.recovery.resubmit-within (" + settings.resubmitWithin() + "),"
                    + " with room for the commands' delay between checkout and executor: a card resent by the recovery"
                    + " job needs its security code");
        }
    }

    /** One run of the janitor task: returns how many outcomes were recorded. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${s2spay.executor.recovery.interval:10s}")
    int recoverStuckAttempts() {
        return janitor.run(task);
    }

    private boolean recover(PaymentAttempt attempt) {
        PaymentInstruction command = attempt.instruction();
        log.info(
                "Resolving payment {} left SUBMITTING since {} (merchantTransactionId={}) at {}",
                command.paymentId(),
                attempt.createdAt(),
                command.merchantTransactionId(),
                attempt.account());
        GatewayAnswer answer = metrics.timeGatewayCall(
                "resolve", attempt.account(), () -> gateway.resolve(command, attempt.account()));
        if (answer.outcome() == AttemptOutcome.NOT_RECEIVED && mayResubmit(attempt)) {
            CardData card = null;
            boolean sendable = true;
            if (command.vaultId() != null) {
                try {
                    card = PaymentGateway.cardData(vault.reveal(command.merchantId(), command.vaultId()));
                } catch (CardNotInVaultException | CardVaultException | IllegalArgumentException e) {
                    log.warn(
                            "Card of payment {} cannot be sent any more ({}); the attempt fails",
                            command.paymentId(),
                            e.getMessage());
                    sendable = false;
                }
            }
            if (sendable) {
                log.info(
                        "Payment {} never reached the gateway; sending it now with merchantTransactionId={}",
                        command.paymentId(),
                        command.merchantTransactionId());
                CardData cardData = card;
                answer = metrics.timeGatewayCall(
                        "submit", attempt.account(), () -> gateway.submit(command, attempt.account(), cardData));
            }
        }
        return executions.complete(attempt.attemptId(), answer, "recovery").isPresent();
    }

    private boolean mayResubmit(PaymentAttempt attempt) {
        return attempt.createdAt().plus(settings.resubmitWithin()).isAfter(Instant.now());
    }
}

package io.s2spay.executor.payment;

import io.s2spay.gateway.CardData;
import io.s2spay.gateway.routing.Failover;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.Route;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.vault.CardNotInVaultException;
import io.s2spay.vault.CardVault;
import io.s2spay.vault.CardVaultException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one initial payment command against the gateway without ever charging twice: the attempt is recorded
 * (with the command marked processed) before anything is sent, the gateway is called outside any transaction,
 * and its answer, the outcome event and the CVV erasure are committed together under a lock on the attempt.
 * Commands that cannot be run are answered with a {@code PaymentCommandRejected} event.
 */
@Service
class PaymentExecutionService {

    private static final Logger log = LoggerFactory.getLogger(PaymentExecutionService.class);

    private final PaymentCommandValidator validator;
    private final PaymentAttempts attempts;
    private final PaymentGateway gateway;
    private final CardVault vault;
    private final VisibleCardReader cards;
    private final OutboxWriter outbox;
    private final ProcessedMessages processedMessages;
    private final TransactionTemplate transactions;
    private final ExecutorMetrics metrics;
    private final ExecutorProperties properties;

    PaymentExecutionService(
            PaymentGateway gateway,
            PaymentAttempts attempts,
            CardVault vault,
            OutboxWriter outbox,
            ProcessedMessages processedMessages,
            TransactionTemplate transactions,
            ExecutorMetrics metrics,
            ExecutorProperties properties) {
        this.validator = new PaymentCommandValidator(gateway::hasAccount);
        this.attempts = attempts;
        this.gateway = gateway;
        this.vault = vault;
        this.cards = new VisibleCardReader(vault);
        this.outbox = outbox;
        this.processedMessages = processedMessages;
        this.transactions = transactions;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Runs {@code envelope} once; a redelivered command is skipped. */
    void execute(PaymentCommandEnvelope envelope) {
        PaymentInstruction command = PaymentInstruction.from(envelope);
        Optional<CommandRejection> rejection = validator.validate(command);
        CardData card = null;
        if (rejection.isEmpty() && command.vaultId() != null) {
            try {
                card = PaymentGateway.cardData(cards.reveal(command.merchantId(), command.vaultId()));
            } catch (CardNotInVaultException e) {
                rejection = Optional.of(new CommandRejection(
                        PaymentRejectionReason.CARD_NOT_IN_VAULT,
                        "card " + command.vaultId() + " is not in the vault for merchant " + command.merchantId()));
            } catch (CardVaultException e) {
                // a key that is not configured or a tampered row: the card cannot be charged, say so
                rejection = Optional.of(new CommandRejection(PaymentRejectionReason.CARD_UNREADABLE, e.getMessage()));
            } catch (IllegalArgumentException e) {
                rejection = Optional.of(new CommandRejection(
                        PaymentRejectionReason.INVALID_CARD_REFERENCE,
                        "card " + command.vaultId() + " cannot be sent to the gateway: " + e.getMessage()));
            }
        }
        Route route = null;
        if (rejection.isEmpty()) {
            route = gateway.route(command);
            if (route.isRefused()) {
                rejection = Optional.of(
                        new CommandRejection(PaymentRejectionReason.NO_GATEWAY_FOR_PAYMENT, route.refusal()));
            }
        }
        if (rejection.isPresent()) {
            reject(command, rejection.get());
            return;
        }
        PaymentAttempt attempt = PaymentAttempt.open(command, route.first());
        if (!record(attempt)) {
            return;
        }
        GatewayAccount account = route.first();
        GatewayAnswer answer = send(command, account, card);
        GatewayAccount next = route.after(account);
        while (next != null && Failover.allowed(answer.transaction())) {
            // the account provably never processed the payment: the next one of its route may take it, once the
            // attempt says so (the recovery job then resolves it there); the payment keeps its merchantTransactionId
            if (!attempts.moveToAccount(attempt.attemptId(), account, next, properties.recoverAfter())) {
                break;
            }
            log.warn("Payment {} failed over from {} to {}: {}", command.paymentId(), account, next, answer.summary());
            metrics.failover(account, next);
            account = next;
            answer = send(command, account, card);
            next = route.after(account);
        }
        complete(attempt.attemptId(), answer, "live");
    }

    private GatewayAnswer send(PaymentInstruction command, GatewayAccount account, CardData card) {
        log.info(
                "Submitting {} {} {} {} merchantTransactionId={} card={} for payment {} to {}",
                command.paymentType(),
                command.amountMinor(),
                command.currency(),
                command.paymentBrand(),
                command.merchantTransactionId(),
                maskedCard(command),
                command.paymentId(),
                account);
        return metrics.timeGatewayCall("submit", account, () -> gateway.submit(command, account, card));
    }

    /**
     * Applies the gateway's answer to the attempt under a lock, with its outcome event and the CVV erasure, unless
     * another path (the recovery job, another instance) has recorded an outcome meanwhile.
     *
     * @return the state recorded, or empty when the attempt was no longer open
     */
    Optional<AttemptState> complete(UUID attemptId, GatewayAnswer answer, String path) {
        Optional<Recorded> recorded = transactions.execute(status -> {
            PaymentAttempt current = attempts.lockByAttemptId(attemptId)
                    .orElseThrow(() -> new IllegalStateException("attempt " + attemptId + " vanished"));
            PaymentInstruction command = current.instruction();
            if (!current.state().isOpen()) {
                log.warn(
                        "Payment {} attempt already recorded as {}; gateway answer {} not applied again",
                        command.paymentId(),
                        current.state(),
                        answer.summary());
                return Optional.<Recorded>empty();
            }
            AttemptState next = AttemptTransitions.next(command.paymentType(), current.state(), answer.outcome());
            attempts.recordOutcome(attemptId, next, answer, current.submissions() + answer.submissions());
            outbox.append(
                    Topics.PAYMENT_EVENTS, command.paymentId(), PaymentOutcomeEvents.outcome(command, next, answer));
            if (command.vaultId() != null) {
                // the executor never sends this attempt again once its answer is recorded: the CVV has no further use
                vault.eraseSecurityCode(command.vaultId());
            }
            log.info(
                    "Payment {} ({} merchantTransactionId={}) is {}: {}",
                    command.paymentId(),
                    command.paymentType(),
                    command.merchantTransactionId(),
                    next,
                    answer.summary());
            return Optional.of(new Recorded(next, current.account()));
        });
        // counted once committed
        recorded.ifPresent(outcome -> metrics.outcome(outcome.state(), outcome.account(), path));
        return recorded.map(Recorded::state);
    }

    /** The state an attempt's outcome was recorded in, at the account the attempt went to. */
    private record Recorded(AttemptState state, GatewayAccount account) {}

    /** Marks the command processed and records the attempt; false when there is nothing (more) to send. */
    private boolean record(PaymentAttempt attempt) {
        PaymentInstruction command = attempt.instruction();
        Boolean toSend = transactions.execute(status -> {
            if (!processedMessages.markProcessed(command.messageId())) {
                log.info(
                        "Payment command {} for payment {} already processed; skipped",
                        command.messageId(),
                        command.paymentId());
                return false;
            }
            Optional<PaymentRejectionReason> duplicate = attempts.insert(attempt, properties.recoverAfter());
            if (duplicate.isPresent()) {
                CommandRejection rejection = duplicateRejection(command, duplicate.get());
                outbox.append(
                        Topics.PAYMENT_EVENTS, command.paymentId(), PaymentOutcomeEvents.rejected(command, rejection));
                log.warn(
                        "Payment command {} for payment {} rejected: {} {}",
                        command.messageId(),
                        command.paymentId(),
                        rejection.reasonCode(),
                        rejection.reason());
                metrics.rejection(rejection.reasonCode());
                return false;
            }
            return true;
        });
        return Boolean.TRUE.equals(toSend);
    }

    private void reject(PaymentInstruction command, CommandRejection rejection) {
        boolean published = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!processedMessages.markProcessed(command.messageId())) {
                return false;
            }
            outbox.append(
                    Topics.PAYMENT_EVENTS, command.paymentId(), PaymentOutcomeEvents.rejected(command, rejection));
            return true;
        }));
        if (published) {
            log.warn(
                    "Payment command {} for payment {} rejected: {} {}",
                    command.messageId(),
                    command.paymentId(),
                    rejection.reasonCode(),
                    rejection.reason());
            metrics.rejection(rejection.reasonCode());
        }
    }

    private static CommandRejection duplicateRejection(PaymentInstruction command, PaymentRejectionReason reason) {
        return new CommandRejection(
                reason,
                reason == PaymentRejectionReason.DUPLICATE_PAYMENT
                        ? "payment " + command.paymentId() + " already has a gateway attempt; it is not charged again"
                        : "merchantTransactionId " + command.merchantTransactionId()
                                + " was already used by another payment of merchant " + command.merchantId());
    }

    private static String maskedCard(PaymentInstruction command) {
        if (command.card() == null) {
            return command.registrationId() == null ? "none" : "registration " + command.registrationId();
        }
        return command.card().getBin() + "******" + command.card().getLast4Digits();
    }
}

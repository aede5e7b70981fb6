package io.s2spay.executor.payment;

import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.event.GatewayOutcomeEvents;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.platform.messaging.DependencyUnavailableException;
import io.s2spay.platform.messaging.EventEnvelopes;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.DeleteStoredCredential;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.StoredCredentialDeleted;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a {@code DeleteStoredCredential} command: deletes the merchant's registration at the gateway (outside any
 * transaction) and publishes {@code StoredCredentialDeleted} or {@code PaymentCommandRejected} through the outbox,
 * in the transaction that marks the command processed. A gateway that cannot be reached or does not answer
 * publishes nothing: the command is retried by the platform's error handler until the gateway answers.
 */
@Service
class StoredCredentialDeletionService {

    static final String COMMAND_TYPE = "DeleteStoredCredential";

    private static final Logger log = LoggerFactory.getLogger(StoredCredentialDeletionService.class);

    // the gateways' stored-card id alphabet: anything else cannot be put in the gateway's URL
    private static final Pattern STORED_CREDENTIAL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final PaymentGateway gateway;
    private final OutboxWriter outbox;
    private final ProcessedMessages processedMessages;
    private final TransactionTemplate transactions;
    private final ExecutorMetrics metrics;

    StoredCredentialDeletionService(
            PaymentGateway gateway,
            OutboxWriter outbox,
            ProcessedMessages processedMessages,
            TransactionTemplate transactions,
            ExecutorMetrics metrics) {
        this.gateway = gateway;
        this.outbox = outbox;
        this.processedMessages = processedMessages;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** Runs {@code envelope} (a DeleteStoredCredential command) once; a redelivered command has no second event. */
    void execute(PaymentCommandEnvelope envelope) {
        if (PaymentInstruction.isBlank(envelope.getMessageId())
                || PaymentInstruction.isBlank(envelope.getPaymentId())
                || PaymentInstruction.isBlank(envelope.getMerchantId())) {
            throw new InvalidMessageException(
                    "DeleteStoredCredential command without messageId, paymentId or merchantId");
        }
        String merchantId = envelope.getMerchantId();
        String credentialId = ((DeleteStoredCredential) envelope.getPayload()).getStoredCredentialId();
        if (credentialId == null || !STORED_CREDENTIAL_ID.matcher(credentialId).matches()) {
            reject(
                    envelope,
                    PaymentRejectionReason.INVALID_STORED_CREDENTIAL_ID,
                    "storedCredentialId must be 1 to 64 letters, digits, '.', '_' or '-'");
            return;
        }
        Optional<GatewayAccount> account = gateway.accountOfStoredCard(merchantId, credentialId);
        if (account.isEmpty()) {
            reject(
                    envelope,
                    PaymentRejectionReason.UNKNOWN_MERCHANT_ACCOUNT,
                    "merchant " + merchantId + " has no gateway account configured for stored credential "
                            + credentialId);
            return;
        }
        GatewayTransaction answer =
                gateway.portOf(account.get()).deleteStoredCard(account.get().account(), credentialId);
        if (answer.outcome() == GatewayOutcome.SUCCEEDED) {
            // deleted now, or before: what the merchant asked for
            deleted(envelope, credentialId, answer);
        } else if (answer.evidence() == Evidence.NOT_RECEIVED) {
            reject(
                    envelope,
                    PaymentRejectionReason.STORED_CREDENTIAL_NOT_FOUND,
                    "the gateway holds no stored credential " + credentialId + " of merchant " + merchantId + " ("
                            + answer.summary() + ")");
        } else if (answer.outcome() == GatewayOutcome.UNKNOWN || answer.evidence() == Evidence.NOT_SENT) {
            // no answer, 5xx, rate limit, circuit open: nothing is known, so nothing is published; DELETE is
            // idempotent, so the retry may safely send it again
            throw new DependencyUnavailableException("stored credential " + credentialId + " of merchant "
                    + merchantId + ": the gateway did not answer the deletion (" + answer.summary()
                    + ")");
        } else {
            reject(
                    envelope,
                    PaymentRejectionReason.STORED_CREDENTIAL_DELETION_REFUSED,
                    "the gateway refused to delete " + credentialId + ": " + answer.summary());
        }
    }

    private void deleted(PaymentCommandEnvelope command, String credentialId, GatewayTransaction answer) {
        StoredCredentialDeleted payload = StoredCredentialDeleted.newBuilder()
                .setStoredCredentialId(credentialId)
                .setGatewayResult(answer.resultCode() == null ? null : GatewayOutcomeEvents.gatewayResult(answer))
                .build();
        if (publish(command, payload)) {
            log.info(
                    "Stored credential {} of merchant {} deleted (command {}): {}",
                    credentialId,
                    command.getMerchantId(),
                    command.getMessageId(),
                    answer.summary());
        }
    }

    private void reject(PaymentCommandEnvelope command, PaymentRejectionReason reason, String text) {
        PaymentCommandRejected payload = PaymentCommandRejected.newBuilder()
                .setCommandMessageId(command.getMessageId())
                .setCommandType(COMMAND_TYPE)
                .setReasonCode(reason.name())
                .setReason(text)
                .build();
        if (publish(command, payload)) {
            log.warn(
                    "DeleteStoredCredential {} for payment {} rejected: {} {}",
                    command.getMessageId(),
                    command.getPaymentId(),
                    reason,
                    text);
            metrics.rejection(reason);
        }
    }

    /** Marks the command processed and appends the event in one transaction; false when it was processed before. */
    private boolean publish(PaymentCommandEnvelope command, SpecificRecord payload) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!processedMessages.markProcessed(command.getMessageId())) {
                log.info("DeleteStoredCredential {} already processed; skipped", command.getMessageId());
                return false;
            }
            outbox.append(Topics.PAYMENT_EVENTS, command.getPaymentId(), EventEnvelopes.causedBy(command, payload));
            return true;
        }));
    }
}

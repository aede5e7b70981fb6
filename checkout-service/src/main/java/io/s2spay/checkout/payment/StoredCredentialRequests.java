package io.s2spay.checkout.payment;

import io.s2spay.checkout.CheckoutProperties;
import io.s2spay.checkout.payment.PaymentUpdateNotifications.Waiter;
import io.s2spay.checkout.web.ApiProblemException;
import io.s2spay.checkout.web.Problems;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers {@code /v1/stored-credentials/{id}}: reads a stored card, and deletes it by sending
 * {@code DeleteStoredCredential} to the executor (which deregisters it at the gateway); the credential cannot be
 * charged from the moment the deletion is asked, and DELETE waits up to the sync wait for the gateway's answer.
 */
@Component
class StoredCredentialRequests {

    private final StoredCredentialRepository credentials;
    private final OutboxWriter outbox;
    private final PaymentUpdateNotifications notifications;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration syncWait;

    StoredCredentialRequests(
            StoredCredentialRepository credentials,
            OutboxWriter outbox,
            PaymentUpdateNotifications notifications,
            TransactionTemplate transactions,
            Clock clock,
            CheckoutProperties properties) {
        this.credentials = credentials;
        this.outbox = outbox;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
        this.syncWait = properties.syncWait();
    }

    StoredCredentialView find(String merchantId, String id) {
        return own(merchantId, id).toView();
    }

    /** The deleted credential (200), or the one being deleted when the gateway did not answer in time (202). */
    Deletion delete(String merchantId, String id, String correlationId) {
        Instant deadline = clock.instant().plus(syncWait);
        StoredCredentialRow current = own(merchantId, id);
        try (Waiter waiter = notifications.register(current.paymentId())) {
            StoredCredentialRow asked = transactions.execute(status -> {
                StoredCredentialRow row = credentials.lock(merchantId, id).orElseThrow(() -> notFound(id));
                if (row.status() == StoredCredentialRow.Status.ACTIVE) {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    PaymentCommandEnvelope command = PaymentMessages.deleteCredential(row, correlationId, now);
                    credentials.markDeleting(row.id(), command.getMessageId(), now);
                    outbox.append(Topics.PAYMENT_COMMANDS, row.paymentId(), command);
                    return credentials.find(merchantId, id).orElseThrow();
                }
                return row; // already deleting (a retry) or deleted: nothing more to send
            });
            StoredCredentialRow outcome = asked;
            while (outcome.status() == StoredCredentialRow.Status.DELETING) {
                Duration remaining = Duration.between(clock.instant(), deadline);
                if (remaining.isNegative() || remaining.isZero()) {
                    break;
                }
                try {
                    waiter.await(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                outcome = own(merchantId, id);
            }
            if (outcome.status() == StoredCredentialRow.Status.ACTIVE) {
                ProblemDetail problem = Problems.of(
                        HttpStatus.BAD_GATEWAY,
                        "stored-credential-deletion-refused",
                        "Deletion refused",
                        "the gateway refused to delete stored credential " + id + ": " + outcome.failureReason()
                                + "; it can still be charged, retry the deletion later");
                problem.setProperty("code", "deletion_refused");
                throw new ApiProblemException(problem);
            }
            return new Deletion(outcome.toView(), outcome.status() == StoredCredentialRow.Status.DELETED);
        }
    }

    /** The credential after a DELETE and whether the gateway already confirmed it. */
    record Deletion(StoredCredentialView credential, boolean done) {}

    private StoredCredentialRow own(String merchantId, String id) {
        if (!PaymentRequestValidator.STORED_CREDENTIAL_ID.matcher(id).matches()) {
            throw notFound(id);
        }
        return credentials.find(merchantId, id).orElseThrow(() -> notFound(id));
    }

    private static ApiProblemException notFound(String id) {
        return new ApiProblemException(Problems.of(
                HttpStatus.NOT_FOUND,
                "stored-credential-not-found",
                "Stored credential not found",
                "there is no stored credential " + PaymentRequests.abbreviate(id) + " for this merchant"));
    }
}

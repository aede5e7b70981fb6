package io.s2spay.checkout.payment;

import io.s2spay.checkout.idempotency.IdempotencyStore.StoredResponse;
import io.s2spay.checkout.payment.IdempotencyGuard.IdempotentRequest;
import io.s2spay.checkout.web.ApiProblemException;
import io.s2spay.checkout.web.InvalidRequestException;
import io.s2spay.checkout.web.Problems;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.vault.CardVault;
import io.s2spay.vault.VaultedCard;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a payment in one transaction: idempotency claim, merchantTransactionId register, encrypted card (card
 * payments), read-model row, the command for the executor and the {@code PaymentRequested} event (both through
 * the outbox), and the first response for the idempotency key. Either all of it commits or none of it.
 */
@Service
class PaymentService {

    private final PaymentRepository payments;
    private final StoredCredentialRepository credentials;
    private final CardVault vault;
    private final OutboxWriter outbox;
    private final IdempotencyGuard idempotency;
    private final ShopperReturnLinks returnLinks;
    private final JsonMapper json;
    private final Clock clock;

    PaymentService(
            PaymentRepository payments,
            StoredCredentialRepository credentials,
            CardVault vault,
            OutboxWriter outbox,
            IdempotencyGuard idempotency,
            ShopperReturnLinks returnLinks,
            JsonMapper json,
            Clock clock) {
        this.payments = payments;
        this.credentials = credentials;
        this.vault = vault;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.returnLinks = returnLinks;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Acceptance accept(
            String merchantId,
            String paymentId,
            String correlationId,
            ValidatedPayment payment,
            IdempotentRequest idempotentRequest,
            Duration expectedDuration) {
        Optional<StoredResponse> replay = idempotency.claim(merchantId, idempotentRequest, expectedDuration);
        if (replay.isPresent()) {
            return new Acceptance.Replayed(replay.get());
        }
        StoredCredentialRow credential = payment.merchantInitiated() ? chargeableCredential(merchantId, payment) : null;
        Optional<String> existing =
                payments.claimMerchantTransactionId(merchantId, payment.merchantTransactionId(), paymentId);
        if (existing.isPresent()) {
            throw duplicate(payment.merchantTransactionId(), existing.get());
        }

        VaultedCard card = payment.card() == null ? null : vault.store(merchantId, payment.card());
        // PostgreSQL and Avro keep micro- and milliseconds: the answer must equal what GET reads back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String brand = credential != null ? credential.paymentBrand() : payment.paymentBrand();
        PaymentCommandEnvelope command = PaymentMessages.command(
                paymentId,
                merchantId,
                correlationId,
                now,
                payment,
                brand,
                card,
                credential,
                credential != null ? null : returnLinks.urlFor(paymentId));
        PaymentRow.MaskedCard masked = card != null
                ? new PaymentRow.MaskedCard(
                        card.bin(), card.last4Digits(), card.brand(), card.expiryMonth(), card.expiryYear())
                : credential != null ? credential.card() : null;
        PaymentRow.StoredCredentialUse storedCredential = credential != null
                ? new PaymentRow.StoredCredentialUse(false, credential.type(), credential.id())
                : payment.storeCard()
                        ? new PaymentRow.StoredCredentialUse(true, payment.storedCredentialType(), null)
                        : PaymentRow.StoredCredentialUse.NONE;
        PaymentRow row = new PaymentRow(
                paymentId,
                merchantId,
                payment.paymentType().name(),
                PaymentStatus.PENDING,
                payment.amountMinor(),
                payment.currency(),
                brand,
                payment.merchantTransactionId(),
                payment.descriptor(),
                payment.shopperResultUrl(),
                card == null ? null : card.vaultId(),
                command.getMessageId(),
                masked,
                PaymentRow.Outcome.NONE,
                io.s2spay.domain.balance.PaymentMovements.NONE,
                storedCredential,
                now,
                now);
        payments.insert(row);

        outbox.append(Topics.PAYMENT_COMMANDS, paymentId, command);
        outbox.append(
                Topics.PAYMENT_EVENTS,
                paymentId,
                PaymentMessages.requested(
                        paymentId, merchantId, correlationId, now, payment, brand, masked, command.getMessageId()));

        PaymentView view = row.toView();
        idempotency.storeFirst(
                merchantId,
                idempotentRequest,
                new StoredResponse(HttpStatus.ACCEPTED.value(), json.writeValueAsBytes(view), paymentId));
        return new Acceptance.Accepted(view);
    }

    /** The merchant's stored card to charge, if it may be charged (and by the brand the request names). */
    private StoredCredentialRow chargeableCredential(String merchantId, ValidatedPayment payment) {
        StoredCredentialRow credential = credentials
                .find(merchantId, payment.storedCredentialId())
                .orElseThrow(() -> new InvalidRequestException(
                        "storedCredentialId",
                        "there is no stored credential " + payment.storedCredentialId() + " for this merchant"));
        if (credential.status() != StoredCredentialRow.Status.ACTIVE) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.CONFLICT,
                    "stored-credential-deleted",
                    "Stored credential deleted",
                    "stored credential " + credential.id() + " is "
                            + credential.status().apiName() + " and can no longer be charged");
            problem.setProperty(
                    "code", "stored_credential_" + credential.status().apiName());
            throw new ApiProblemException(problem);
        }
        if (payment.paymentBrand() != null && !payment.paymentBrand().equals(credential.paymentBrand())) {
            throw new InvalidRequestException(
                    "paymentBrand",
                    "is " + payment.paymentBrand() + " but the stored credential is a " + credential.paymentBrand()
                            + " card");
        }
        return credential;
    }

    private static ApiProblemException duplicate(String merchantTransactionId, String existingPaymentId) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                "duplicate-merchant-transaction-id",
                "Duplicate merchantTransactionId",
                "merchantTransactionId '" + merchantTransactionId + "' was already used for payment "
                        + existingPaymentId);
        problem.setProperty("paymentId", existingPaymentId);
        problem.setProperty("payment", "/v1/payments/" + existingPaymentId);
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create("/v1/payments/" + existingPaymentId));
        return new ApiProblemException(problem, headers);
    }

    /** What accepting a request led to. */
    sealed interface Acceptance {

        /** A new payment, pending. */
        record Accepted(PaymentView payment) implements Acceptance {}

        /** A retry of an answered request: its stored response. */
        record Replayed(StoredResponse response) implements Acceptance {}
    }
}

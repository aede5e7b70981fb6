package io.s2spay.checkout.payment;

import io.s2spay.checkout.idempotency.IdempotencyStore;
import io.s2spay.checkout.idempotency.IdempotencyStore.Claim;
import io.s2spay.checkout.idempotency.IdempotencyStore.StoredResponse;
import io.s2spay.checkout.web.ApiProblemException;
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
 * Accepts a payment in one transaction: idempotency claim, merchantTransactionId register, encrypted card,
 * read-model row, the command for the executor and the {@code PaymentRequested} event (both through the
 * outbox), and the first response for the idempotency key. Either all of it commits or none of it.
 */
@Service
class PaymentService {

    private final PaymentRepository payments;
    private final CardVault vault;
    private final OutboxWriter outbox;
    private final IdempotencyStore idempotency;
    private final JsonMapper json;
    private final Clock clock;

    PaymentService(PaymentRepository payments, CardVault vault, OutboxWriter outbox, IdempotencyStore idempotency,
            JsonMapper json, Clock clock) {
        this.payments = payments;
        this.vault = vault;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Acceptance accept(String merchantId, String paymentId, String correlationId, ValidatedPayment payment,
            IdempotentRequest idempotentRequest, Duration expectedDuration) {
        if (idempotentRequest != null) {
            Claim claim = idempotency.claim(merchantId, idempotentRequest.key(), idempotentRequest.fingerprint(),
                    expectedDuration);
            switch (claim) {
                case Claim.Claimed claimed -> { }
                case Claim.Replay replay -> {
                    return new Acceptance.Replayed(replay.response());
                }
                case Claim.InFlight inFlight -> throw new ApiProblemException(Problems.of(HttpStatus.CONFLICT,
                        "idempotent-request-in-progress", "Request in progress",
                        "a request with this Idempotency-Key is still being processed; retry later for its response"));
                case Claim.DifferentRequest different -> throw new ApiProblemException(Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                        "this Idempotency-Key was already used for a different request; use a new key for a new request"));
            }
        }
        Optional<String> existing = payments.claimMerchantTransactionId(merchantId, payment.merchantTransactionId(), paymentId);
        if (existing.isPresent()) {
            throw duplicate(payment.merchantTransactionId(), existing.get());
        }

        VaultedCard card = vault.store(merchantId, payment.card());
        // PostgreSQL and Avro keep micro- and milliseconds: the answer must equal what GET reads back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PaymentCommandEnvelope command = PaymentMessages.command(paymentId, merchantId, correlationId, now, payment, card);
        PaymentRow row = new PaymentRow(paymentId, merchantId, payment.paymentType().name(), PaymentStatus.PENDING,
                payment.amountMinor(), payment.currency(), payment.paymentBrand(), payment.merchantTransactionId(),
                payment.descriptor(), payment.shopperResultUrl(), card.vaultId(), command.getMessageId(),
                new PaymentRow.MaskedCard(card.bin(), card.last4Digits(), card.brand(), card.expiryMonth(),
                        card.expiryYear()),
                PaymentRow.Outcome.NONE, now, now);
        payments.insert(row);

        outbox.append(Topics.PAYMENT_COMMANDS, paymentId, command);
        outbox.append(Topics.PAYMENT_EVENTS, paymentId,
                PaymentMessages.requested(paymentId, merchantId, correlationId, now, payment, card, command.getMessageId()));

        PaymentView view = row.toView();
        if (idempotentRequest != null) {
            idempotency.storeFirstResponse(merchantId, idempotentRequest.key(),
                    new StoredResponse(HttpStatus.ACCEPTED.value(), json.writeValueAsBytes(view), paymentId));
        }
        return new Acceptance.Accepted(view);
    }

    private static ApiProblemException duplicate(String merchantTransactionId, String existingPaymentId) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "duplicate-merchant-transaction-id",
                "Duplicate merchantTransactionId",
                "merchantTransactionId '" + merchantTransactionId + "' was already used for payment " + existingPaymentId);
        problem.setProperty("paymentId", existingPaymentId);
        problem.setProperty("payment", "/v1/payments/" + existingPaymentId);
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create("/v1/payments/" + existingPaymentId));
        return new ApiProblemException(problem, headers);
    }

    /** An {@code Idempotency-Key} and the fingerprint of the request that came with it. */
    record IdempotentRequest(String key, String fingerprint) {}

    /** What accepting a request led to. */
    sealed interface Acceptance {

        /** A new payment, pending. */
        record Accepted(PaymentView payment) implements Acceptance {}

        /** A retry of an answered request: its stored response. */
        record Replayed(StoredResponse response) implements Acceptance {}
    }
}

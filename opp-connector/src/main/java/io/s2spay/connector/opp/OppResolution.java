package io.s2spay.connector.opp;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.s2spay.connector.support.ResolutionSettings;
import java.time.Duration;
import java.util.List;

/**
 * Finding out what OPP holds, without sending anything that could move money: the status of one transaction, the
 * unlimited query endpoint (by id or by merchantTransactionId), and the resolution of an uncertain outcome, once or
 * with the bounded retries of {@code s2spay.opp.resolution.*}.
 */
final class OppResolution {

    private final OppProperties properties;
    private final OppTransport transport;

    OppResolution(OppProperties properties, OppTransport transport) {
        this.properties = properties;
        this.transport = transport;
    }

    /** {@code GET /v1/payments/{id}}: two per minute per transaction at OPP. */
    OppTransaction paymentStatus(String merchantId, String resourcePathOrId) {
        String paymentId = OppIds.paymentIdOf(resourcePathOrId);
        OppProperties.Account account = properties.account(merchantId);
        return transport
                .get(account, "v1/payments/" + paymentId, null, "GET status " + paymentId + " merchant=" + merchantId)
                .toStatusResult(paymentId);
    }

    /** {@code GET /v1/query/{id}}. */
    OppTransaction queryById(String merchantId, String gatewayPaymentId) {
        OppProperties.Account account = properties.account(merchantId);
        String id = OppIds.checked(gatewayPaymentId, "gatewayPaymentId");
        return transport
                .get(account, "v1/query/" + id, null, "GET query " + id + " merchant=" + merchantId)
                .toStatusResult(id);
    }

    /** Every transaction held under {@code merchantTransactionId}; throws when the gateway could not be asked. */
    List<OppTransaction> queryAllByMerchantTransactionId(String merchantId, String merchantTransactionId) {
        OppQueryAnswer answer = query(merchantId, merchantTransactionId);
        if (answer.unanswered() != null) {
            throw new OppGatewayException(
                    "query by merchantTransactionId " + merchantTransactionId + " failed", answer.unanswered());
        }
        return answer.held();
    }

    /** See {@link OppGatewayClient#resolve(String, String, OppPaymentType)}; {@code type} null for the initial one. */
    OppTransaction resolve(String merchantId, String merchantTransactionId, OppPaymentType type) {
        OppQueryAnswer answer = query(merchantId, merchantTransactionId);
        if (answer.unanswered() != null) {
            return answer.unanswered();
        }
        List<OppTransaction> candidates = answer.held();
        if (type != null) {
            candidates = candidates.stream().filter(t -> t.type() == type).toList();
        } else if (candidates.stream()
                .anyMatch(t -> t.type() != null && t.type().isInitial())) {
            candidates = candidates.stream()
                    .filter(t -> t.type() != null && t.type().isInitial())
                    .toList();
        }
        if (candidates.isEmpty()) {
            return OppTransaction.notReceived(merchantTransactionId, answer.resultCode(), answer.resultDescription());
        }
        return OppResponses.mostSignificant(candidates);
    }

    /** {@link #resolve} asked again with bounded exponential backoff while the outcome stays UNKNOWN. */
    OppTransaction resolveWithRetries(String merchantId, String merchantTransactionId, OppPaymentType type) {
        ResolutionSettings settings = properties.resolution();
        Retry retry = Retry.of(
                "opp-resolve",
                RetryConfig.<OppTransaction>custom()
                        .maxAttempts(settings.maxQueries())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(
                                settings.initialBackoff().isZero() ? Duration.ofMillis(1) : settings.initialBackoff(),
                                settings.backoffMultiplier()))
                        .retryOnResult(transaction -> transaction.outcome() == OppOutcome.UNKNOWN)
                        .failAfterMaxAttempts(false)
                        .build());
        return retry.executeSupplier(() -> resolve(merchantId, merchantTransactionId, type));
    }

    private OppQueryAnswer query(String merchantId, String merchantTransactionId) {
        if (merchantTransactionId == null || merchantTransactionId.isBlank()) {
            throw new IllegalArgumentException("merchantTransactionId is required");
        }
        OppProperties.Account account = properties.account(merchantId);
        return transport
                .get(
                        account,
                        "v1/query",
                        merchantTransactionId,
                        "GET query mtid=" + merchantTransactionId + " merchant=" + merchantId)
                .toQueryAnswer(merchantTransactionId);
    }
}

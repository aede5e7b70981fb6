package io.s2spay.checkout.payment;

import io.s2spay.checkout.idempotency.IdempotencyStore;
import io.s2spay.checkout.idempotency.IdempotencyStore.Claim;
import io.s2spay.checkout.idempotency.IdempotencyStore.StoredResponse;
import io.s2spay.checkout.web.ApiProblemException;
import io.s2spay.checkout.web.Problems;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Claims a request's {@code Idempotency-Key} in the transaction of its effect, for every POST of the API alike:
 * a new key goes ahead, a retry gets the stored response, a key in flight or reused for another request is a
 * problem.
 */
@Component
class IdempotencyGuard {

    private final IdempotencyStore store;

    IdempotencyGuard(IdempotencyStore store) {
        this.store = store;
    }

    /** The stored response to replay, or empty when the request is new (or carries no key). */
    Optional<StoredResponse> claim(String merchantId, IdempotentRequest request, Duration expectedDuration) {
        if (request == null) {
            return Optional.empty();
        }
        Claim claim = store.claim(merchantId, request.key(), request.fingerprint(), expectedDuration);
        return switch (claim) {
            case Claim.Claimed claimed -> Optional.empty();
            case Claim.Replay replay -> Optional.of(replay.response());
            case Claim.InFlight inFlight ->
                throw new ApiProblemException(Problems.of(
                        HttpStatus.CONFLICT,
                        "idempotent-request-in-progress",
                        "Request in progress",
                        "a request with this Idempotency-Key is still being processed; retry later for its response"));
            case Claim.DifferentRequest different ->
                throw new ApiProblemException(
                        Problems.of(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "idempotency-key-reused",
                                "Idempotency-Key reused",
                                "this Idempotency-Key was already used for a different request; use a new key for a new request"));
        };
    }

    /** Stores the response the request would get now, in the same transaction. */
    void storeFirst(String merchantId, IdempotentRequest request, StoredResponse response) {
        if (request != null) {
            store.storeFirstResponse(merchantId, request.key(), response);
        }
    }

    /** An {@code Idempotency-Key} and the fingerprint of the request that came with it. */
    record IdempotentRequest(String key, String fingerprint) {}
}

package io.s2spay.poller.resolution;

import io.s2spay.poller.tracking.TrackingStatus;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** What one check of a tracked payment at the gateway leads to. */
sealed interface Decision {

    /** The outcome is final: publish it and stop tracking. */
    record Settle(SpecificRecord payload, String summary) implements Decision {}

    /**
     * Not final yet: check again at {@code nextCheckAt}, possibly in another status, publishing {@code payload}
     * first when there is news the other services need (e.g. a redirect found for an unknown outcome).
     */
    record CheckAgain(
            TrackingStatus status,
            String gatewayTransactionId,
            String lastResult,
            Instant nextCheckAt,
            SpecificRecord payload)
            implements Decision {}
}

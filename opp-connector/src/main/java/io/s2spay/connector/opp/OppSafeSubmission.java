package io.s2spay.connector.opp;

import io.s2spay.connector.support.ResolutionSettings;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending a transaction so that it is carried out at most once: sent once, and when its outcome is UNKNOWN,
 * resolved through the query endpoint before anything is sent again; sent again, with the same merchantTransactionId,
 * only when the gateway provably never received it, at most {@code s2spay.opp.resolution.max-resends} times.
 */
final class OppSafeSubmission {

    private static final Logger log = LoggerFactory.getLogger(OppGatewayClient.class);

    private final OppProperties properties;
    private final OppResolution resolution;

    OppSafeSubmission(OppProperties properties, OppResolution resolution) {
        this.properties = properties;
        this.resolution = resolution;
    }

    OppTransaction submit(
            String merchantId, String merchantTransactionId, OppPaymentType type, Supplier<OppTransaction> send) {
        ResolutionSettings settings = properties.resolution();
        OppTransaction result = send.get();
        int resends = 0;
        while (result.outcome() == OppOutcome.UNKNOWN) {
            log.warn(
                    "OPP outcome of mtid={} is unknown ({}{}); resolving through the query endpoint",
                    merchantTransactionId,
                    result.category(),
                    result.failureReason() == null ? "" : ": " + result.failureReason());
            pause(settings.initialBackoff());
            OppTransaction resolved = resolution.resolveWithRetries(merchantId, merchantTransactionId, type);
            if (resolved.category() != ResultCategory.NOT_RECEIVED || resends >= settings.maxResends()) {
                return resolved;
            }
            resends++;
            log.info(
                    "OPP never received mtid={}; sending it again (resend {} of {})",
                    merchantTransactionId,
                    resends,
                    settings.maxResends());
            // should the first attempt arrive late after all, the gateway refuses this one as a duplicate and
            // the submission returns the first one's outcome instead (see OppGatewayClient.unlessDuplicate)
            result = send.get();
            if (result.category() == ResultCategory.NOT_SENT) {
                // this resend never left, but the earlier send's fate is still open: not "nothing reached the gateway"
                return OppTransaction.unknown(
                        ResultCategory.NO_RESPONSE,
                        merchantTransactionId,
                        "an earlier send got" + " no usable answer and the resend was not sent ("
                                + result.failureReason() + ")");
            }
        }
        return result;
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

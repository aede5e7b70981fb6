package io.s2spay.gateway.routing;

import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;

/**
 * When a payment may go on to the next gateway account of its route: only when the account it was sent to failed
 * technically <em>and</em> provably did not process it, so sending it elsewhere cannot charge the shopper twice.
 */
public final class Failover {

    private Failover() {}

    /**
     * True for a FAILED answer whose evidence proves the gateway never had the request: nothing was sent (connection
     * refused, circuit open) or, after a 5xx or a lost answer, the gateway's look-up holds no transaction under the
     * reference. Never for an answer of the gateway (a decline stays a decline, whatever another gateway would say),
     * never for an UNKNOWN outcome (the first gateway may have charged), never for a pending or successful one.
     */
    public static boolean allowed(GatewayTransaction answer) {
        return answer.outcome() == GatewayOutcome.FAILED && answer.evidence().neverReachedGateway();
    }
}

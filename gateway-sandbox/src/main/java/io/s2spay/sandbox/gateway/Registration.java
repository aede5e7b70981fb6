package io.s2spay.sandbox.gateway;

import java.time.Instant;

/** A stored card (OPP registration) that later payments of the same merchant reference by id. */
public record Registration(
        String id,
        String merchant,
        String entityId,
        GatewayBrand brand,
        CardData card,
        String initialPaymentId,
        String initialTransactionId,
        String standingInstructionType,
        boolean deregistered,
        Instant createdAt,
        Instant updatedAt) {

    public Registration deregister(Instant now) {
        return new Registration(
                id,
                merchant,
                entityId,
                brand,
                card,
                initialPaymentId,
                initialTransactionId,
                standingInstructionType,
                true,
                createdAt,
                now);
    }
}

package io.s2spay.gateway;

/**
 * An authenticated, decoded webhook of a gateway: what it is about and the transaction in its payload, classified
 * like any answer. The payload is a hint only: services confirm it through the gateway's look-up before acting.
 *
 * @param subject what the notification concerns
 * @param action  for a stored card, what happened to it (CREATED, UPDATED, DELETED); null otherwise
 */
public record GatewayNotification(Subject subject, GatewayTransaction transaction, String action) {

    /** What a notification is about. */
    public enum Subject {
        /** A payment or an operation on one (status change, chargeback, receipt...). */
        PAYMENT,
        /** A stored card. */
        STORED_CARD,
        /** Anything else the gateway sends (risk, ...): acknowledged, not acted on. */
        OTHER
    }

    /** True for notifications about a payment. */
    public boolean isPayment() {
        return subject == Subject.PAYMENT;
    }
}

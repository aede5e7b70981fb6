package io.s2spay.connector.opp;

/**
 * A decrypted, authenticated OPP webhook: its {@code type} (PAYMENT, REGISTRATION, RISK...) and the transaction in
 * its payload, classified like any gateway answer.
 *
 * @param action for REGISTRATION notifications, what happened (CREATED, UPDATED, DELETED); null otherwise
 */
public record OppNotification(String type, OppTransaction transaction, String action) {

    /** True for notifications about a payment (status change, chargeback, receipt...). */
    public boolean isPayment() {
        return "PAYMENT".equals(type);
    }
}

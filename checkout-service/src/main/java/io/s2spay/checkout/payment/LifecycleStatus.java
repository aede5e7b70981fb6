package io.s2spay.checkout.payment;

import io.s2spay.domain.balance.PaymentMovements;
import java.util.Locale;

/**
 * The status a merchant sees ({@code GET /v1/payments/{id}}): the initial payment's state, and once it succeeded,
 * what its operations made of it — captured, refunded, reversed, charged back.
 */
enum LifecycleStatus {
    PENDING,
    REQUIRES_ACTION,
    UNKNOWN,
    AWAITING_RECEIPT,
    /** A pre-authorization whose money is reserved and not captured. */
    AUTHORIZED,
    PARTIALLY_CAPTURED,
    CAPTURED,
    /** A debit whose money is taken. */
    SUCCEEDED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    REVERSED,
    CHARGED_BACK,
    DECLINED,
    FAILED,
    EXPIRED;

    /** The status of a payment of {@code paymentType} in state {@code state} with these movements. */
    static LifecycleStatus of(PaymentStatus state, String paymentType, PaymentMovements m) {
        boolean receiptConfirmed = m.receiptMinor() > 0;
        switch (state) {
            case PENDING -> {
                return PENDING;
            }
            case REQUIRES_ACTION -> {
                return REQUIRES_ACTION;
            }
            case UNKNOWN -> {
                return UNKNOWN;
            }
            case DECLINED -> {
                return DECLINED;
            }
            case FAILED -> {
                return FAILED;
            }
            case EXPIRED -> {
                return EXPIRED;
            }
            case AWAITING_RECEIPT -> {
                if (!receiptConfirmed) {
                    return AWAITING_RECEIPT;
                }
            }
            case SUCCEEDED -> {}
        }
        if (m.openChargebackMinor() > 0) {
            return CHARGED_BACK;
        }
        if (m.refundedMinor() > 0) {
            return m.refundableMinor() <= 0 ? REFUNDED : PARTIALLY_REFUNDED;
        }
        if (!"PA".equals(paymentType)) {
            return SUCCEEDED;
        }
        if (m.reversedMinor() > 0) {
            return REVERSED;
        }
        long settled = m.settledMinor();
        if (settled == 0) {
            return AUTHORIZED;
        }
        return settled < m.authorizedTotalMinor() ? PARTIALLY_CAPTURED : CAPTURED;
    }

    /**
     * Whether {@code POST /v1/payments} answers with this status instead of waiting on: all but a payment not
     * sent yet and one whose outcome is still being resolved (see {@link PaymentStatus#answersPaymentRequest()}).
     */
    boolean answersPaymentRequest() {
        return this != PENDING && this != UNKNOWN;
    }

    /** The API's name, e.g. {@code partially_refunded}. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of this API name, e.g. from a {@code status} filter; null when there is none. */
    static LifecycleStatus fromApiName(String name) {
        for (LifecycleStatus status : values()) {
            if (status.apiName().equals(name)) {
                return status;
            }
        }
        return null;
    }
}

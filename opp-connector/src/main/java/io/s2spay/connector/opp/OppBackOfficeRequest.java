package io.s2spay.connector.opp;

/**
 * A back-office operation for {@code POST /v1/payments/{id}}: CP, RV, RF, RB, CB, CR or RC on an existing payment.
 *
 * @param amountMinor           amount in minor units; may be null only for a reversal (RV) or a receipt (RC), which
 *                              apply to the whole payment
 * @param currency              ISO 4217 code, required with an amount
 * @param merchantTransactionId this operation's own unique reference (not the original payment's): it is how an
 *                              UNKNOWN outcome of the operation is resolved through the query endpoint
 */
public record OppBackOfficeRequest(
        OppPaymentType paymentType, Long amountMinor, String currency, String merchantTransactionId) {

    public OppBackOfficeRequest {
        if (paymentType == null || !paymentType.isBackOffice()) {
            throw new IllegalArgumentException(
                    "a back-office operation is CP, RV, RF, RB, CB, CR or RC, not " + paymentType);
        }
        if (amountMinor == null && paymentType != OppPaymentType.RV && paymentType != OppPaymentType.RC) {
            throw new IllegalArgumentException(paymentType + " needs an amount");
        }
        if (amountMinor != null && amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be greater than zero");
        }
        if (amountMinor != null && (currency == null || !currency.matches("[A-Z]{3}"))) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        if (merchantTransactionId == null || merchantTransactionId.isBlank() || merchantTransactionId.length() > 255) {
            throw new IllegalArgumentException("merchantTransactionId is required (1..255 characters)");
        }
    }

    /** An operation with an amount (CP, RF, RB, CB, CR, RC, or a partial RV). */
    public static OppBackOfficeRequest of(
            OppPaymentType type, long amountMinor, String currency, String merchantTransactionId) {
        return new OppBackOfficeRequest(type, amountMinor, currency, merchantTransactionId);
    }

    /** A full reversal of the referenced payment. */
    public static OppBackOfficeRequest reversal(String merchantTransactionId) {
        return new OppBackOfficeRequest(OppPaymentType.RV, null, null, merchantTransactionId);
    }

    /** The merchant's confirmation that the whole amount of an asynchronous payment was received. */
    public static OppBackOfficeRequest receipt(String merchantTransactionId) {
        return new OppBackOfficeRequest(OppPaymentType.RC, null, null, merchantTransactionId);
    }
}

package io.s2spay.connector.opp.report;

import io.s2spay.connector.opp.OppResultCodes;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.schema.internal.OppTransactionReported;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The one mapping between a back-office transaction OPP reported (and its query endpoint confirmed) and its
 * {@link OppTransactionReported} message on the internal topic {@code Topics.OPP_TRANSACTIONS}, both ways.
 */
public final class OppTransactionReports {

    private OppTransactionReports() {}

    /**
     * The report of {@code confirmed}, the query endpoint's answer for a notified transaction, belonging to the initial
     * payment {@code payment} (null when it could not be found).
     *
     * @throws IllegalArgumentException when the answer lacks what a report needs (id, type, amount, result)
     */
    public static OppTransactionReported of(
            String merchantId, OppTransaction confirmed, OppTransaction payment, Instant reportedAt) {
        if (confirmed.gatewayTransactionId() == null
                || confirmed.paymentType() == null
                || confirmed.amountMinor() == null
                || confirmed.currency() == null
                || confirmed.resultCode() == null) {
            throw new IllegalArgumentException("the gateway's answer for " + confirmed.gatewayTransactionId()
                    + " lacks its id, type, amount, currency or result");
        }
        return OppTransactionReported.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setMerchantId(merchantId)
                .setReportedAt(reportedAt.truncatedTo(ChronoUnit.MILLIS))
                .setGatewayTransactionId(confirmed.gatewayTransactionId())
                .setPaymentType(confirmed.paymentType())
                .setAmountMinor(confirmed.amountMinor())
                .setCurrency(confirmed.currency())
                .setResultCode(confirmed.resultCode())
                .setResultDescription(confirmed.resultDescription() == null ? "" : confirmed.resultDescription())
                .setTimestamp(
                        confirmed.timestamp() == null
                                ? null
                                : confirmed.timestamp().truncatedTo(ChronoUnit.MILLIS))
                .setMerchantTransactionId(confirmed.merchantTransactionId())
                .setReferencedId(confirmed.referencedId())
                .setPaymentGatewayTransactionId(payment == null ? null : payment.gatewayTransactionId())
                .setPaymentMerchantTransactionId(payment == null ? null : payment.merchantTransactionId())
                .build();
    }

    /**
     * The record key: the initial payment's gateway id, so that every report about one payment keeps its order;
     * the referenced or the reported transaction's own id when the payment is not known.
     */
    public static String key(OppTransactionReported report) {
        if (report.getPaymentGatewayTransactionId() != null) {
            return report.getPaymentGatewayTransactionId();
        }
        return report.getReferencedId() != null ? report.getReferencedId() : report.getGatewayTransactionId();
    }

    /** The reported transaction as the connector answered it (outcome and category from its result code). */
    public static OppTransaction transaction(OppTransactionReported report) {
        String code = report.getResultCode();
        return new OppTransaction(
                OppResultCodes.outcomeOf(code),
                OppResultCodes.classify(code),
                report.getGatewayTransactionId(),
                report.getPaymentType(),
                code,
                report.getResultDescription(),
                report.getAmountMinor(),
                report.getCurrency(),
                report.getMerchantTransactionId(),
                null,
                null,
                null,
                report.getTimestamp(),
                null,
                null,
                report.getReferencedId(),
                null);
    }
}

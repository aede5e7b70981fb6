package io.s2spay.gateway.event;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.ResultClassification;
import io.s2spay.schema.internal.OppTransactionReported;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The one mapping between an operation a gateway reported (and its look-up confirmed) and its
 * {@link OppTransactionReported} message on the internal topic {@code Topics.OPP_TRANSACTIONS}, both ways. (The
 * message keeps the name it was published under; it carries nothing only OPP has.)
 */
public final class TransactionReports {

    private TransactionReports() {}

    /**
     * The report of {@code confirmed}, the gateway's look-up of a notified transaction, belonging to the initial
     * payment {@code payment} (null when it could not be found).
     *
     * @throws IllegalArgumentException when the answer lacks what a report needs (id, type, amount, result)
     */
    public static OppTransactionReported of(
            String merchantId, GatewayTransaction confirmed, GatewayTransaction payment, Instant reportedAt) {
        if (confirmed.gatewayTransactionId() == null
                || confirmed.type() == null
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
                .setPaymentType(confirmed.type().name())
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

    /**
     * The reported transaction as its gateway answered it, its result code classified by {@code gateway}; its type
     * null when the report names one s2spay does not know.
     */
    public static GatewayTransaction transaction(OppTransactionReported report, GatewayPort gateway) {
        String code = report.getResultCode();
        ResultClassification meaning = gateway.classify(code);
        return GatewayTransaction.builder(meaning.outcome(), Evidence.ANSWER, meaning.category())
                .longTermPending(meaning.longTermPending())
                .gatewayTransactionId(report.getGatewayTransactionId())
                .type(typeOf(report.getPaymentType()))
                .result(code, report.getResultDescription())
                .amount(report.getAmountMinor(), report.getCurrency())
                .merchantTransactionId(report.getMerchantTransactionId())
                .timestamp(report.getTimestamp())
                .referencedId(report.getReferencedId())
                .build();
    }

    private static TransactionType typeOf(String name) {
        for (TransactionType type : TransactionType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}

package io.s2spay.backoffice.operation;

import io.s2spay.schema.internal.OppTransactionReported;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code reported_operation} table (one row per gateway transaction the gateway reported) and the look-up of the
 * payment such a transaction belongs to.
 */
@Repository
class ReportedOperationStore {

    /** What became of a reported transaction. */
    enum Outcome {
        /** Being handled (never committed as such). */
        RECEIVED,
        /** Published for its payment, and applied to the payment's balances. */
        RECORDED,
        /** One of this service's own operations, whose event the operation itself publishes. */
        OWN_OPERATION,
        /** No payment of the merchant matches it: nothing published. */
        UNKNOWN_PAYMENT,
        /** In another currency than its payment: nothing published. */
        CURRENCY_MISMATCH;

        /** Whether a later report of the same transaction is handled again (its payment may be known by then). */
        boolean retriedWhenReportedAgain() {
            return this == RECEIVED || this == UNKNOWN_PAYMENT;
        }
    }

    /** A row as far as handling a new report (or an operator) needs it. */
    record Row(Outcome outcome, String paymentId, int timesReported, String flag) {}

    private final JdbcClient jdbc;

    ReportedOperationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The transaction's row, created for this report if it is the first, locked for the caller's transaction so that
     * two reports of it are handled one after the other; {@code timesReported} counts this report.
     */
    Row receive(OppTransactionReported report, Instant now) {
        int inserted = jdbc.sql("""
                insert into reported_operation (merchant_id, gateway_transaction_id, operation_type, amount_minor,
                    currency, merchant_transaction_id, referenced_id, payment_gateway_transaction_id, outcome,
                    first_reported_at, last_reported_at)
                values (:merchantId, :gatewayTransactionId, :type, :amountMinor, :currency, :merchantTransactionId,
                    :referencedId, :paymentGatewayTransactionId, 'RECEIVED', :now, :now)
                on conflict (merchant_id, gateway_transaction_id) do nothing
                """)
                .param("merchantId", report.getMerchantId())
                .param("gatewayTransactionId", report.getGatewayTransactionId())
                .param("type", report.getPaymentType())
                .param("amountMinor", report.getAmountMinor())
                .param("currency", report.getCurrency())
                .param("merchantTransactionId", report.getMerchantTransactionId())
                .param("referencedId", report.getReferencedId())
                .param("paymentGatewayTransactionId", report.getPaymentGatewayTransactionId())
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            jdbc.sql("""
                    update reported_operation set times_reported = times_reported + 1, last_reported_at = :now
                    where merchant_id = :merchantId and gateway_transaction_id = :gatewayTransactionId
                    """)
                    .param("merchantId", report.getMerchantId())
                    .param("gatewayTransactionId", report.getGatewayTransactionId())
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return jdbc.sql("""
                select outcome, payment_id, times_reported, flag from reported_operation
                where merchant_id = :merchantId and gateway_transaction_id = :gatewayTransactionId
                for update
                """)
                .param("merchantId", report.getMerchantId())
                .param("gatewayTransactionId", report.getGatewayTransactionId())
                .query((rs, row) -> new Row(
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("payment_id"),
                        rs.getInt("times_reported"),
                        rs.getString("flag")))
                .single();
    }

    /** Records what became of the transaction. */
    void settle(
            OppTransactionReported report,
            Outcome outcome,
            String paymentId,
            String flag,
            String flagReason,
            String eventMessageId) {
        jdbc.sql("""
                update reported_operation set outcome = :outcome, payment_id = :paymentId, flag = :flag,
                    flag_reason = :flagReason, event_message_id = :eventMessageId
                where merchant_id = :merchantId and gateway_transaction_id = :gatewayTransactionId
                """)
                .param("merchantId", report.getMerchantId())
                .param("gatewayTransactionId", report.getGatewayTransactionId())
                .param("outcome", outcome.name())
                .param("paymentId", paymentId)
                .param("flag", flag)
                .param("flagReason", flagReason)
                .param("eventMessageId", eventMessageId)
                .update();
    }

    /**
     * The merchant's payment the reported transaction belongs to: the one whose gateway id is the report's initial
     * payment or referenced transaction, or which owns the referenced capture, rebill or chargeback; failing that,
     * the only successful payment with the initial payment's merchantTransactionId.
     */
    Optional<String> paymentOf(OppTransactionReported report) {
        String merchantId = report.getMerchantId();
        String payment = report.getPaymentGatewayTransactionId();
        String referenced = report.getReferencedId();
        Optional<String> byGatewayId = jdbc.sql("""
                select payment_id from payment_balance
                where merchant_id = :merchantId and gateway_transaction_id in (:payment, :referenced)
                union all
                select payment_id from backoffice_operation
                where merchant_id = :merchantId and gateway_transaction_id = :referenced and state = 'SUCCEEDED'
                union all
                select payment_id from reported_operation
                where merchant_id = :merchantId and gateway_transaction_id = :referenced and outcome = 'RECORDED'
                limit 1
                """)
                .param("merchantId", merchantId)
                .param("payment", payment == null ? "" : payment)
                .param("referenced", referenced == null ? "" : referenced)
                .query(String.class)
                .optional();
        if (byGatewayId.isPresent() || report.getPaymentMerchantTransactionId() == null) {
            return byGatewayId;
        }
        List<String> byMerchantTransactionId = jdbc.sql("""
                select payment_id from payment_balance
                where merchant_id = :merchantId and merchant_transaction_id = :merchantTransactionId
                  and state in ('AUTHORIZED', 'DEBITED')
                limit 2
                """)
                .param("merchantId", merchantId)
                .param("merchantTransactionId", report.getPaymentMerchantTransactionId())
                .query(String.class)
                .list();
        return byMerchantTransactionId.size() == 1 ? Optional.of(byMerchantTransactionId.getFirst()) : Optional.empty();
    }

    /** The row of a reported transaction, for operators and tests. */
    Optional<Row> find(String merchantId, String gatewayTransactionId) {
        return jdbc.sql("""
                select outcome, payment_id, times_reported, flag from reported_operation
                where merchant_id = :merchantId and gateway_transaction_id = :gatewayTransactionId
                """)
                .param("merchantId", merchantId)
                .param("gatewayTransactionId", gatewayTransactionId)
                .query((rs, row) -> new Row(
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("payment_id"),
                        rs.getInt("times_reported"),
                        rs.getString("flag")))
                .optional();
    }
}

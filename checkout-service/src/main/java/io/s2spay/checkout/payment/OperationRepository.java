package io.s2spay.checkout.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_operation} rows of the read model. */
@Repository
class OperationRepository {

    private final JdbcClient jdbc;

    OperationRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void insert(OperationRow row) {
        jdbc.sql("""
                        insert into payment_operation (payment_id, operation_id, merchant_id, operation_type, status,
                               amount_minor, currency, reference, origin, command_message_id, result_code,
                               result_description, gateway_transaction_id, rejection_code, rejection_reason,
                               created_at, updated_at)
                        values (:paymentId, :operationId, :merchantId, :type, :status, :amountMinor, :currency,
                               :reference, :origin, :commandMessageId, :resultCode, :resultDescription,
                               :gatewayTransactionId, :rejectionCode, :rejectionReason, :createdAt, :updatedAt)
                        """)
                .param("paymentId", row.paymentId())
                .param("operationId", row.operationId())
                .param("merchantId", row.merchantId())
                .param("type", row.type().apiName())
                .param("status", row.status().apiName())
                .param("amountMinor", row.amountMinor())
                .param("currency", row.currency())
                .param("reference", row.reference())
                .param("origin", row.origin())
                .param("commandMessageId", row.commandMessageId())
                .param("resultCode", row.resultCode())
                .param("resultDescription", row.resultDescription())
                .param("gatewayTransactionId", row.gatewayTransactionId())
                .param("rejectionCode", row.rejectionCode())
                .param("rejectionReason", row.rejectionReason())
                .param("createdAt", Timestamp.from(row.createdAt()))
                .param("updatedAt", Timestamp.from(row.updatedAt()))
                .update();
    }

    /** Writes back an operation's outcome. */
    void update(OperationRow row) {
        jdbc.sql("""
                        update payment_operation set status = :status, amount_minor = :amountMinor,
                               result_code = :resultCode, result_description = :resultDescription,
                               gateway_transaction_id = :gatewayTransactionId, rejection_code = :rejectionCode,
                               rejection_reason = :rejectionReason, updated_at = :updatedAt
                         where payment_id = :paymentId and operation_id = :operationId
                        """)
                .param("paymentId", row.paymentId())
                .param("operationId", row.operationId())
                .param("status", row.status().apiName())
                .param("amountMinor", row.amountMinor())
                .param("resultCode", row.resultCode())
                .param("resultDescription", row.resultDescription())
                .param("gatewayTransactionId", row.gatewayTransactionId())
                .param("rejectionCode", row.rejectionCode())
                .param("rejectionReason", row.rejectionReason())
                .param("updatedAt", Timestamp.from(row.updatedAt()))
                .update();
    }

    /** The operation, only if its payment belongs to {@code merchantId}. */
    Optional<OperationRow> find(String merchantId, String paymentId, String operationId) {
        return jdbc.sql("""
                        select * from payment_operation
                         where payment_id = :paymentId and operation_id = :operationId and merchant_id = :merchantId
                        """)
                .param("paymentId", paymentId)
                .param("operationId", operationId)
                .param("merchantId", merchantId)
                .query(OperationRepository::row)
                .optional();
    }

    /** The operation, for the caller's transaction that holds its payment's lock. */
    Optional<OperationRow> find(String paymentId, String operationId) {
        return jdbc.sql("select * from payment_operation where payment_id = :paymentId and operation_id = :operationId")
                .param("paymentId", paymentId)
                .param("operationId", operationId)
                .query(OperationRepository::row)
                .optional();
    }

    /** Every operation on the payment, oldest first. */
    List<OperationRow> forPayment(String paymentId) {
        return jdbc.sql(
                        "select * from payment_operation where payment_id = :paymentId order by created_at, operation_id")
                .param("paymentId", paymentId)
                .query(OperationRepository::row)
                .list();
    }

    private static OperationRow row(ResultSet rs, int rowNum) throws SQLException {
        return new OperationRow(
                rs.getString("payment_id"),
                rs.getString("operation_id"),
                rs.getString("merchant_id"),
                OperationType.fromApiName(rs.getString("operation_type")),
                OperationRow.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getObject("amount_minor", Long.class),
                rs.getString("currency"),
                rs.getString("reference"),
                rs.getString("origin"),
                rs.getString("command_message_id"),
                rs.getString("result_code"),
                rs.getString("result_description"),
                rs.getString("gateway_transaction_id"),
                rs.getString("rejection_code"),
                rs.getString("rejection_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

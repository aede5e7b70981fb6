package io.s2spay.backoffice.operation;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.platform.janitor.LeasedClaim;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code backoffice_operation} table. */
@Repository
class BackofficeOperations {

    /** Open operations (SUBMITTING, UNKNOWN) due for resolution. */
    private static final LeasedClaim OPEN_DUE = new LeasedClaim(
            "backoffice_operation",
            List.of("payment_id", "operation_id"),
            LeasedClaim.inList("state", OperationState.open()),
            "next_check_at",
            null);

    private final JdbcClient jdbc;

    BackofficeOperations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Operation> find(String paymentId, String operationId) {
        return jdbc.sql(
                        "select * from backoffice_operation where payment_id = :paymentId and operation_id = :operationId")
                .param("paymentId", paymentId)
                .param("operationId", operationId)
                .query(BackofficeOperations::map)
                .optional();
    }

    /** The operation locked for the caller's transaction, so its outcome is written once. */
    Optional<Operation> lock(String paymentId, String operationId) {
        return jdbc.sql("""
                select * from backoffice_operation where payment_id = :paymentId and operation_id = :operationId
                for update
                """)
                .param("paymentId", paymentId)
                .param("operationId", operationId)
                .query(BackofficeOperations::map)
                .optional();
    }

    /**
     * Whether the gateway transaction with this merchantTransactionId or gateway id is one of this service's own
     * operations for the merchant (its merchantTransactionId is recorded before the operation is sent, so even one
     * whose answer has not come back yet is recognised).
     */
    boolean isOwn(String merchantId, String merchantTransactionId, String gatewayTransactionId) {
        return jdbc.sql("""
                select exists (select 1 from backoffice_operation
                               where merchant_id = :merchantId
                                 and (merchant_transaction_id = :merchantTransactionId
                                      or gateway_transaction_id = :gatewayTransactionId))
                """)
                .param("merchantId", merchantId)
                .param("merchantTransactionId", merchantTransactionId)
                .param("gatewayTransactionId", gatewayTransactionId)
                .query(Boolean.class)
                .single();
    }

    /** The amounts of the operations on a payment whose outcome is not known yet, by type. */
    OpenOperations open(String paymentId) {
        Map<TransactionType, Long> amounts = new EnumMap<>(TransactionType.class);
        jdbc.sql("""
                select operation_type, coalesce(sum(amount_minor), 0) as amount from backoffice_operation
                where payment_id = :paymentId and state in ('SUBMITTING', 'UNKNOWN')
                group by operation_type
                """)
                .param("paymentId", paymentId)
                .query((rs, row) ->
                        amounts.put(TransactionType.valueOf(rs.getString("operation_type")), rs.getLong("amount")))
                .list();
        return OpenOperations.of(amounts);
    }

    /** Records a newly received operation; its state says whether it goes to the gateway or was refused. */
    void insert(Operation op, OperationState state, String reasonCode, String reason, Instant nextCheckAt) {
        jdbc.sql("""
                insert into backoffice_operation (payment_id, operation_id, command_message_id, command_type,
                    operation_type, merchant_id, amount_minor, currency, merchant_transaction_id, correlation_id, state,
                    reason_code, reason, next_check_at, gateway_account, created_at, updated_at)
                values (:paymentId, :operationId, :commandMessageId, :commandType, :operationType, :merchantId,
                    :amountMinor, :currency, :merchantTransactionId, :correlationId, :state, :reasonCode, :reason,
                    :nextCheckAt, :gatewayAccount, :createdAt, :createdAt)
                """)
                .param("paymentId", op.paymentId())
                .param("operationId", op.operationId())
                .param("commandMessageId", op.commandMessageId())
                .param("commandType", op.commandType())
                .param("operationType", op.operationType().name())
                .param("merchantId", op.merchantId())
                .param("amountMinor", op.amountMinor())
                .param("currency", op.currency())
                .param("merchantTransactionId", op.merchantTransactionId())
                .param("correlationId", op.correlationId())
                .param("state", state.name())
                .param("reasonCode", reasonCode)
                .param("reason", reason)
                .param("nextCheckAt", nextCheckAt == null ? null : Timestamp.from(nextCheckAt))
                .param(
                        "gatewayAccount",
                        op.gatewayAccount() == null ? null : op.gatewayAccount().toString())
                .param("createdAt", Timestamp.from(op.createdAt()))
                .update();
    }

    /** Records the gateway's answer (or the lack of one) for an operation. */
    void update(
            Operation op,
            OperationState state,
            String gatewayTransactionId,
            String resultCode,
            String resultDescription,
            String reasonCode,
            String reason,
            Instant nextCheckAt,
            boolean checked,
            Instant at) {
        jdbc.sql("""
                update backoffice_operation set state = :state,
                    gateway_transaction_id = coalesce(:gatewayTransactionId, gateway_transaction_id),
                    result_code = coalesce(:resultCode, result_code),
                    result_description = coalesce(:resultDescription, result_description),
                    reason_code = :reasonCode, reason = :reason, next_check_at = :nextCheckAt,
                    checks_made = checks_made + :checked, updated_at = :at
                where payment_id = :paymentId and operation_id = :operationId
                """)
                .param("paymentId", op.paymentId())
                .param("operationId", op.operationId())
                .param("state", state.name())
                .param("gatewayTransactionId", gatewayTransactionId)
                .param("resultCode", resultCode)
                .param("resultDescription", resultDescription)
                .param("reasonCode", reasonCode)
                .param("reason", reason)
                .param("nextCheckAt", nextCheckAt == null ? null : Timestamp.from(nextCheckAt))
                .param("checked", checked ? 1 : 0)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Claims open operations that are due (unknown outcomes, and submissions stuck since before {@code now} because
     * the service stopped between admitting and recording them), hiding them for {@code lease} from other instances.
     */
    List<Operation> claimDue(Instant now, int limit, Duration lease) {
        return OPEN_DUE.claim(jdbc, now, limit, lease, BackofficeOperations::map);
    }

    private static Operation map(ResultSet rs, int row) throws SQLException {
        long amountValue = rs.getLong("amount_minor");
        Long amount = rs.wasNull() ? null : amountValue;
        String account = rs.getString("gateway_account");
        return new Operation(
                rs.getString("payment_id"),
                rs.getString("operation_id"),
                rs.getString("command_message_id"),
                rs.getString("command_type"),
                TransactionType.valueOf(rs.getString("operation_type")),
                rs.getString("merchant_id"),
                amount,
                rs.getString("currency"),
                rs.getString("merchant_transaction_id"),
                rs.getString("correlation_id"),
                OperationState.valueOf(rs.getString("state")),
                rs.getString("gateway_transaction_id"),
                rs.getInt("checks_made"),
                rs.getTimestamp("created_at").toInstant(),
                account == null ? null : GatewayAccount.parse(account));
    }
}

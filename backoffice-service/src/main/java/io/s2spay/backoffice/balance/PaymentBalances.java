package io.s2spay.backoffice.balance;

import io.s2spay.domain.lifecycle.PaymentLifecycle;
import io.s2spay.domain.lifecycle.PaymentState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_balance} and {@code balance_entry} tables. */
@Repository
public class PaymentBalances {

    private final JdbcClient jdbc;

    PaymentBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entry id of a back-office operation's movement (apart from the initial payment's own entry). */
    public static String operationEntryId(String operationId) {
        return "op:" + operationId;
    }

    /** The balance as committed. */
    public Optional<PaymentBalance> find(String paymentId) {
        return jdbc.sql("select * from payment_balance where payment_id = :paymentId")
                .param("paymentId", paymentId)
                .query(PaymentBalances::map)
                .optional();
    }

    /** The balance locked for the caller's transaction, so checks and updates see no concurrent change. */
    public Optional<PaymentBalance> lock(String paymentId) {
        return jdbc.sql("select * from payment_balance where payment_id = :paymentId for update")
                .param("paymentId", paymentId)
                .query(PaymentBalances::map)
                .optional();
    }

    /** Creates the payment's row if it is new, and fills in what an event tells and the row lacks. */
    void upsertPayment(
            String paymentId,
            String merchantId,
            String paymentType,
            String currency,
            Long requestedMinor,
            String merchantTransactionId,
            String gatewayTransactionId,
            Instant at) {
        jdbc.sql("""
                insert into payment_balance (payment_id, merchant_id, payment_type, currency, requested_minor,
                    merchant_transaction_id, gateway_transaction_id, state, updated_at)
                values (:paymentId, :merchantId, :paymentType, :currency, :requestedMinor,
                    :merchantTransactionId, :gatewayTransactionId, 'REQUESTED', :at)
                on conflict (payment_id) do update set
                    payment_type = coalesce(payment_balance.payment_type, excluded.payment_type),
                    currency = coalesce(payment_balance.currency, excluded.currency),
                    requested_minor = coalesce(payment_balance.requested_minor, excluded.requested_minor),
                    merchant_transaction_id = coalesce(payment_balance.merchant_transaction_id, excluded.merchant_transaction_id),
                    gateway_transaction_id = coalesce(payment_balance.gateway_transaction_id, excluded.gateway_transaction_id),
                    updated_at = excluded.updated_at
                """)
                .param("paymentId", paymentId)
                .param("merchantId", merchantId)
                .param("paymentType", paymentType)
                .param("currency", currency)
                .param("requestedMinor", requestedMinor)
                .param("merchantTransactionId", merchantTransactionId)
                .param("gatewayTransactionId", gatewayTransactionId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Moves the initial payment to {@code state} from the states the lifecycle lets move there
     * ({@link PaymentLifecycle#statesMovingTo}): events of one payment arrive in order, but a final outcome must never
     * be undone by a late or replayed non-final one, nor a payment moved where the table has no move.
     */
    void moveTo(String paymentId, PaymentState state, Instant at) {
        Set<PaymentState> from = PaymentLifecycle.statesMovingTo(state);
        if (from.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update payment_balance set state = :state, updated_at = :at
                where payment_id = :paymentId and state in (:from)
                """)
                .param("paymentId", paymentId)
                .param("state", state.name())
                .param("from", PaymentLifecycle.names(from))
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Applies a movement of money once: the entry's key is (payment, entry id), so the same movement seen
     * again (from the command that caused it and from its event) is ignored. Returns whether it was applied.
     */
    public boolean applyEntry(
            String paymentId,
            String entryId,
            EntryKind kind,
            long amountMinor,
            String currency,
            String sourceMessageId,
            Instant at) {
        int inserted = jdbc.sql("""
                insert into balance_entry (payment_id, entry_id, kind, amount_minor, currency, source_message_id, recorded_at)
                values (:paymentId, :entryId, :kind, :amountMinor, :currency, :sourceMessageId, :at)
                on conflict (payment_id, entry_id) do nothing
                """)
                .param("paymentId", paymentId)
                .param("entryId", entryId)
                .param("kind", kind.name())
                .param("amountMinor", amountMinor)
                .param("currency", currency)
                .param("sourceMessageId", sourceMessageId)
                .param("at", Timestamp.from(at))
                .update();
        if (inserted == 0) {
            return false;
        }
        // the column name comes from the enum, never from input
        String captureCount = kind == EntryKind.CAPTURED ? ", capture_count = capture_count + 1" : "";
        jdbc.sql("update payment_balance set " + kind.column() + " = " + kind.column() + " + :amountMinor"
                        + captureCount + ", updated_at = :at where payment_id = :paymentId")
                .param("paymentId", paymentId)
                .param("amountMinor", amountMinor)
                .param("at", Timestamp.from(at))
                .update();
        return true;
    }

    private static PaymentBalance map(ResultSet rs, int row) throws SQLException {
        long requestedValue = rs.getLong("requested_minor");
        Long requested = rs.wasNull() ? null : requestedValue;
        return new PaymentBalance(
                rs.getString("payment_id"),
                rs.getString("merchant_id"),
                rs.getString("payment_type"),
                rs.getString("currency"),
                requested,
                rs.getString("merchant_transaction_id"),
                rs.getString("gateway_transaction_id"),
                PaymentState.valueOf(rs.getString("state")),
                rs.getLong("authorized_minor"),
                rs.getLong("debited_minor"),
                rs.getLong("captured_minor"),
                rs.getInt("capture_count"),
                rs.getLong("reversed_minor"),
                rs.getLong("refunded_minor"),
                rs.getLong("rebilled_minor"),
                rs.getLong("charged_back_minor"),
                rs.getLong("chargeback_reversed_minor"),
                rs.getLong("receipt_confirmed_minor"));
    }
}

package io.s2spay.backoffice.balance;

import io.s2spay.domain.balance.PaymentMovements;
import io.s2spay.domain.lifecycle.Outcome;
import io.s2spay.domain.lifecycle.PaymentPosition;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.routing.GatewayAccount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_balance} and {@code balance_entry} tables. */
@Repository
public class PaymentBalances {

    private final JdbcClient jdbc;

    PaymentBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entry id of the initial payment's own movement (a payment has one authorization or one debit). */
    public static final String INITIAL_ENTRY = "initial";

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

    /**
     * Creates the payment's row if it is new, and fills in what an event tells and the row lacks: the first value
     * told of each wins, so the gateway account that processed the payment is never replaced by another one.
     *
     * @param gatewayAccount the account the initial payment's event names (null when it names none)
     * @return the row as it stands after the upsert, locked for the caller's transaction (an upsert locks the row
     *     it inserts or updates), so no second lock is needed to check and move it
     */
    PaymentBalance upsertPayment(
            String paymentId,
            String merchantId,
            String paymentType,
            String currency,
            Long requestedMinor,
            String merchantTransactionId,
            String gatewayTransactionId,
            GatewayAccount gatewayAccount,
            Instant at) {
        return jdbc.sql("""
                insert into payment_balance (payment_id, merchant_id, payment_type, currency, requested_minor,
                    merchant_transaction_id, gateway_transaction_id, gateway_account, state, updated_at)
                values (:paymentId, :merchantId, :paymentType, :currency, :requestedMinor,
                    :merchantTransactionId, :gatewayTransactionId, :gatewayAccount, 'REQUESTED', :at)
                on conflict (payment_id) do update set
                    payment_type = coalesce(payment_balance.payment_type, excluded.payment_type),
                    currency = coalesce(payment_balance.currency, excluded.currency),
                    requested_minor = coalesce(payment_balance.requested_minor, excluded.requested_minor),
                    merchant_transaction_id = coalesce(payment_balance.merchant_transaction_id, excluded.merchant_transaction_id),
                    gateway_transaction_id = coalesce(payment_balance.gateway_transaction_id, excluded.gateway_transaction_id),
                    gateway_account = coalesce(payment_balance.gateway_account, excluded.gateway_account),
                    updated_at = excluded.updated_at
                returning *
                """)
                .param("paymentId", paymentId)
                .param("merchantId", merchantId)
                .param("paymentType", paymentType)
                .param("currency", currency)
                .param("requestedMinor", requestedMinor)
                .param("merchantTransactionId", merchantTransactionId)
                .param("gatewayTransactionId", gatewayTransactionId)
                .param("gatewayAccount", gatewayAccount == null ? null : gatewayAccount.toString())
                .param("at", Timestamp.from(at))
                .query(PaymentBalances::map)
                .single();
    }

    /** What {@link #record} made of a step. */
    public enum Recorded {
        /** The step moved the payment's state or money. */
        APPLIED,
        /** The movement was recorded before (seen from the command that caused it and again from its event). */
        ALREADY_RECORDED,
        /** The lifecycle has no such move from where the payment stands: nothing changed. */
        ILLEGAL
    }

    /**
     * Applies one step of the payment's lifecycle with the interpreter ({@link PaymentPosition#apply}) to the
     * payment's row, locked: its state and its money move only as the lifecycle's table says, so a late or replayed
     * outcome never undoes a settled one, and an operation the state does not allow moves nothing. A success's money
     * is recorded once per {@code entryId} (the balance entry's key), however often it is seen.
     *
     * @param entryId the movement's key: {@link #INITIAL_ENTRY} for the initial payment's own money, else
     *     {@link #operationEntryId}
     */
    public Recorded record(
            String paymentId,
            String entryId,
            PaymentPosition.Step step,
            String currency,
            String sourceMessageId,
            Instant at) {
        PaymentBalance balance = lock(paymentId)
                .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " has no balance row"));
        return record(balance, entryId, step, currency, sourceMessageId, at);
    }

    /**
     * {@link #record(String, String, PaymentPosition.Step, String, String, Instant)} on a row the caller's transaction
     * locked already ({@link #lock} or {@link #upsertPayment}).
     */
    Recorded record(
            PaymentBalance balance,
            String entryId,
            PaymentPosition.Step step,
            String currency,
            String sourceMessageId,
            Instant at) {
        String paymentId = balance.paymentId();
        boolean moneyMoves = step.outcome() == Outcome.SUCCESS;
        if (moneyMoves && entryRecorded(paymentId, entryId)) {
            return Recorded.ALREADY_RECORDED;
        }
        PaymentPosition.Applied applied = balance.position().apply(step);
        if (!applied.legal()) {
            return Recorded.ILLEGAL;
        }
        if (moneyMoves) {
            jdbc.sql("""
                    insert into balance_entry (payment_id, entry_id, kind, amount_minor, currency, source_message_id, recorded_at)
                    values (:paymentId, :entryId, :kind, :amountMinor, :currency, :sourceMessageId, :at)
                    """)
                    .param("paymentId", paymentId)
                    .param("entryId", entryId)
                    .param("kind", step.type().movement().name())
                    .param("amountMinor", step.amountMinor())
                    .param("currency", currency)
                    .param("sourceMessageId", sourceMessageId)
                    .param("at", Timestamp.from(at))
                    .update();
        }
        PaymentPosition to = applied.position();
        if (to.equals(balance.position())) {
            return Recorded.APPLIED;
        }
        PaymentMovements m = to.movements();
        int captures = moneyMoves && step.type() == TransactionType.CP ? 1 : 0;
        jdbc.sql("""
                update payment_balance set state = :state,
                    payment_type = coalesce(payment_type, :paymentType),
                    authorized_minor = :authorized, debited_minor = :debited, captured_minor = :captured,
                    capture_count = capture_count + :captures, reversed_minor = :reversed,
                    refunded_minor = :refunded, rebilled_minor = :rebilled, charged_back_minor = :chargedBack,
                    chargeback_reversed_minor = :chargebackReversed, receipt_confirmed_minor = :receipt,
                    updated_at = :at
                where payment_id = :paymentId and state = :from
                """)
                .param("paymentId", paymentId)
                .param("from", balance.state().name())
                .param("state", to.state().name())
                .param("paymentType", to.type() == null ? null : to.type().name())
                .param("authorized", m.authorizedMinor())
                .param("debited", m.debitedMinor())
                .param("captured", m.capturedMinor())
                .param("captures", captures)
                .param("reversed", m.reversedMinor())
                .param("refunded", m.refundedMinor())
                .param("rebilled", m.rebilledMinor())
                .param("chargedBack", m.chargedBackMinor())
                .param("chargebackReversed", m.chargebackReversedMinor())
                .param("receipt", m.receiptMinor())
                .param("at", Timestamp.from(at))
                .update();
        return Recorded.APPLIED;
    }

    private boolean entryRecorded(String paymentId, String entryId) {
        return jdbc.sql("select count(*) from balance_entry where payment_id = :paymentId and entry_id = :entryId")
                        .param("paymentId", paymentId)
                        .param("entryId", entryId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static PaymentBalance map(ResultSet rs, int row) throws SQLException {
        long requestedValue = rs.getLong("requested_minor");
        Long requested = rs.wasNull() ? null : requestedValue;
        String account = rs.getString("gateway_account");
        return new PaymentBalance(
                rs.getString("payment_id"),
                rs.getString("merchant_id"),
                rs.getString("payment_type"),
                rs.getString("currency"),
                requested,
                rs.getString("merchant_transaction_id"),
                rs.getString("gateway_transaction_id"),
                account == null ? null : GatewayAccount.parse(account),
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

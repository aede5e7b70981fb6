package io.s2spay.poller.tracking;

import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.platform.janitor.LeasedClaim;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code tracked_payment} table: payments whose outcome is not final. An open row is written
 * {@code status <> 'CLOSED'} in every statement on purpose: it is, literally, the predicate of the table's partial
 * indexes, which the planner only uses for a query that repeats it (a bound list of open states would not).
 */
@Repository
public class TrackedPayments {

    /** Open tracked payments due for a check (the predicate of the partial index tracked_payment_due_idx). */
    private static final LeasedClaim DUE =
            new LeasedClaim("tracked_payment", List.of("payment_id"), "status <> 'CLOSED'", "next_check_at", null);

    private final JdbcClient jdbc;

    TrackedPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts (or moves) the tracking of a payment; a closed row is never reopened, because a final
     * outcome cannot be followed by a non-final one.
     */
    void track(TrackedPayment p) {
        jdbc.sql("""
                insert into tracked_payment (payment_id, merchant_id, gateway_account, merchant_transaction_id,
                    gateway_transaction_id, payment_type, amount_minor, currency, status, correlation_id,
                    caused_by_message_id, since, next_check_at)
                values (:paymentId, :merchantId, :gatewayAccount, :merchantTransactionId, :gatewayTransactionId,
                    :paymentType, :amountMinor, :currency, :status, :correlationId, :causedBy, :since, :nextCheckAt)
                on conflict (payment_id) do update set
                    status = excluded.status,
                    gateway_account = coalesce(tracked_payment.gateway_account, excluded.gateway_account),
                    gateway_transaction_id = coalesce(excluded.gateway_transaction_id, tracked_payment.gateway_transaction_id),
                    caused_by_message_id = excluded.caused_by_message_id,
                    next_check_at = least(tracked_payment.next_check_at, excluded.next_check_at)
                where tracked_payment.status <> 'CLOSED'
                """)
                .param("paymentId", p.paymentId())
                .param("merchantId", p.merchantId())
                .param(
                        "gatewayAccount",
                        p.gatewayAccount() == null ? null : p.gatewayAccount().toString())
                .param("merchantTransactionId", p.merchantTransactionId())
                .param("gatewayTransactionId", p.gatewayTransactionId())
                .param("paymentType", p.paymentType())
                .param("amountMinor", p.amountMinor())
                .param("currency", p.currency())
                .param("status", p.status().name())
                .param("correlationId", p.correlationId())
                .param("causedBy", p.causedByMessageId())
                .param("since", Timestamp.from(p.since()))
                .param("nextCheckAt", Timestamp.from(p.nextCheckAt()))
                .update();
    }

    /** Closes the tracking of a payment after a final event; true if an open row was closed. */
    public boolean close(String paymentId, String closedBy) {
        return jdbc.sql("""
                update tracked_payment set status = 'CLOSED', closed_at = now(), closed_by = :closedBy
                where payment_id = :paymentId and status <> 'CLOSED'
                """)
                        .param("paymentId", paymentId)
                        .param("closedBy", closedBy)
                        .update()
                == 1;
    }

    /** Closes the tracking of a payment the janitor resolved, counting that last check. */
    public void settled(String paymentId, String closedBy, String lastResult, Instant checkedAt) {
        jdbc.sql("""
                update tracked_payment set status = 'CLOSED', closed_at = :checkedAt, closed_by = :closedBy,
                    checks_made = checks_made + 1, last_checked_at = :checkedAt, last_result = :lastResult
                where payment_id = :paymentId and status <> 'CLOSED'
                """)
                .param("paymentId", paymentId)
                .param("closedBy", closedBy)
                .param("lastResult", lastResult)
                .param("checkedAt", Timestamp.from(checkedAt))
                .update();
    }

    /** Makes the open payment due now (its shopper came back); true if there was one. */
    public boolean checkNow(String paymentId, Instant now) {
        return jdbc.sql("""
                update tracked_payment set next_check_at = :now
                where payment_id = :paymentId and status <> 'CLOSED' and next_check_at > :now
                """)
                        .param("paymentId", paymentId)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /**
     * Makes the open payment of {@code account} with this gateway id or merchantTransactionId due now (a webhook of
     * that account said it changed); true if there was one. A payment whose events named no account was processed at
     * its merchant's account keyed by the merchant's id, so it is the account's when the account key is its merchant.
     */
    public boolean checkNow(
            GatewayAccount account, String gatewayTransactionId, String merchantTransactionId, Instant now) {
        return jdbc.sql("""
                update tracked_payment set next_check_at = :now
                where (gateway_account = :account or gateway_account is null and merchant_id = :accountKey)
                  and status <> 'CLOSED'
                  and (gateway_transaction_id = :gatewayTransactionId or merchant_transaction_id = :merchantTransactionId)
                """)
                        .param("account", account.toString())
                        .param("accountKey", account.account())
                        .param("gatewayTransactionId", gatewayTransactionId)
                        .param("merchantTransactionId", merchantTransactionId)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /** The row, whatever its status. */
    public Optional<TrackedPayment> find(String paymentId) {
        return jdbc.sql("select * from tracked_payment where payment_id = :paymentId")
                .param("paymentId", paymentId)
                .query(TrackedPayments::map)
                .optional();
    }

    /** The row locked for the caller's transaction, so a janitor re-reads it before writing. */
    public Optional<TrackedPayment> lock(String paymentId) {
        return jdbc.sql("select * from tracked_payment where payment_id = :paymentId for update")
                .param("paymentId", paymentId)
                .query(TrackedPayments::map)
                .optional();
    }

    /**
     * Claims up to {@code limit} open rows that are due, pushing their next check {@code lease} ahead so
     * that other poller instances skip them while this one asks the gateway (without holding a lock).
     */
    public List<TrackedPayment> claimDue(Instant now, int limit, Duration lease) {
        return DUE.claim(jdbc, now, limit, lease, TrackedPayments::map);
    }

    /** Records a check that did not settle the payment and when to check again. */
    public void checked(
            String paymentId,
            TrackingStatus status,
            String gatewayTransactionId,
            String lastResult,
            Instant checkedAt,
            Instant nextCheckAt) {
        jdbc.sql("""
                update tracked_payment set status = :status, checks_made = checks_made + 1, last_checked_at = :checkedAt,
                    gateway_transaction_id = coalesce(:gatewayTransactionId, gateway_transaction_id),
                    last_result = :lastResult, next_check_at = :nextCheckAt
                where payment_id = :paymentId and status <> 'CLOSED'
                """)
                .param("paymentId", paymentId)
                .param("status", status.name())
                .param("gatewayTransactionId", gatewayTransactionId)
                .param("lastResult", lastResult)
                .param("checkedAt", Timestamp.from(checkedAt))
                .param("nextCheckAt", Timestamp.from(nextCheckAt))
                .update();
    }

    /** Number of open rows per status, for the gauge operators watch. */
    public long countOpen(TrackingStatus status) {
        return jdbc.sql("select count(*) from tracked_payment where status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }

    /** Deletes closed rows older than {@code retention}; returns how many. */
    public int purgeClosed(Duration retention) {
        return jdbc.sql(
                        "delete from tracked_payment where status = 'CLOSED' and closed_at < now() - make_interval(secs => :seconds)")
                .param("seconds", (double) retention.toSeconds())
                .update();
    }

    private static TrackedPayment map(ResultSet rs, int row) throws SQLException {
        return new TrackedPayment(
                rs.getString("payment_id"),
                rs.getString("merchant_id"),
                rs.getString("gateway_account") == null ? null : GatewayAccount.parse(rs.getString("gateway_account")),
                rs.getString("merchant_transaction_id"),
                rs.getString("gateway_transaction_id"),
                rs.getString("payment_type"),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                TrackingStatus.valueOf(rs.getString("status")),
                rs.getString("correlation_id"),
                rs.getString("caused_by_message_id"),
                instant(rs, "since"),
                instant(rs, "next_check_at"),
                rs.getInt("checks_made"),
                instant(rs, "last_checked_at"),
                rs.getString("last_result"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

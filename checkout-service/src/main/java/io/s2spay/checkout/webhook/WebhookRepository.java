package io.s2spay.checkout.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook tables: endpoints, deliveries and their attempts. */
@Repository
class WebhookRepository {

    private final JdbcClient jdbc;

    WebhookRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** An endpoint row; the secret stays encrypted until a delivery is signed. */
    record Endpoint(
            String id,
            String merchantId,
            String url,
            String description,
            byte[] secretEncrypted,
            String source,
            String status,
            Instant createdAt) {}

    /** A delivery row without its body. */
    record Delivery(
            String id,
            String endpointId,
            String merchantId,
            String paymentId,
            String eventId,
            String eventType,
            long sequence,
            String status,
            int attemptCount,
            Instant nextAttemptAt,
            Instant giveUpAt,
            Instant createdAt,
            Instant deliveredAt) {}

    /** One attempt to deliver. */
    record Attempt(int attempt, Instant attemptedAt, Integer httpStatus, String error, long durationMillis) {}

    /** A claimed delivery with what is needed to send it. */
    record Claimed(
            String id,
            String endpointId,
            String url,
            byte[] secretEncrypted,
            String eventId,
            byte[] body,
            int attemptCount,
            Instant giveUpAt) {}

    void insertEndpoint(Endpoint e) {
        jdbc.sql("""
                        insert into webhook_endpoint (endpoint_id, merchant_id, url, description, secret_encrypted,
                                                      source, status, created_at)
                        values (:id, :merchantId, :url, :description, :secret, :source, :status, :createdAt)
                        """)
                .param("id", e.id())
                .param("merchantId", e.merchantId())
                .param("url", e.url())
                .param("description", e.description())
                .param("secret", e.secretEncrypted())
                .param("source", e.source())
                .param("status", e.status())
                .param("createdAt", Timestamp.from(e.createdAt()))
                .update();
    }

    /** Creates or updates an endpoint configured by property (every instance does it at start). */
    void upsertConfiguredEndpoint(Endpoint e) {
        jdbc.sql("""
                        insert into webhook_endpoint (endpoint_id, merchant_id, url, description, secret_encrypted,
                                                      source, status, created_at)
                        values (:id, :merchantId, :url, null, :secret, 'config', 'enabled', :createdAt)
                        on conflict (endpoint_id) do update
                           set url = excluded.url, secret_encrypted = excluded.secret_encrypted,
                               status = 'enabled', deleted_at = null
                        """)
                .param("id", e.id())
                .param("merchantId", e.merchantId())
                .param("url", e.url())
                .param("secret", e.secretEncrypted())
                .param("createdAt", Timestamp.from(e.createdAt()))
                .update();
    }

    /** Disables the endpoints once configured by property that the configuration no longer names. */
    int disableConfiguredEndpointsExcept(List<String> keep, Instant now) {
        return jdbc.sql("""
                        update webhook_endpoint set status = 'deleted', deleted_at = :now
                         where source = 'config' and status = 'enabled'
                           and endpoint_id <> all(string_to_array(:keep, ','))
                        """)
                .param("now", Timestamp.from(now))
                .param("keep", String.join(",", keep))
                .update();
    }

    List<Endpoint> enabledEndpoints(String merchantId) {
        return jdbc.sql("select * from webhook_endpoint where merchant_id = :merchantId and status = 'enabled' "
                        + "order by created_at, endpoint_id")
                .param("merchantId", merchantId)
                .query(WebhookRepository::endpoint)
                .list();
    }

    Optional<Endpoint> enabledEndpoint(String merchantId, String endpointId) {
        return jdbc.sql("select * from webhook_endpoint where merchant_id = :merchantId and endpoint_id = :id "
                        + "and status = 'enabled'")
                .param("merchantId", merchantId)
                .param("id", endpointId)
                .query(WebhookRepository::endpoint)
                .optional();
    }

    void deleteEndpoint(String endpointId, Instant now) {
        jdbc.sql("update webhook_endpoint set status = 'deleted', deleted_at = :now where endpoint_id = :id")
                .param("now", Timestamp.from(now))
                .param("id", endpointId)
                .update();
    }

    long nextSequence(String endpointId, String paymentId) {
        return jdbc.sql("select coalesce(max(sequence), 0) + 1 from webhook_delivery "
                        + "where endpoint_id = :endpointId and payment_id = :paymentId")
                .param("endpointId", endpointId)
                .param("paymentId", paymentId)
                .query(Long.class)
                .single();
    }

    void insertDelivery(
            String id,
            String endpointId,
            String merchantId,
            String paymentId,
            String eventId,
            String eventType,
            long sequence,
            byte[] body,
            Instant now,
            Instant giveUpAt) {
        jdbc.sql("""
                        insert into webhook_delivery (delivery_id, endpoint_id, merchant_id, payment_id, event_id,
                                                      event_type, sequence, body, status, next_attempt_at,
                                                      give_up_at, created_at)
                        values (:id, :endpointId, :merchantId, :paymentId, :eventId, :eventType, :sequence, :body,
                                'pending', :now, :giveUpAt, :now)
                        on conflict (endpoint_id, event_id) do nothing
                        """)
                .param("id", id)
                .param("endpointId", endpointId)
                .param("merchantId", merchantId)
                .param("paymentId", paymentId)
                .param("eventId", eventId)
                .param("eventType", eventType)
                .param("sequence", sequence)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .param("giveUpAt", Timestamp.from(giveUpAt))
                .update();
    }

    /**
     * Leases up to {@code limit} due deliveries: pending, past their next attempt, not leased by anyone, of an
     * enabled endpoint not in {@code busyEndpoints}, and the oldest pending one of their (endpoint, payment), so
     * that a payment's events arrive in order. {@code skip locked} lets instances claim side by side.
     */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit, List<String> busyEndpoints) {
        return jdbc.sql("""
                        with due as (
                            select d.delivery_id
                              from webhook_delivery d
                              join webhook_endpoint e on e.endpoint_id = d.endpoint_id and e.status = 'enabled'
                             where d.status = 'pending' and d.next_attempt_at <= :now
                               and (d.lease_until is null or d.lease_until < :now)
                               and d.endpoint_id <> all(string_to_array(:busy, ','))
                               and not exists (select 1 from webhook_delivery earlier
                                                where earlier.endpoint_id = d.endpoint_id
                                                  and earlier.payment_id = d.payment_id
                                                  and earlier.status = 'pending'
                                                  and earlier.sequence < d.sequence)
                             order by d.next_attempt_at
                             limit :limit
                               for update of d skip locked)
                        update webhook_delivery w set lease_until = :leaseUntil
                          from due, webhook_endpoint e
                         where w.delivery_id = due.delivery_id and e.endpoint_id = w.endpoint_id
                        returning w.delivery_id, w.endpoint_id, e.url, e.secret_encrypted, w.event_id, w.body,
                                  w.attempt_count, w.give_up_at
                        """)
                .param("now", Timestamp.from(now))
                .param("leaseUntil", Timestamp.from(leaseUntil))
                .param("limit", limit)
                .param("busy", String.join(",", busyEndpoints))
                .query((rs, n) -> new Claimed(
                        rs.getString("delivery_id"),
                        rs.getString("endpoint_id"),
                        rs.getString("url"),
                        rs.getBytes("secret_encrypted"),
                        rs.getString("event_id"),
                        rs.getBytes("body"),
                        rs.getInt("attempt_count"),
                        rs.getTimestamp("give_up_at").toInstant()))
                .list();
    }

    void releaseLease(String deliveryId) {
        jdbc.sql("update webhook_delivery set lease_until = null where delivery_id = :id")
                .param("id", deliveryId)
                .update();
    }

    void insertAttempt(String deliveryId, int attempt, Instant at, Integer httpStatus, String error, long millis) {
        jdbc.sql("""
                        insert into webhook_delivery_attempt (delivery_id, attempt, attempted_at, http_status, error,
                                                              duration_ms)
                        values (:id, :attempt, :at, :status, :error, :millis)
                        """)
                .param("id", deliveryId)
                .param("attempt", attempt)
                .param("at", Timestamp.from(at))
                .param("status", httpStatus)
                .param("error", error)
                .param("millis", millis)
                .update();
    }

    /** Records the outcome of an attempt; {@code status} is delivered, pending (with its next attempt) or failed. */
    void finishAttempt(String deliveryId, int attemptCount, String status, Instant nextAttemptAt, Instant deliveredAt) {
        jdbc.sql("""
                        update webhook_delivery
                           set attempt_count = :attempts, status = :status, lease_until = null,
                               next_attempt_at = coalesce(:next, next_attempt_at), delivered_at = :deliveredAt
                         where delivery_id = :id
                        """)
                .param("id", deliveryId)
                .param("attempts", attemptCount)
                .param("status", status)
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("deliveredAt", deliveredAt == null ? null : Timestamp.from(deliveredAt))
                .update();
    }

    /** Makes a delivery due now with a fresh retry window, whatever its status. */
    void resend(String deliveryId, Instant now, Instant giveUpAt) {
        jdbc.sql("""
                        update webhook_delivery
                           set status = 'pending', next_attempt_at = :now, give_up_at = :giveUpAt, lease_until = null
                         where delivery_id = :id
                        """)
                .param("id", deliveryId)
                .param("now", Timestamp.from(now))
                .param("giveUpAt", Timestamp.from(giveUpAt))
                .update();
    }

    Optional<Delivery> delivery(String merchantId, String deliveryId) {
        return jdbc.sql("select * from webhook_delivery where merchant_id = :merchantId and delivery_id = :id")
                .param("merchantId", merchantId)
                .param("id", deliveryId)
                .query(WebhookRepository::delivery)
                .optional();
    }

    Optional<byte[]> deliveryBody(String deliveryId) {
        return jdbc.sql("select body from webhook_delivery where delivery_id = :id")
                .param("id", deliveryId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /** Newest first; {@code after} is the cursor delivery (exclusive). */
    List<Delivery> deliveries(String endpointId, String paymentId, Delivery after, int limit) {
        StringBuilder sql = new StringBuilder("select * from webhook_delivery where endpoint_id = :endpointId");
        if (paymentId != null) {
            sql.append(" and payment_id = :paymentId");
        }
        if (after != null) {
            sql.append(" and (created_at, delivery_id) < (:afterCreated, :afterId)");
        }
        sql.append(" order by created_at desc, delivery_id desc limit :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("endpointId", endpointId).param("limit", limit);
        if (paymentId != null) {
            statement = statement.param("paymentId", paymentId);
        }
        if (after != null) {
            statement = statement
                    .param("afterCreated", Timestamp.from(after.createdAt()))
                    .param("afterId", after.id());
        }
        return statement.query(WebhookRepository::delivery).list();
    }

    List<Attempt> attempts(String deliveryId) {
        return jdbc.sql("select * from webhook_delivery_attempt where delivery_id = :id order by attempt")
                .param("id", deliveryId)
                .query((rs, n) -> new Attempt(
                        rs.getInt("attempt"),
                        rs.getTimestamp("attempted_at").toInstant(),
                        (Integer) rs.getObject("http_status"),
                        rs.getString("error"),
                        rs.getLong("duration_ms")))
                .list();
    }

    private static Endpoint endpoint(ResultSet rs, int n) throws SQLException {
        return new Endpoint(
                rs.getString("endpoint_id"),
                rs.getString("merchant_id"),
                rs.getString("url"),
                rs.getString("description"),
                rs.getBytes("secret_encrypted"),
                rs.getString("source"),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Delivery(
                rs.getString("delivery_id"),
                rs.getString("endpoint_id"),
                rs.getString("merchant_id"),
                rs.getString("payment_id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getLong("sequence"),
                rs.getString("status"),
                rs.getInt("attempt_count"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getTimestamp("give_up_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}

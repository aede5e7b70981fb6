package io.s2spay.checkout.idempotency;

import io.s2spay.checkout.CheckoutProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers, per merchant and {@code Idempotency-Key}, a fingerprint of the request and the response it got,
 * so a retried request gets the same response and never creates a second payment.
 *
 * <p>The key is claimed with an insert in the transaction that creates the payment: a concurrent request
 * with the same key waits on the primary key until that transaction ends, then finds the claim.
 */
@Component
public class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    /** Writes a JSON tree with every object's properties sorted and no whitespace: one form per JSON value. */
    private static final JsonMapper CANONICAL_JSON =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final byte[] fingerprintKey;
    private final Duration retention;
    private final Duration inFlightGrace;

    IdempotencyStore(DataSource dataSource, Clock clock, CheckoutProperties properties) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        CheckoutProperties.Idempotency settings = properties.idempotency();
        try {
            this.fingerprintKey =
                    Base64.getDecoder().decode(settings.fingerprintKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("s2spay.checkout.idempotency.fingerprint-key is not valid base64");
        }
        if (fingerprintKey.length < 32) {
            throw new IllegalArgumentException("s2spay.checkout.idempotency.fingerprint-key must be at least 32 bytes");
        }
        this.retention = settings.retention();
        this.inFlightGrace = settings.inFlightGrace();
    }

    /**
     * HMAC-SHA-256 of method, path and body: tells a retry from a different request under the same key
     * without storing anything from which the body's card number could be recovered. A JSON body counts by its
     * content, not its formatting: a retry whose client orders the properties differently or adds whitespace
     * is the same request.
     */
    public String fingerprint(String method, String path, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            mac.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            mac.update(body == null ? new byte[0] : canonicalJson(body));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** {@code body} in canonical JSON form, or as it is if it is not JSON. */
    private static byte[] canonicalJson(byte[] body) {
        try {
            return CANONICAL_JSON.writeValueAsBytes(CANONICAL_JSON.readTree(body));
        } catch (JacksonException notJson) {
            return body;
        }
    }

    /**
     * Claims {@code key} for a new request, in the caller's transaction, or says what happened to an earlier
     * request with the same key. A claim stays "in flight" for {@code expectedDuration} plus a grace period,
     * after which a retry gets the first stored response even if the final one was never recorded.
     */
    public Claim claim(String merchantId, String key, String fingerprint, Duration expectedDuration) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an idempotency key must be claimed in the transaction of its effect");
        }
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into idempotency_key (merchant_id, idempotency_key, fingerprint, response_status,
                                                     response_body, created_at, in_flight_until)
                        values (:merchantId, :key, :fingerprint, 0, '\\x'::bytea, :now, :inFlightUntil)
                        on conflict do nothing
                        """)
                .param("merchantId", merchantId)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("now", Timestamp.from(now))
                .param(
                        "inFlightUntil",
                        Timestamp.from(now.plus(expectedDuration).plus(inFlightGrace)))
                .update();
        if (inserted == 1) {
            return new Claim.Claimed();
        }
        Existing existing = jdbc.sql("""
                        select fingerprint, payment_id, response_status, response_body, in_flight_until, completed_at
                          from idempotency_key where merchant_id = :merchantId and idempotency_key = :key
                        """)
                .param("merchantId", merchantId)
                .param("key", key)
                .query((rs, n) -> new Existing(
                        rs.getString("fingerprint"),
                        rs.getString("payment_id"),
                        rs.getInt("response_status"),
                        rs.getBytes("response_body"),
                        rs.getTimestamp("in_flight_until").toInstant(),
                        rs.getTimestamp("completed_at") != null))
                .single();
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Claim.DifferentRequest();
        }
        if (!existing.completed() && now.isBefore(existing.inFlightUntil())) {
            return new Claim.InFlight();
        }
        return new Claim.Replay(new StoredResponse(existing.status(), existing.body(), existing.paymentId()));
    }

    /** Stores the response a request would get now, in the transaction of its effect (the first answer). */
    public void storeFirstResponse(String merchantId, String key, StoredResponse response) {
        jdbc.sql("""
                        update idempotency_key set payment_id = :paymentId, response_status = :status, response_body = :body
                         where merchant_id = :merchantId and idempotency_key = :key
                        """)
                .param("merchantId", merchantId)
                .param("key", key)
                .param("paymentId", response.paymentId())
                .param("status", response.status())
                .param("body", response.body())
                .update();
    }

    /** Stores the response that was actually sent, which every later retry gets. */
    public void storeFinalResponse(String merchantId, String key, StoredResponse response) {
        jdbc.sql("""
                        update idempotency_key set response_status = :status, response_body = :body, completed_at = :now
                         where merchant_id = :merchantId and idempotency_key = :key
                        """)
                .param("merchantId", merchantId)
                .param("key", key)
                .param("status", response.status())
                .param("body", response.body())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Forgets keys older than the retention period. */
    @Scheduled(fixedDelayString = "${s2spay.checkout.idempotency.purge-interval:PT10M}", initialDelayString = "PT1M")
    public void purgeExpired() {
        int purged = jdbc.sql("delete from idempotency_key where created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(retention)))
                .update();
        if (purged > 0) {
            log.info("Forgot {} idempotency key(s) older than {}", purged, retention);
        }
    }

    /** The response stored for a key: HTTP status, body bytes as sent, and the payment it is about. */
    public record StoredResponse(int status, byte[] body, String paymentId) {}

    /** What claiming a key found. */
    public sealed interface Claim {

        /** The key is new: go ahead, and store the response in the same transaction. */
        record Claimed() implements Claim {}

        /** The same request was answered before: send this response again. */
        record Replay(StoredResponse response) implements Claim {}

        /** The same request is still being answered (by this or another instance). */
        record InFlight() implements Claim {}

        /** The key was used for a different request. */
        record DifferentRequest() implements Claim {}
    }

    private record Existing(
            String fingerprint, String paymentId, int status, byte[] body, Instant inFlightUntil, boolean completed) {}
}

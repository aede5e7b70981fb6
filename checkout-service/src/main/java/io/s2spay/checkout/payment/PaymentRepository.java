package io.s2spay.checkout.payment;

import io.s2spay.domain.balance.PaymentMovements;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code payment} read model and the per-merchant {@code merchantTransactionId} register. */
@Repository
class PaymentRepository {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PaymentRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Registers {@code merchantTransactionId} for {@code paymentId}; if the merchant already used it, the id
     * of that payment. Concurrent claims of the same id wait for each other on the primary key.
     */
    Optional<String> claimMerchantTransactionId(String merchantId, String merchantTransactionId, String paymentId) {
        int inserted = insertMerchantTransactionId(merchantId, merchantTransactionId, paymentId);
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select payment_id from merchant_transaction
                         where merchant_id = :merchantId and merchant_transaction_id = :merchantTransactionId
                        """)
                .param("merchantId", merchantId)
                .param("merchantTransactionId", merchantTransactionId)
                .query(String.class)
                .optional();
    }

    /** Inserts a payment accepted by the API or first heard of through an event. */
    void insert(PaymentRow row) {
        jdbc.sql("""
                        insert into payment (payment_id, merchant_id, payment_type, status, amount_minor, currency,
                               payment_brand, merchant_transaction_id, descriptor, shopper_result_url, vault_id,
                               command_message_id, card_bin, card_last4_digits, card_brand, card_expiry_month,
                               card_expiry_year, result_code, result_description, gateway_transaction_id, failure_reason,
                               redirect_url, redirect_method, redirect_parameters, gateway, gateway_account,
                               lifecycle_status, authorized_minor,
                               debited_minor, captured_minor, reversed_minor, refunded_minor, rebilled_minor,
                               charged_back_minor, chargeback_reversed_minor, receipt_minor, store_card,
                               stored_credential_type, stored_credential_id, created_at, updated_at)
                        values (:paymentId, :merchantId, :paymentType, :status, :amountMinor, :currency,
                               :paymentBrand, :merchantTransactionId, :descriptor, :shopperResultUrl, :vaultId,
                               :commandMessageId, :cardBin, :cardLast4, :cardBrand, :cardExpiryMonth,
                               :cardExpiryYear, :resultCode, :resultDescription, :gatewayTransactionId, :failureReason,
                               :redirectUrl, :redirectMethod, cast(:redirectParameters as jsonb), :gateway,
                               :gatewayAccount, :lifecycleStatus,
                               :authorizedMinor, :debitedMinor, :capturedMinor, :reversedMinor, :refundedMinor,
                               :rebilledMinor, :chargedBackMinor, :chargebackReversedMinor, :receiptMinor, :storeCard,
                               :storedCredentialType, :storedCredentialId, :createdAt, :updatedAt)
                        """)
                .param("paymentType", row.paymentType())
                .param("amountMinor", row.amountMinor())
                .param("currency", row.currency())
                .param("merchantId", row.merchantId())
                .param("merchantTransactionId", row.merchantTransactionId())
                .param("descriptor", row.descriptor())
                .param("shopperResultUrl", row.shopperResultUrl())
                .param("vaultId", row.vaultId())
                .param("commandMessageId", row.commandMessageId())
                .param("createdAt", Timestamp.from(row.createdAt()))
                .param("storeCard", row.storedCredential().store())
                .param("storedCredentialType", row.storedCredential().type())
                .params(changeable(row))
                .update();
    }

    /** The payment, only if it belongs to {@code merchantId}. */
    Optional<PaymentRow> find(String merchantId, String paymentId) {
        return jdbc.sql("select * from payment where payment_id = :paymentId and merchant_id = :merchantId")
                .param("paymentId", paymentId)
                .param("merchantId", merchantId)
                .query(PaymentRepository::row)
                .optional();
    }

    /**
     * A page of the merchant's payments, newest first: those created before the payment {@code startingAfter} (a
     * cursor: the last id of the previous page), matching every filter given; {@code limit + 1} rows are read so
     * the caller can tell whether there are more.
     */
    List<PaymentRow> list(String merchantId, PaymentQuery query) {
        StringBuilder sql = new StringBuilder("select * from payment p where p.merchant_id = :merchantId");
        Map<String, Object> params = new HashMap<>();
        params.put("merchantId", merchantId);
        if (query.startingAfter() != null) {
            sql.append(" and (p.created_at, p.payment_id) < (select c.created_at, c.payment_id from payment c"
                    + " where c.payment_id = :startingAfter and c.merchant_id = :merchantId)");
            params.put("startingAfter", query.startingAfter());
        }
        if (query.merchantTransactionId() != null) {
            sql.append(" and p.merchant_transaction_id = :merchantTransactionId");
            params.put("merchantTransactionId", query.merchantTransactionId());
        }
        if (query.status() != null) {
            sql.append(" and p.lifecycle_status = :status");
            params.put("status", query.status().apiName());
        }
        if (query.createdFrom() != null) {
            sql.append(" and p.created_at >= :createdFrom");
            params.put("createdFrom", Timestamp.from(query.createdFrom()));
        }
        if (query.createdBefore() != null) {
            sql.append(" and p.created_at < :createdBefore");
            params.put("createdBefore", Timestamp.from(query.createdBefore()));
        }
        sql.append(" order by p.created_at desc, p.payment_id desc limit :limit");
        params.put("limit", query.limit() + 1);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(PaymentRepository::row)
                .list();
    }

    /** Whether the merchant has a payment with this id. */
    boolean exists(String merchantId, String paymentId) {
        return jdbc.sql("select count(*) from payment where payment_id = :paymentId and merchant_id = :merchantId")
                        .param("paymentId", paymentId)
                        .param("merchantId", merchantId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The payment of any merchant, for the shopper's return (authenticated by its signed URL, not a key). */
    Optional<PaymentRow> find(String paymentId) {
        return jdbc.sql("select * from payment where payment_id = :paymentId")
                .param("paymentId", paymentId)
                .query(PaymentRepository::row)
                .optional();
    }

    /** The payment, locked until the end of the transaction so concurrent events apply one after the other. */
    Optional<PaymentRow> lock(String paymentId) {
        return jdbc.sql("select * from payment where payment_id = :paymentId for update")
                .param("paymentId", paymentId)
                .query(PaymentRepository::row)
                .optional();
    }

    /** Writes back what an event changed: status, brand, card and outcome. */
    void update(PaymentRow row) {
        jdbc.sql("""
                        update payment set status = :status, payment_brand = :paymentBrand,
                               card_bin = :cardBin, card_last4_digits = :cardLast4, card_brand = :cardBrand,
                               card_expiry_month = :cardExpiryMonth, card_expiry_year = :cardExpiryYear,
                               result_code = :resultCode, result_description = :resultDescription,
                               gateway_transaction_id = :gatewayTransactionId, failure_reason = :failureReason,
                               redirect_url = :redirectUrl, redirect_method = :redirectMethod,
                               redirect_parameters = cast(:redirectParameters as jsonb),
                               gateway = :gateway, gateway_account = :gatewayAccount,
                               lifecycle_status = :lifecycleStatus, authorized_minor = :authorizedMinor,
                               debited_minor = :debitedMinor, captured_minor = :capturedMinor,
                               reversed_minor = :reversedMinor, refunded_minor = :refundedMinor,
                               rebilled_minor = :rebilledMinor, charged_back_minor = :chargedBackMinor,
                               chargeback_reversed_minor = :chargebackReversedMinor, receipt_minor = :receiptMinor,
                               stored_credential_id = :storedCredentialId, updated_at = :updatedAt
                         where payment_id = :paymentId
                        """).params(changeable(row)).update();
    }

    /** The columns an event may change, plus the key. */
    private static Map<String, Object> changeable(PaymentRow row) {
        PaymentRow.MaskedCard card = row.card();
        PaymentRow.Outcome outcome = row.outcome();
        Map<String, Object> params = new HashMap<>();
        params.put("paymentId", row.paymentId());
        params.put("status", row.status().apiName());
        params.put("paymentBrand", row.paymentBrand());
        params.put("cardBin", card == null ? null : card.bin());
        params.put("cardLast4", card == null ? null : card.last4Digits());
        params.put("cardBrand", card == null ? null : card.brand());
        params.put("cardExpiryMonth", card == null ? null : card.expiryMonth());
        params.put("cardExpiryYear", card == null ? null : card.expiryYear());
        params.put("resultCode", outcome.resultCode());
        params.put("resultDescription", outcome.resultDescription());
        params.put("gatewayTransactionId", outcome.gatewayTransactionId());
        params.put("failureReason", outcome.failureReason());
        params.put("redirectUrl", outcome.redirectUrl());
        params.put("redirectMethod", outcome.redirectMethod());
        params.put(
                "gateway",
                outcome.gatewayAccount() == null
                        ? null
                        : outcome.gatewayAccount().gateway());
        params.put(
                "gatewayAccount",
                outcome.gatewayAccount() == null
                        ? null
                        : outcome.gatewayAccount().account());
        params.put(
                "redirectParameters",
                outcome.redirectParameters() == null ? null : JSON.writeValueAsString(outcome.redirectParameters()));
        PaymentMovements m = row.movements();
        params.put("lifecycleStatus", row.lifecycleStatus().apiName());
        params.put("authorizedMinor", m.authorizedMinor());
        params.put("debitedMinor", m.debitedMinor());
        params.put("capturedMinor", m.capturedMinor());
        params.put("reversedMinor", m.reversedMinor());
        params.put("refundedMinor", m.refundedMinor());
        params.put("rebilledMinor", m.rebilledMinor());
        params.put("chargedBackMinor", m.chargedBackMinor());
        params.put("chargebackReversedMinor", m.chargebackReversedMinor());
        params.put("receiptMinor", m.receiptMinor());
        params.put("storedCredentialId", row.storedCredential().id());
        params.put("updatedAt", Timestamp.from(row.updatedAt()));
        return params;
    }

    /** Records the {@code merchantTransactionId} of a payment started outside the API, if it is still free. */
    void registerMerchantTransactionId(String merchantId, String merchantTransactionId, String paymentId) {
        insertMerchantTransactionId(merchantId, merchantTransactionId, paymentId);
    }

    /** Inserts the merchant's id for the payment unless the merchant already used it; 1 if inserted, else 0. */
    private int insertMerchantTransactionId(String merchantId, String merchantTransactionId, String paymentId) {
        return jdbc.sql("""
                        insert into merchant_transaction (merchant_id, merchant_transaction_id, payment_id)
                        values (:merchantId, :merchantTransactionId, :paymentId)
                        on conflict do nothing
                        """)
                .param("merchantId", merchantId)
                .param("merchantTransactionId", merchantTransactionId)
                .param("paymentId", paymentId)
                .update();
    }

    /** Wakes the requests waiting for this payment, on every checkout instance, when the transaction commits. */
    void notifyUpdated(String paymentId) {
        jdbc.sql("select pg_notify(:channel, :paymentId)")
                .param("channel", PaymentUpdateNotifications.CHANNEL)
                .param("paymentId", paymentId)
                .query()
                .singleRow();
    }

    private static PaymentRow row(ResultSet rs, int rowNum) throws SQLException {
        String parameters = rs.getString("redirect_parameters");
        Integer expiryMonth = rs.getObject("card_expiry_month", Integer.class);
        Integer expiryYear = rs.getObject("card_expiry_year", Integer.class);
        String bin = rs.getString("card_bin");
        return new PaymentRow(
                rs.getString("payment_id"),
                rs.getString("merchant_id"),
                rs.getString("payment_type"),
                PaymentStatus.fromApiName(rs.getString("status")),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                rs.getString("payment_brand"),
                rs.getString("merchant_transaction_id"),
                rs.getString("descriptor"),
                rs.getString("shopper_result_url"),
                rs.getString("vault_id"),
                rs.getString("command_message_id"),
                bin == null || expiryMonth == null || expiryYear == null
                        ? null
                        : new PaymentRow.MaskedCard(
                                bin,
                                rs.getString("card_last4_digits"),
                                rs.getString("card_brand"),
                                expiryMonth,
                                expiryYear),
                new PaymentRow.Outcome(
                        rs.getString("result_code"),
                        rs.getString("result_description"),
                        rs.getString("gateway_transaction_id"),
                        rs.getString("failure_reason"),
                        rs.getString("redirect_url"),
                        rs.getString("redirect_method"),
                        parameters == null ? null : JSON.readValue(parameters, STRING_MAP),
                        rs.getString("gateway") == null
                                ? null
                                : new PaymentRow.GatewayAccount(
                                        rs.getString("gateway"), rs.getString("gateway_account"))),
                new PaymentMovements(
                        rs.getLong("authorized_minor"),
                        rs.getLong("debited_minor"),
                        rs.getLong("captured_minor"),
                        rs.getLong("reversed_minor"),
                        rs.getLong("refunded_minor"),
                        rs.getLong("rebilled_minor"),
                        rs.getLong("charged_back_minor"),
                        rs.getLong("chargeback_reversed_minor"),
                        rs.getLong("receipt_minor")),
                new PaymentRow.StoredCredentialUse(
                        rs.getBoolean("store_card"),
                        rs.getString("stored_credential_type"),
                        rs.getString("stored_credential_id")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

package io.s2spay.checkout.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
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
                               redirect_url, redirect_method, redirect_parameters, created_at, updated_at)
                        values (:paymentId, :merchantId, :paymentType, :status, :amountMinor, :currency,
                               :paymentBrand, :merchantTransactionId, :descriptor, :shopperResultUrl, :vaultId,
                               :commandMessageId, :cardBin, :cardLast4, :cardBrand, :cardExpiryMonth,
                               :cardExpiryYear, :resultCode, :resultDescription, :gatewayTransactionId, :failureReason,
                               :redirectUrl, :redirectMethod, cast(:redirectParameters as jsonb), :createdAt, :updatedAt)
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
                               redirect_parameters = cast(:redirectParameters as jsonb), updated_at = :updatedAt
                         where payment_id = :paymentId
                        """)
                .params(changeable(row))
                .update();
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
        params.put("redirectParameters",
                outcome.redirectParameters() == null ? null : JSON.writeValueAsString(outcome.redirectParameters()));
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
                bin == null || expiryMonth == null || expiryYear == null ? null : new PaymentRow.MaskedCard(bin,
                        rs.getString("card_last4_digits"), rs.getString("card_brand"), expiryMonth, expiryYear),
                new PaymentRow.Outcome(
                        rs.getString("result_code"),
                        rs.getString("result_description"),
                        rs.getString("gateway_transaction_id"),
                        rs.getString("failure_reason"),
                        rs.getString("redirect_url"),
                        rs.getString("redirect_method"),
                        parameters == null ? null : JSON.readValue(parameters, STRING_MAP)),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

package io.s2spay.checkout.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code stored_credential} rows: the merchants' stored cards and whether they may be charged. */
@Repository
class StoredCredentialRepository {

    private final JdbcClient jdbc;

    StoredCredentialRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Records the credential a successful customer-initiated payment with {@code storeCard} created. */
    void registerCreatedBy(PaymentRow payment, String initialTransactionId, Instant now) {
        PaymentRow.MaskedCard card = payment.card();
        jdbc.sql("""
                        insert into stored_credential (stored_credential_id, merchant_id, payment_id, credential_type,
                               status, payment_brand, initial_transaction_id, card_bin, card_last4_digits, card_brand,
                               card_expiry_month, card_expiry_year, created_at, updated_at)
                        values (:id, :merchantId, :paymentId, :type, 'ACTIVE', :brand, :initialTransactionId, :bin,
                               :last4, :cardBrand, :month, :year, :now, :now)
                        on conflict (stored_credential_id) do nothing
                        """)
                .param("id", payment.storedCredential().id())
                .param("merchantId", payment.merchantId())
                .param("paymentId", payment.paymentId())
                .param("type", payment.storedCredential().type())
                .param("brand", payment.paymentBrand())
                .param("initialTransactionId", initialTransactionId)
                .param("bin", card == null ? null : card.bin())
                .param("last4", card == null ? null : card.last4Digits())
                .param("cardBrand", card == null ? null : card.brand())
                .param("month", card == null ? null : card.expiryMonth())
                .param("year", card == null ? null : card.expiryYear())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The credential, only if it belongs to {@code merchantId}. */
    Optional<StoredCredentialRow> find(String merchantId, String id) {
        return jdbc.sql(
                        "select * from stored_credential where stored_credential_id = :id and merchant_id = :merchantId")
                .param("id", id)
                .param("merchantId", merchantId)
                .query(StoredCredentialRepository::row)
                .optional();
    }

    /** The credential, locked until the end of the transaction, only if it belongs to {@code merchantId}. */
    Optional<StoredCredentialRow> lock(String merchantId, String id) {
        return jdbc.sql("""
                        select * from stored_credential where stored_credential_id = :id and merchant_id = :merchantId
                           for update
                        """)
                .param("id", id)
                .param("merchantId", merchantId)
                .query(StoredCredentialRepository::row)
                .optional();
    }

    /** The credential is being deleted by the command {@code commandId}: no more charges. */
    void markDeleting(String id, String commandId, Instant now) {
        jdbc.sql("""
                        update stored_credential set status = 'DELETING', delete_command_id = :commandId,
                               failure_reason = null, updated_at = :now
                         where stored_credential_id = :id
                        """)
                .param("id", id)
                .param("commandId", commandId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The gateway deregistered it. */
    void markDeleted(String merchantId, String id, Instant now) {
        jdbc.sql("""
                        update stored_credential set status = 'DELETED', failure_reason = null, updated_at = :now
                         where stored_credential_id = :id and merchant_id = :merchantId
                        """)
                .param("id", id)
                .param("merchantId", merchantId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The deletion sent as {@code commandId} was refused: the credential stays usable, with the reason. */
    void deletionRefused(String merchantId, String commandId, String reason, Instant now) {
        jdbc.sql("""
                        update stored_credential set status = 'ACTIVE', failure_reason = :reason, updated_at = :now
                         where delete_command_id = :commandId and merchant_id = :merchantId and status = 'DELETING'
                        """)
                .param("commandId", commandId)
                .param("merchantId", merchantId)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static StoredCredentialRow row(ResultSet rs, int rowNum) throws SQLException {
        Integer month = rs.getObject("card_expiry_month", Integer.class);
        Integer year = rs.getObject("card_expiry_year", Integer.class);
        String bin = rs.getString("card_bin");
        return new StoredCredentialRow(
                rs.getString("stored_credential_id"),
                rs.getString("merchant_id"),
                rs.getString("payment_id"),
                rs.getString("credential_type"),
                StoredCredentialRow.Status.valueOf(rs.getString("status")),
                rs.getString("payment_brand"),
                rs.getString("initial_transaction_id"),
                bin == null || month == null || year == null
                        ? null
                        : new PaymentRow.MaskedCard(
                                bin, rs.getString("card_last4_digits"), rs.getString("card_brand"), month, year),
                rs.getString("delete_command_id"),
                rs.getString("failure_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

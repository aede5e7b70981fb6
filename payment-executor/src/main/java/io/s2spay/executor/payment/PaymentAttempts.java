package io.s2spay.executor.payment;

import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.platform.janitor.LeasedClaim;
import io.s2spay.schema.CardSummary;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.StandingInstruction;
import io.s2spay.schema.StandingInstructionMode;
import io.s2spay.schema.StandingInstructionSource;
import io.s2spay.schema.StandingInstructionType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_attempt} table: every method runs in the caller's transaction. */
@Repository
class PaymentAttempts implements StoredCardAccounts {

    private static final String COLUMNS = """
            attempt_id, payment_id, merchant_id, merchant_transaction_id, payment_type, amount_minor, currency,
            payment_brand, vault_id, card_bin, card_last4, card_brand, card_expiry_month, card_expiry_year,
            registration_id, create_registration, si_mode, si_type, si_source, si_initial_transaction_id,
            shopper_result_url, descriptor, command_message_id, correlation_id, gateway_account, state, submissions,
            created_at""";

    /** Attempts left in SUBMITTING past their recovery time; the claim also marks them updated. */
    private static final LeasedClaim STUCK_ATTEMPTS = new LeasedClaim(
            "payment_attempt",
            List.of("attempt_id"),
            LeasedClaim.inList("state", List.of(AttemptState.SUBMITTING)),
            "recover_after",
            "updated_at = now()");

    private final JdbcClient jdbc;

    PaymentAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new attempt, or says why it cannot be recorded: the payment already has an attempt, or the merchant
     * already used the merchantTransactionId (one gateway merchantTransactionId per attempt).
     */
    Optional<PaymentRejectionReason> insert(PaymentAttempt attempt, Duration recoverAfter) {
        PaymentInstruction c = attempt.instruction();
        CardSummary card = c.card();
        StandingInstruction si = c.standingInstruction();
        int inserted = jdbc.sql("""
                        insert into payment_attempt (attempt_id, payment_id, merchant_id, merchant_transaction_id,
                            payment_type, amount_minor, currency, payment_brand, vault_id, card_bin, card_last4,
                            card_brand, card_expiry_month, card_expiry_year, registration_id, create_registration,
                            si_mode, si_type, si_source, si_initial_transaction_id, shopper_result_url, descriptor,
                            command_message_id, correlation_id, gateway_account, state, recover_after)
                        values (:attemptId, :paymentId, :merchantId, :merchantTransactionId, :paymentType, :amountMinor,
                            :currency, :paymentBrand, :vaultId, :cardBin, :cardLast4, :cardBrand, :cardExpiryMonth,
                            :cardExpiryYear, :registrationId, :createRegistration, :siMode, :siType, :siSource,
                            :siInitialTransactionId, :shopperResultUrl, :descriptor, :commandMessageId, :correlationId,
                            :gatewayAccount, :state, now() + make_interval(secs => :recoverAfterSeconds))
                        on conflict do nothing""")
                .param("attemptId", attempt.attemptId())
                .param("paymentId", c.paymentId())
                .param("merchantId", c.merchantId())
                .param("merchantTransactionId", c.merchantTransactionId())
                .param("paymentType", c.paymentType().name())
                .param("amountMinor", c.amountMinor())
                .param("currency", c.currency())
                .param("paymentBrand", c.paymentBrand())
                .param("vaultId", c.vaultId())
                .param("cardBin", card == null ? null : card.getBin())
                .param("cardLast4", card == null ? null : card.getLast4Digits())
                .param("cardBrand", card == null ? null : card.getBrand())
                .param("cardExpiryMonth", card == null ? null : card.getExpiryMonth())
                .param("cardExpiryYear", card == null ? null : card.getExpiryYear())
                .param("registrationId", c.registrationId())
                .param("createRegistration", c.createRegistration())
                .param("siMode", si == null ? null : si.getMode().name())
                .param("siType", si == null ? null : si.getType().name())
                .param("siSource", si == null ? null : si.getSource().name())
                .param("siInitialTransactionId", si == null ? null : si.getInitialTransactionId())
                .param("shopperResultUrl", c.shopperResultUrl())
                .param("descriptor", c.descriptor())
                .param("commandMessageId", c.messageId())
                .param("correlationId", c.correlationId())
                .param("gatewayAccount", attempt.account().toString())
                .param("state", attempt.state().name())
                .param("recoverAfterSeconds", (double) recoverAfter.toMillis() / 1000)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        boolean paymentHasAttempt = jdbc.sql(
                        "select exists (select 1 from payment_attempt where payment_id = :paymentId)")
                .param("paymentId", c.paymentId())
                .query(Boolean.class)
                .single();
        return Optional.of(
                paymentHasAttempt
                        ? PaymentRejectionReason.DUPLICATE_PAYMENT
                        : PaymentRejectionReason.DUPLICATE_MERCHANT_TRANSACTION_ID);
    }

    /** The payment's attempt, locked until the end of the caller's transaction. */
    Optional<PaymentAttempt> lockByAttemptId(UUID attemptId) {
        return jdbc.sql("select " + COLUMNS + " from payment_attempt where attempt_id = :attemptId for update")
                .param("attemptId", attemptId)
                .query(PaymentAttempts::map)
                .optional();
    }

    /** The payment's attempt, without locking (for reads and tests). */
    Optional<PaymentAttempt> findByPaymentId(String paymentId) {
        return jdbc.sql("select " + COLUMNS + " from payment_attempt where payment_id = :paymentId")
                .param("paymentId", paymentId)
                .query(PaymentAttempts::map)
                .optional();
    }

    /**
     * Claims up to {@code limit} attempts left in SUBMITTING past their recovery time (their executor presumably
     * died between recording and answer) and pushes their recovery time out by {@code lease}, so another instance
     * does not pick them up meanwhile. Rows another instance is claiming right now are skipped, not waited for.
     */
    List<PaymentAttempt> claimStuck(int limit, Duration lease) {
        // on the database's clock, like recover_after when the attempt was recorded
        return STUCK_ATTEMPTS.claim(jdbc, null, limit, lease, PaymentAttempts::map);
    }

    /**
     * Moves an attempt still SUBMITTING on {@code from} to {@code to} (a failover), pushing its recovery time out by
     * {@code recoverAfter} for the send to come; false when it is no longer open on {@code from} (recovered meanwhile).
     */
    boolean moveToAccount(UUID attemptId, GatewayAccount from, GatewayAccount to, Duration recoverAfter) {
        return jdbc.sql("""
                                update payment_attempt set gateway_account = :to, updated_at = now(),
                                    recover_after = now() + make_interval(secs => :recoverAfterSeconds)
                                where attempt_id = :attemptId and state = 'SUBMITTING' and gateway_account = :from""")
                        .param("to", to.toString())
                        .param("recoverAfterSeconds", (double) recoverAfter.toMillis() / 1000)
                        .param("attemptId", attemptId)
                        .param("from", from.toString())
                        .update()
                == 1;
    }

    @Override
    public Optional<GatewayAccount> accountOfRegistration(String merchantId, String registrationId) {
        return jdbc.sql("""
                        select gateway_account from payment_attempt
                        where merchant_id = :merchantId and created_registration_id = :registrationId
                        order by created_at desc limit 1""")
                .param("merchantId", merchantId)
                .param("registrationId", registrationId)
                .query(String.class)
                .optional()
                .map(GatewayAccount::parse);
    }

    /** Records the gateway's answer and the state it led to. */
    void recordOutcome(UUID attemptId, AttemptState state, GatewayAnswer answer, int submissions) {
        GatewayTransaction t = answer.transaction();
        jdbc.sql("""
                        update payment_attempt set state = :state, submissions = :submissions,
                            gateway_transaction_id = :gatewayTransactionId, result_code = :resultCode,
                            result_description = :resultDescription, result_category = :resultCategory,
                            result_timestamp = :resultTimestamp, created_registration_id = :registrationId,
                            outcome_reason = :reason, updated_at = now()
                        where attempt_id = :attemptId""")
                .param("state", state.name())
                .param("submissions", submissions)
                .param("gatewayTransactionId", t.gatewayTransactionId())
                .param("resultCode", t.resultCode())
                .param("resultDescription", t.resultDescription())
                .param("resultCategory", t.category())
                .param("resultTimestamp", t.timestamp() == null ? null : Timestamp.from(t.timestamp()))
                .param("registrationId", t.storedCardId())
                .param("reason", t.failureReason())
                .param("attemptId", attemptId)
                .update();
    }

    private static PaymentAttempt map(ResultSet rs, int row) throws SQLException {
        CardSummary card = rs.getString("card_bin") == null
                ? null
                : new CardSummary(
                        rs.getString("card_bin"),
                        rs.getString("card_last4"),
                        rs.getString("card_brand"),
                        rs.getInt("card_expiry_month"),
                        rs.getInt("card_expiry_year"));
        StandingInstruction si = rs.getString("si_mode") == null
                ? null
                : new StandingInstruction(
                        StandingInstructionMode.valueOf(rs.getString("si_mode")),
                        StandingInstructionType.valueOf(rs.getString("si_type")),
                        StandingInstructionSource.valueOf(rs.getString("si_source")),
                        rs.getString("si_initial_transaction_id"));
        PaymentInstruction instruction = new PaymentInstruction(
                rs.getString("command_message_id"),
                rs.getString("payment_id"),
                rs.getString("merchant_id"),
                rs.getString("correlation_id"),
                PaymentType.valueOf(rs.getString("payment_type")),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                rs.getString("payment_brand"),
                rs.getString("merchant_transaction_id"),
                rs.getString("vault_id"),
                card,
                rs.getString("registration_id"),
                rs.getBoolean("create_registration"),
                si,
                rs.getString("shopper_result_url"),
                rs.getString("descriptor"));
        return new PaymentAttempt(
                rs.getObject("attempt_id", UUID.class),
                instruction,
                GatewayAccount.parse(rs.getString("gateway_account")),
                AttemptState.valueOf(rs.getString("state")),
                rs.getInt("submissions"),
                rs.getTimestamp("created_at").toInstant());
    }
}

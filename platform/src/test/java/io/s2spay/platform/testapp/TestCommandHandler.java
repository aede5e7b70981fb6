package io.s2spay.platform.testapp;

import io.s2spay.platform.messaging.DependencyUnavailableException;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.schema.command.DebitPayment;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each command once in {@code handled_command}. Merchant transaction ids drive the failure
 * cases: {@code invalid-*} is rejected, {@code flaky-*} fails on its first two deliveries, {@code outage-*} finds
 * the database unreachable on its first {@value #OUTAGE_DELIVERIES} deliveries (more than the retries allowed for
 * other failures), {@code gateway-down-*} finds a dependency unavailable on as many deliveries.
 */
@Service
public class TestCommandHandler {

    public static final int OUTAGE_DELIVERIES = 6;

    private final ProcessedMessages processedMessages;
    private final JdbcClient jdbc;

    TestCommandHandler(ProcessedMessages processedMessages, JdbcClient jdbc) {
        this.processedMessages = processedMessages;
        this.jdbc = jdbc;
    }

    @Transactional
    public void handle(PaymentCommandEnvelope command, int delivery) {
        String merchantTransactionId = ((DebitPayment) command.getPayload()).getMerchantTransactionId();
        if (merchantTransactionId.startsWith("invalid-")) {
            throw new InvalidMessageException("merchantTransactionId " + merchantTransactionId + " is not acceptable");
        }
        if (merchantTransactionId.startsWith("flaky-") && delivery <= 2) {
            throw new IllegalStateException("transient failure on delivery " + delivery);
        }
        if (merchantTransactionId.startsWith("outage-") && delivery <= OUTAGE_DELIVERIES) {
            throw new CannotGetJdbcConnectionException(
                    "Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("Connection to 127.0.0.1:5432 refused"));
        }
        if (merchantTransactionId.startsWith("gateway-down-") && delivery <= OUTAGE_DELIVERIES) {
            throw new DependencyUnavailableException("the gateway did not answer (delivery " + delivery + ")");
        }
        if (!processedMessages.markProcessed(command.getMessageId())) {
            return;
        }
        jdbc.sql("insert into handled_command (message_id, payment_id) values (?, ?)")
                .params(command.getMessageId(), command.getPaymentId())
                .update();
    }

    /** How many rows the command with this message id produced. */
    public int handledCount(String messageId) {
        return jdbc.sql("select count(*) from handled_command where message_id = ?")
                .param(messageId)
                .query(Integer.class)
                .single();
    }
}

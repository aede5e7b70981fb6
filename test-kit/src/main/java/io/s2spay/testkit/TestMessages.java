package io.s2spay.testkit;

import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Envelopes and payloads as the services publish them, for tests that play another service's part. */
public final class TestMessages {

    private TestMessages() {}

    /** A fresh payment id in the form checkout mints. */
    public static String newPaymentId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A payment event of {@code merchantId} with a fresh message id, correlated by the payment and caused by nothing. */
    public static PaymentEventEnvelope paymentEvent(String paymentId, String merchantId, SpecificRecord payload) {
        return PaymentEventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId(merchantId)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId("corr-" + paymentId)
                .setCausationId(null)
                .setPayload(payload)
                .build();
    }

    /** A back-office command of {@code merchantId} with a fresh message id, correlated by the payment. */
    public static BackofficeCommandEnvelope backofficeCommand(
            String paymentId, String merchantId, SpecificRecord payload) {
        return BackofficeCommandEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setPaymentId(paymentId)
                .setMerchantId(merchantId)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId("corr-" + paymentId)
                .setCausationId(null)
                .setPayload(payload)
                .build();
    }

    /** A successful EUR card debit as the executor publishes it (no card summary, no registration). */
    public static PaymentDebited debited(long amountMinor, String merchantTransactionId, String gatewayTransactionId) {
        return PaymentDebited.newBuilder()
                .setPaymentType(PaymentType.DB)
                .setAmount(new Money(amountMinor, "EUR"))
                .setMerchantTransactionId(merchantTransactionId)
                .setGatewayResult(
                        new GatewayResult(gatewayTransactionId, "000.100.110", "Request successfully processed", null))
                .setCard(null)
                .setRegistrationId(null)
                .build();
    }
}

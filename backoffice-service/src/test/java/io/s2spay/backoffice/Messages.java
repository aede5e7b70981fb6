package io.s2spay.backoffice;

import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.command.CapturePayment;
import io.s2spay.schema.command.ConfirmReceipt;
import io.s2spay.schema.command.RebillPayment;
import io.s2spay.schema.command.RecordChargeback;
import io.s2spay.schema.command.RefundPayment;
import io.s2spay.schema.command.ReverseChargeback;
import io.s2spay.schema.command.ReversePayment;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.testkit.TestMessages;
import org.apache.avro.specific.SpecificRecord;

/** Commands and events as other services publish them, for tests that play their part. */
public final class Messages {

    public static final String MERCHANT = "merchant-demo";

    private Messages() {}

    public static String newPaymentId() {
        return TestMessages.newPaymentId();
    }

    public static Money eur(long minor) {
        return new Money(minor, "EUR");
    }

    public static PaymentEventEnvelope event(String paymentId, SpecificRecord payload) {
        return TestMessages.paymentEvent(paymentId, MERCHANT, payload);
    }

    public static BackofficeCommandEnvelope command(String paymentId, SpecificRecord payload) {
        return command(paymentId, MERCHANT, payload);
    }

    public static BackofficeCommandEnvelope command(String paymentId, String merchantId, SpecificRecord payload) {
        return TestMessages.backofficeCommand(paymentId, merchantId, payload);
    }

    public static PaymentAuthorized authorized(long minor, String merchantTransactionId, String gatewayTransactionId) {
        return PaymentAuthorized.newBuilder()
                .setPaymentType(PaymentType.PA)
                .setAmount(eur(minor))
                .setMerchantTransactionId(merchantTransactionId)
                .setGatewayResult(
                        new GatewayResult(gatewayTransactionId, "000.100.110", "Request successfully processed", null))
                .setCard(null)
                .setRegistrationId(null)
                .build();
    }

    public static PaymentDebited debited(long minor, String merchantTransactionId, String gatewayTransactionId) {
        return TestMessages.debited(minor, merchantTransactionId, gatewayTransactionId);
    }

    public static PaymentRefunded refunded(String operationId, long minor) {
        return new PaymentRefunded(operationId, eur(minor), new GatewayResult("gw-rf", "000.100.110", "ok", null));
    }

    public static CapturePayment capture(String operationId, Money amount) {
        return new CapturePayment(operationId, amount);
    }

    public static ReversePayment reverse(String operationId) {
        return new ReversePayment(operationId, null);
    }

    public static RefundPayment refund(String operationId, Money amount) {
        return new RefundPayment(operationId, amount);
    }

    public static RebillPayment rebill(String operationId, Money amount) {
        return new RebillPayment(operationId, amount);
    }

    public static RecordChargeback chargeback(String operationId, Money amount) {
        return new RecordChargeback(operationId, amount);
    }

    public static ReverseChargeback chargebackReversal(String operationId, Money amount) {
        return new ReverseChargeback(operationId, amount);
    }

    public static ConfirmReceipt receipt(String operationId, Money amount) {
        return new ConfirmReceipt(operationId, amount);
    }
}

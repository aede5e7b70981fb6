package io.s2spay.poller;

import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.testkit.TestMessages;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Events as the executor publishes them, for tests that play the executor's part. */
final class PaymentEvents {

    static final String MERCHANT = "merchant-demo";

    private PaymentEvents() {}

    static String newPaymentId() {
        return TestMessages.newPaymentId();
    }

    static PaymentEventEnvelope envelope(String paymentId, SpecificRecord payload) {
        return TestMessages.paymentEvent(paymentId, MERCHANT, payload);
    }

    static PaymentRedirectRequired redirectRequired(
            PaymentType type, long amountMinor, String merchantTransactionId, String gatewayTransactionId) {
        return PaymentRedirectRequired.newBuilder()
                .setPaymentType(type)
                .setAmount(new Money(amountMinor, "EUR"))
                .setMerchantTransactionId(merchantTransactionId)
                .setGatewayResult(new GatewayResult(gatewayTransactionId, "000.200.000", "transaction pending", null))
                .setRedirect(new Redirect("http://127.0.0.1:8090/connectors/threeds/challenge", "POST", Map.of()))
                .build();
    }

    static PaymentOutcomeUnknown outcomeUnknown(PaymentType type, long amountMinor, String merchantTransactionId) {
        return PaymentOutcomeUnknown.newBuilder()
                .setPaymentType(type)
                .setAmount(new Money(amountMinor, "EUR"))
                .setMerchantTransactionId(merchantTransactionId)
                .setReason("outcome not known yet: timeout")
                .build();
    }

    static PaymentDebited debited(long amountMinor, String merchantTransactionId, String gatewayTransactionId) {
        return TestMessages.debited(amountMinor, merchantTransactionId, gatewayTransactionId);
    }
}

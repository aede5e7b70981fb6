package io.s2spay.backoffice.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.backoffice.BackofficeTestApplication;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentDeclined;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.ReceiptConfirmed;
import io.s2spay.testkit.TestMessages;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The balance projection on real PostgreSQL: an event never moves the balances of a payment that belongs to another
 * merchant than the one it names, nor adds an amount in another currency than the payment's.
 */
class BalanceProjectionIT {

    private static final String MERCHANT = "merchant-demo";
    private static final String OTHER_MERCHANT = "merchant-other";

    private static ConfigurableApplicationContext service;
    private static BalanceProjection projection;
    private static PaymentBalances balances;

    @BeforeAll
    static void startService() {
        service = BackofficeTestApplication.start(Map.of());
        projection = service.getBean(BalanceProjection.class);
        balances = service.getBean(PaymentBalances.class);
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void anEventNamingAnotherMerchantLeavesThePaymentsBalancesAlone() {
        String paymentId = TestMessages.newPaymentId();
        projection.apply(TestMessages.paymentEvent(paymentId, MERCHANT, debited(10_000, "EUR")));

        PaymentEventEnvelope foreignRefund =
                TestMessages.paymentEvent(paymentId, OTHER_MERCHANT, refunded("rf-1", 4_000, "EUR"));
        assertThatThrownBy(() -> projection.apply(foreignRefund))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining(OTHER_MERCHANT);
        PaymentEventEnvelope foreignCapture = TestMessages.paymentEvent(
                paymentId, OTHER_MERCHANT, new PaymentCaptured("cp-1", new Money(1_000L, "EUR"), result("gw-cp")));
        assertThatThrownBy(() -> projection.apply(foreignCapture)).isInstanceOf(InvalidMessageException.class);

        PaymentBalance balance = balances.find(paymentId).orElseThrow();
        assertThat(balance.merchantId()).isEqualTo(MERCHANT);
        assertThat(balance.refundedMinor()).isZero();
        assertThat(balance.capturedMinor()).isZero();
        assertThat(balance.refundableMinor()).isEqualTo(10_000);
    }

    @Test
    void anEventInAnotherCurrencyThanThePaymentsIsRefused() {
        String paymentId = TestMessages.newPaymentId();
        projection.apply(TestMessages.paymentEvent(paymentId, MERCHANT, debited(10_000, "EUR")));

        PaymentEventEnvelope refundInYen =
                TestMessages.paymentEvent(paymentId, MERCHANT, refunded("rf-1", 4_000, "JPY"));
        assertThatThrownBy(() -> projection.apply(refundInYen))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("JPY");

        PaymentBalance balance = balances.find(paymentId).orElseThrow();
        assertThat(balance.currency()).isEqualTo("EUR");
        assertThat(balance.refundedMinor()).isZero();
        assertThat(balance.refundableMinor()).isEqualTo(10_000);
    }

    @Test
    void theLifecycleDecidesWhatAnEventMayMove() {
        String paymentId = TestMessages.newPaymentId();
        projection.apply(TestMessages.paymentEvent(paymentId, MERCHANT, debited(10_000, "EUR")));

        // a debit is never captured: the lifecycle has no CP on DEBITED, so the money stays where it is
        projection.apply(TestMessages.paymentEvent(
                paymentId, MERCHANT, new PaymentCaptured("cp-1", new Money(10_000L, "EUR"), result("gw-cp"))));
        // a late outcome does not undo the settled one
        projection.apply(TestMessages.paymentEvent(
                paymentId,
                MERCHANT,
                PaymentDeclined.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(10_000L, "EUR"))
                        .setMerchantTransactionId("mtid-late")
                        .setGatewayResult(result("gw-db"))
                        .setCategory("BANK_DECLINE")
                        .build()));
        // the same refund seen twice (its command's outcome and its event, or a second event) counts once
        projection.apply(TestMessages.paymentEvent(paymentId, MERCHANT, refunded("rf-1", 4_000, "EUR")));
        projection.apply(TestMessages.paymentEvent(paymentId, MERCHANT, refunded("rf-1", 4_000, "EUR")));

        PaymentBalance balance = balances.find(paymentId).orElseThrow();
        assertThat(balance.state()).isEqualTo(PaymentState.DEBITED);
        assertThat(balance.capturedMinor()).isZero();
        assertThat(balance.captureCount()).isZero();
        assertThat(balance.refundedMinor()).isEqualTo(4_000);
        assertThat(balance.refundableMinor()).isEqualTo(6_000);
    }

    @Test
    void aReceiptSettlesATransferAwaitingIt() {
        String paymentId = TestMessages.newPaymentId();
        projection.apply(TestMessages.paymentEvent(
                paymentId,
                MERCHANT,
                PaymentAwaitingReceipt.newBuilder()
                        .setPaymentType(PaymentType.DB)
                        .setAmount(new Money(7_000L, "EUR"))
                        .setMerchantTransactionId("mtid-" + UUID.randomUUID())
                        .setGatewayResult(result("gw-db"))
                        .build()));
        assertThat(balances.find(paymentId).orElseThrow().state()).isEqualTo(PaymentState.AWAITING_RECEIPT);

        projection.apply(TestMessages.paymentEvent(
                paymentId, MERCHANT, new ReceiptConfirmed("rc-1", new Money(7_000L, "EUR"), result("gw-rc"))));

        PaymentBalance balance = balances.find(paymentId).orElseThrow();
        assertThat(balance.state()).isEqualTo(PaymentState.DEBITED);
        assertThat(balance.receiptConfirmedMinor()).isEqualTo(7_000);
        assertThat(balance.refundableMinor()).isEqualTo(7_000);
    }

    private static PaymentDebited debited(long minor, String currency) {
        return PaymentDebited.newBuilder()
                .setPaymentType(PaymentType.DB)
                .setAmount(new Money(minor, currency))
                .setMerchantTransactionId("mtid-" + UUID.randomUUID())
                .setGatewayResult(result("gw-db"))
                .setCard(null)
                .setRegistrationId(null)
                .build();
    }

    private static PaymentRefunded refunded(String operationId, long minor, String currency) {
        return new PaymentRefunded(operationId, new Money(minor, currency), result("gw-rf"));
    }

    private static GatewayResult result(String gatewayTransactionId) {
        return new GatewayResult(gatewayTransactionId, "000.100.110", "Request successfully processed", null);
    }
}

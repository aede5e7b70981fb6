package io.s2spay.backoffice;

import static io.s2spay.backoffice.Messages.eur;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.backoffice.BackofficeHarness.Payment;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.schema.GatewayAccountRef;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.schema.event.PaymentRefunded;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Back-office with several gateway accounts: OPP's {@code merchant-demo} and {@code shop-eu} (two entities of the
 * sandbox's merchant A, each holding only its own transactions) and a second gateway family, "tokens", that only
 * declares its account {@code shop-se} and what it can do (DB and RF): anything sent to it fails the test. Each
 * operation goes to the account its payment's events named; one the account's gateway cannot do is refused before
 * anything is sent; a payment whose events named no account goes, as always, to the merchant's account.
 */
class GatewayAccountsIT {

    // TEST VALUE: the sandbox's merchant A's second entity (gateway-sandbox.yml)
    private static final String SECOND_ENTITY = "8ac7a4c800000000000000000000a002";
    private static final GatewayAccount SHOP_EU = GatewayAccount.parse("opp:shop-eu");
    private static final GatewayAccount SHOP_SE = GatewayAccount.parse("tokens:shop-se");

    private static final DeclaredGateway tokens =
            new DeclaredGateway("tokens", Set.of("shop-se"), EnumSet.of(TransactionType.DB, TransactionType.RF));
    private static BackofficeHarness harness;

    @BeforeAll
    static void start() {
        harness = new BackofficeHarness(Map.of(), Map.of(), List.of(tokens), sandbox -> {
            Map<String, Object> shopEu = new LinkedHashMap<>(sandbox.connectorProperties("shop-eu"));
            shopEu.put("s2spay.opp.accounts.shop-eu.entity-id", SECOND_ENTITY);
            return shopEu;
        });
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void refundsAtTheAccountThePaymentsEventsNamedAndTheRefundNamesIt() {
        Payment payment = harness.atGateway("shop-eu", OppPaymentType.DB, 8_000, BackofficeHarness.VISA);
        // the first account named wins: a later event naming another one (a producer's mistake) does not move it
        harness.publish(Topics.PAYMENT_EVENTS, on(SHOP_EU, payment.paymentId(), unknown(8_000, payment)));
        harness.awaitState(payment.paymentId(), PaymentState.UNKNOWN);
        harness.publish(
                Topics.PAYMENT_EVENTS,
                on(
                        new GatewayAccount("opp", Messages.MERCHANT),
                        payment.paymentId(),
                        Messages.debited(8_000, payment.merchantTransactionId(), payment.gatewayTransactionId())));
        harness.awaitState(payment.paymentId(), PaymentState.DEBITED);

        BackofficeCommandEnvelope refund = harness.send(payment.paymentId(), Messages.refund("rf-1", eur(3_000)));
        PaymentEventEnvelope refunded = harness.awaitCausedBy(refund);

        assertThat(harness.balances.find(payment.paymentId()).orElseThrow().gatewayAccount())
                .isEqualTo(SHOP_EU);
        // merchant-demo's entity holds no such payment: a refund sent there would have been refused
        assertThat(refunded.getPayload()).isInstanceOf(PaymentRefunded.class);
        assertThat(((PaymentRefunded) refunded.getPayload()).getAmount()).isEqualTo(eur(3_000));
        assertThat(refunded.getGateway()).isEqualTo(new GatewayAccountRef("opp", "shop-eu"));
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isEqualTo(1);
    }

    @Test
    void refusesBeforeSendingAnOperationThePaymentsGatewayDoesNotSupport() {
        String paymentId = Messages.newPaymentId();
        harness.publish(
                Topics.PAYMENT_EVENTS, on(SHOP_SE, paymentId, Messages.debited(5_000, "mtid-" + paymentId, "tok-pay")));
        harness.awaitState(paymentId, PaymentState.DEBITED);

        PaymentEventEnvelope rebill =
                harness.awaitCausedBy(harness.send(paymentId, Messages.rebill("rb-1", eur(1_000))));
        PaymentEventEnvelope chargeback =
                harness.awaitCausedBy(harness.send(paymentId, Messages.chargeback("cb-1", eur(1_000))));

        for (PaymentEventEnvelope event : List.of(rebill, chargeback)) {
            BackofficeCommandRejected rejected = (BackofficeCommandRejected) event.getPayload();
            assertThat(rejected.getReasonCode()).isEqualTo("OPERATION_NOT_SUPPORTED_BY_GATEWAY");
            assertThat(rejected.getReason()).contains("tokens:shop-se", "supports RF");
            assertThat(rejected.getGatewayResult()).isNull();
            // refused before anything was sent: no gateway took part (the reason names the account)
            assertThat(event.getGateway()).isNull();
        }
        assertThat(((BackofficeCommandRejected) rebill.getPayload()).getReason())
                .contains("RB");
        assertThat(tokens.calls()).isEmpty();
        assertThat(harness.balances.find(paymentId).orElseThrow().rebilledMinor())
                .isZero();
    }

    @Test
    void refusesAnOperationOnAPaymentWhoseAccountIsNotConfigured() {
        String paymentId = Messages.newPaymentId();
        harness.publish(
                Topics.PAYMENT_EVENTS,
                on(
                        GatewayAccount.parse("tokens:shop-gone"),
                        paymentId,
                        Messages.debited(5_000, "mtid-" + paymentId, "tok-pay")));
        harness.awaitState(paymentId, PaymentState.DEBITED);

        BackofficeCommandRejected rejected =
                harness.carryOut(paymentId, Messages.refund("rf-1", eur(1_000)), BackofficeCommandRejected.class);

        assertThat(rejected.getReasonCode()).isEqualTo("GATEWAY_ACCOUNT_NOT_CONFIGURED");
        assertThat(rejected.getReason()).contains("tokens:shop-gone");
        assertThat(tokens.calls()).isEmpty();
    }

    @Test
    void aPaymentWhoseEventsNamedNoAccountIsRefundedAtTheMerchantsAccountAsBefore() {
        Payment payment = harness.debited(6_000);

        BackofficeCommandEnvelope refund = harness.send(payment.paymentId(), Messages.refund("rf-1", eur(6_000)));
        PaymentEventEnvelope refunded = harness.awaitCausedBy(refund);

        assertThat(harness.balances.find(payment.paymentId()).orElseThrow().gatewayAccount())
                .isNull();
        assertThat(refunded.getPayload()).isInstanceOf(PaymentRefunded.class);
        assertThat(refunded.getGateway()).isEqualTo(new GatewayAccountRef("opp", Messages.MERCHANT));
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isEqualTo(1);
    }

    private static PaymentEventEnvelope on(GatewayAccount account, String paymentId, SpecificRecord payload) {
        PaymentEventEnvelope event = Messages.event(paymentId, payload);
        event.setGateway(account.toRef());
        return event;
    }

    private static PaymentOutcomeUnknown unknown(long minor, Payment payment) {
        return new PaymentOutcomeUnknown(
                PaymentType.DB, eur(minor), payment.merchantTransactionId(), "the answer was lost");
    }
}

package io.s2spay.executor.routing;

import static io.s2spay.executor.routing.RoutedPayments.merchantTransactionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.executor.PaymentExecutorApplication;
import io.s2spay.schema.GatewayAccountRef;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentAuthorized;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.schema.event.PaymentOutcomeUnknown;
import io.s2spay.testkit.GatewaySandboxes;
import io.s2spay.testkit.TestInfrastructure;
import io.s2spay.vault.CardVault;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The executor with two gateway families (OPP and the tokens API, both the real sandbox over HTTP) routes each
 * payment by its merchant's rules, names the account on the outcome event, and never fails over an UNKNOWN outcome
 * (a timeout): the first gateway may have charged. The ledgers of both gateways prove where the money went.
 */
@SpringBootTest(
        classes = PaymentExecutorApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=payment-executor",
            "s2spay.executor.recovery.interval=1h",
            // the sandbox holds a timeout unanswered: a read timeout here, then look-ups that find nothing
            "s2spay.tokens.read-timeout=1s",
            "s2spay.tokens.resolution.initial-backoff=100ms",
            "s2spay.tokens.resolution.max-queries=2"
        })
class GatewayRoutingIT {

    /** Minor units the sandbox holds unanswered (a timeout), whatever the API. */
    private static final long TIMEOUT = 99_904;

    @Autowired
    private KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    private CardVault vault;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private MeterRegistry meters;

    private RoutedPayments payments;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().register(registry, "executor");
        RoutedPayments.register(
                registry, GatewaySandboxes.get(), GatewaySandboxes.get().baseUrl() + "tokens-api/");
    }

    @BeforeEach
    void payments() {
        payments = new RoutedPayments(kafka, vault, transactions, GatewaySandboxes.get());
    }

    @Test
    void eurVisaGoesToOppAndSekMasterToTheTokensApi() {
        PaymentCommandEnvelope eurVisa = payments.debit("4200000000000000", 9200, "EUR");
        PaymentCommandEnvelope sekMaster = payments.debit("5454545454545454", 29_900, "SEK");
        payments.send(eurVisa);
        payments.send(sekMaster);

        PaymentEventEnvelope viaOpp = payments.awaitOutcome(eurVisa.getPaymentId());
        assertThat(viaOpp.getPayload()).isInstanceOf(PaymentDebited.class);
        assertThat(viaOpp.getGateway()).isEqualTo(new GatewayAccountRef("opp", "merchant-demo"));
        assertThat(payments.oppCharges(merchantTransactionId(eurVisa))).isEqualTo(1);
        assertThat(payments.tokensCharges(merchantTransactionId(eurVisa))).isZero();

        PaymentEventEnvelope viaTokens = payments.awaitOutcome(sekMaster.getPaymentId());
        assertThat(viaTokens.getPayload()).isInstanceOf(PaymentDebited.class);
        assertThat(viaTokens.getGateway()).isEqualTo(new GatewayAccountRef("tokens", "shop-se"));
        PaymentDebited debited = (PaymentDebited) viaTokens.getPayload();
        assertThat(debited.getGatewayResult().getGatewayTransactionId()).startsWith("pay_");
        assertThat(payments.tokensCharges(merchantTransactionId(sekMaster))).isEqualTo(1);
        assertThat(payments.oppCharges(merchantTransactionId(sekMaster))).isZero();
    }

    @Test
    void aTimeoutAtTheFirstAccountIsNeverFailedOver() {
        PaymentCommandEnvelope sekMaster = payments.debit("5454545454545454", TIMEOUT, "SEK");
        payments.send(sekMaster);

        PaymentEventEnvelope outcome = payments.awaitOutcome(sekMaster.getPaymentId());
        // every send timed out and the look-ups found nothing yet: unknown at the tokens account, not sent elsewhere
        assertThat(outcome.getPayload()).isInstanceOf(PaymentOutcomeUnknown.class);
        assertThat(outcome.getGateway()).isEqualTo(new GatewayAccountRef("tokens", "shop-se"));
        assertThat(payments.oppCharges(merchantTransactionId(sekMaster))).isZero();
        assertThat(meters.find("s2spay.executor.failovers").counters()).isEmpty();
    }

    @Test
    void anAccountWhoseGatewayCannotDoThePaymentLeavesItsRoute() {
        // a pre-authorization of SEK MASTER: the tokens API has sales only, so the rule's second account (OPP) takes it
        PaymentCommandEnvelope sekMaster = payments.authorize("5454545454545454", 1000, "SEK");
        payments.send(sekMaster);
        PaymentEventEnvelope authorized = payments.awaitOutcome(sekMaster.getPaymentId());
        assertThat(authorized.getPayload()).isInstanceOf(PaymentAuthorized.class);
        assertThat(authorized.getGateway()).isEqualTo(new GatewayAccountRef("opp", "merchant-demo"));
        assertThat(payments.tokensCharges(merchantTransactionId(sekMaster))).isZero();
    }

    @Test
    void aPaymentNoAccountOfItsRouteCanTakeIsRefusedBeforeAnythingIsSent() {
        // NOK goes to the tokens account alone, which has no pre-authorization
        PaymentCommandEnvelope nokVisa = payments.authorize("4200000000000000", 1000, "NOK");
        payments.send(nokVisa);

        PaymentEventEnvelope refused = payments.awaitOutcome(nokVisa.getPaymentId());
        assertThat(refused.getPayload()).isInstanceOf(PaymentCommandRejected.class);
        PaymentCommandRejected rejected = (PaymentCommandRejected) refused.getPayload();
        assertThat(rejected.getReasonCode()).isEqualTo("NO_GATEWAY_FOR_PAYMENT");
        assertThat(rejected.getReason()).contains("tokens:shop-se does not support PA");
        assertThat(refused.getGateway()).isNull();
        assertThat(payments.tokensCharges(merchantTransactionId(nokVisa))).isZero();
        assertThat(payments.oppCharges(merchantTransactionId(nokVisa))).isZero();
    }
}

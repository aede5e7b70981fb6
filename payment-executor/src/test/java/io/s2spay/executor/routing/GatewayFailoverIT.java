package io.s2spay.executor.routing;

import static io.s2spay.executor.routing.RoutedPayments.merchantTransactionId;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.s2spay.executor.PaymentExecutorApplication;
import io.s2spay.schema.GatewayAccountRef;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentDebited;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.testkit.GatewaySandboxes;
import io.s2spay.testkit.TestInfrastructure;
import io.s2spay.vault.CardVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
 * The tokens API refuses every connection (its base URL is a port nobody listens on): a SEK MASTER debit, routed to
 * it first, provably never reached it and fails over to the rule's next account, OPP, which charges it once.
 */
@SpringBootTest(
        classes = PaymentExecutorApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=payment-executor",
            "s2spay.executor.recovery.interval=1h",
            // the tokens connector's defaults (10 s reads, 5 queries) outlast the executor's default lease
            "s2spay.tokens.read-timeout=2s",
            "s2spay.tokens.resolution.max-queries=2"
        })
class GatewayFailoverIT {

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
        RoutedPayments.register(registry, GatewaySandboxes.get(), "http://127.0.0.1:" + closedPort() + "/");
    }

    @BeforeEach
    void payments() {
        payments = new RoutedPayments(kafka, vault, transactions, GatewaySandboxes.get());
    }

    @Test
    void aRefusedConnectionFailsOverToTheNextAccountWhichChargesOnce() {
        PaymentCommandEnvelope sekMaster = payments.debit("5454545454545454", 29_900, "SEK");
        payments.send(sekMaster);

        PaymentEventEnvelope outcome = payments.awaitOutcome(sekMaster.getPaymentId());
        assertThat(outcome.getPayload()).isInstanceOf(PaymentDebited.class);
        assertThat(outcome.getGateway()).isEqualTo(new GatewayAccountRef("opp", "merchant-demo"));
        assertThat(payments.oppCharges(merchantTransactionId(sekMaster))).isEqualTo(1);
        assertThat(meters.find("s2spay.executor.failovers")
                        .tag("from", "tokens:shop-se")
                        .tag("to", "opp:merchant-demo")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aPaymentRoutedStraightToAReachableAccountIsNotFailedOver() {
        PaymentCommandEnvelope eurVisa = payments.debit("4200000000000000", 9200, "EUR");
        payments.send(eurVisa);

        PaymentEventEnvelope outcome = payments.awaitOutcome(eurVisa.getPaymentId());
        assertThat(outcome.getPayload()).isInstanceOf(PaymentDebited.class);
        assertThat(outcome.getGateway()).isEqualTo(new GatewayAccountRef("opp", "merchant-demo"));
        assertThat(payments.oppCharges(merchantTransactionId(eurVisa))).isEqualTo(1);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

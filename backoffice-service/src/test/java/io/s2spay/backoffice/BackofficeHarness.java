package io.s2spay.backoffice;

import static io.s2spay.backoffice.Messages.command;
import static io.s2spay.backoffice.Messages.event;
import static io.s2spay.backoffice.Messages.newPaymentId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.backoffice.balance.PaymentBalances;
import io.s2spay.connector.opp.OppGatewayClient;
import io.s2spay.connector.opp.OppOutcome;
import io.s2spay.connector.opp.OppPaymentRequest;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.event.PaymentEventEnvelope;
import io.s2spay.testkit.PublishedEvents;
import io.s2spay.testkit.SandboxGateway;
import io.s2spay.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The back-office service on real infrastructure against the OPP sandbox, and the parts the other services play:
 * payments made at the gateway as the executor makes them, their outcome events, commands as checkout sends them.
 */
public final class BackofficeHarness implements AutoCloseable {

    public static final CardData VISA = new CardData("4200000000000000", "Jane Doe", 12, 2030, "123");
    public static final CardData DECLINED_VISA = new CardData("4000000000000002", "Jane Doe", 12, 2030, "123");

    /** A payment made at the gateway whose outcome event the service has seen. */
    public record Payment(String paymentId, String merchantTransactionId, String gatewayTransactionId) {}

    public final SandboxGateway sandbox;
    public final ConfigurableApplicationContext service;
    public final OppGatewayClient gateway;
    public final PaymentBalances balances;
    public final PublishedEvents events;
    private final KafkaTemplate<String, SpecificRecord> kafka;

    public BackofficeHarness(Map<String, Object> overrides) {
        this(Map.of(), overrides);
    }

    /** The service with {@code overrides} on a sandbox of its own started with {@code sandboxProperties}. */
    public BackofficeHarness(Map<String, String> sandboxProperties, Map<String, Object> overrides) {
        this(sandboxProperties, overrides, List.of(), sandbox -> Map.of());
    }

    /**
     * The service as above, running with {@code adapters} (gateway families beside OPP) too, and with the connector
     * properties {@code accounts} reads from the sandbox (more OPP accounts).
     */
    @SuppressWarnings("unchecked")
    public BackofficeHarness(
            Map<String, String> sandboxProperties,
            Map<String, Object> overrides,
            List<GatewayPort> adapters,
            Function<SandboxGateway, Map<String, Object>> accounts) {
        sandbox = new SandboxGateway(sandboxProperties);
        Map<String, Object> properties = new LinkedHashMap<>(sandbox.connectorProperties(Messages.MERCHANT));
        properties.putAll(accounts.apply(sandbox));
        properties.put("s2spay.backoffice.payment-wait", "3s");
        properties.put("s2spay.backoffice.janitor-interval", "200ms");
        properties.put("s2spay.backoffice.unknown-first-check", "200ms");
        properties.put("s2spay.backoffice.unknown-max-interval", "1s");
        properties.putAll(overrides);
        service = BackofficeTestApplication.start(properties, adapters);
        gateway = service.getBean(OppGatewayClient.class);
        balances = service.getBean(PaymentBalances.class);
        kafka = service.getBean(KafkaTemplate.class);
        events = new PublishedEvents(TestInfrastructure.get());
    }

    /** A card pre-authorization approved by the gateway, and its {@code PaymentAuthorized} seen by the service. */
    public Payment authorized(long minor) {
        Payment payment = atGateway(OppPaymentType.PA, minor, VISA);
        publish(
                Topics.PAYMENT_EVENTS,
                event(
                        payment.paymentId(),
                        Messages.authorized(minor, payment.merchantTransactionId(), payment.gatewayTransactionId())));
        awaitState(payment.paymentId(), PaymentState.AUTHORIZED);
        return payment;
    }

    /** A card debit approved by the gateway, and its {@code PaymentDebited} seen by the service. */
    public Payment debited(long minor) {
        Payment payment = atGateway(OppPaymentType.DB, minor, VISA);
        publish(
                Topics.PAYMENT_EVENTS,
                event(
                        payment.paymentId(),
                        Messages.debited(minor, payment.merchantTransactionId(), payment.gatewayTransactionId())));
        awaitState(payment.paymentId(), PaymentState.DEBITED);
        return payment;
    }

    /** A card payment at the gateway, made as the executor makes it. */
    public Payment atGateway(OppPaymentType type, long minor, CardData card) {
        return atGateway(Messages.MERCHANT, type, minor, card);
    }

    /** A card payment at the gateway on the OPP account {@code account}, made as the executor makes it. */
    public Payment atGateway(String account, OppPaymentType type, long minor, CardData card) {
        String mtid = "mtid-" + UUID.randomUUID();
        OppTransaction answer = gateway.submitPayment(
                account, new OppPaymentRequest(type, minor, "EUR", "VISA", mtid, card, false, null, null, null, null));
        assertThat(answer.outcome()).isIn(OppOutcome.SUCCEEDED, OppOutcome.DECLINED);
        return new Payment(newPaymentId(), mtid, answer.gatewayTransactionId());
    }

    /** Sends a back-office command for the payment (as checkout does) and returns it. */
    public BackofficeCommandEnvelope send(String paymentId, SpecificRecord commandPayload) {
        BackofficeCommandEnvelope command = command(paymentId, commandPayload);
        publish(Topics.BACKOFFICE_COMMANDS, command);
        return command;
    }

    /** The event the command caused: its outcome or its rejection. */
    public SpecificRecord outcomeOf(BackofficeCommandEnvelope command) {
        return (SpecificRecord) awaitCausedBy(command).getPayload();
    }

    /** Sends a command and returns the event it caused, checked to be a {@code type}. */
    public <T> T carryOut(String paymentId, SpecificRecord commandPayload, Class<T> type) {
        SpecificRecord outcome = outcomeOf(send(paymentId, commandPayload));
        assertThat(outcome).isInstanceOf(type);
        return type.cast(outcome);
    }

    public PaymentEventEnvelope awaitCausedBy(BackofficeCommandEnvelope command) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> events.of(command.getPaymentId()).stream()
                                .filter(e -> command.getMessageId().equals(e.getCausationId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Every event a command caused so far. */
    public List<PaymentEventEnvelope> causedBy(String paymentId, String commandMessageId) {
        return events.of(paymentId).stream()
                .filter(e -> commandMessageId.equals(e.getCausationId()))
                .toList();
    }

    public PaymentBalance awaitState(String paymentId, PaymentState state) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> balances.find(paymentId).filter(b -> b.state() == state), Optional::isPresent)
                .orElseThrow();
    }

    public void publish(String topic, SpecificRecord message) {
        publish(
                topic,
                message.get(message.getSchema().getField("paymentId").pos()).toString(),
                message);
    }

    /** Publishes {@code message} with record key {@code key} (for messages that are not keyed by payment id). */
    public void publish(String topic, String key, SpecificRecord message) {
        kafka.send(topic, key, message).join();
    }

    @Override
    public void close() {
        service.close();
        sandbox.close();
    }
}

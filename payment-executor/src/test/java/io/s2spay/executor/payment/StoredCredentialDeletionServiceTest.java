package io.s2spay.executor.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.s2spay.connector.opp.OppGateway;
import io.s2spay.connector.opp.OppGatewayClient;
import io.s2spay.connector.opp.OppNotificationDecoders;
import io.s2spay.connector.opp.OppProperties;
import io.s2spay.platform.messaging.DependencyUnavailableException;
import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.schema.command.DeleteStoredCredential;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentCommandRejected;
import io.s2spay.schema.event.PaymentEventEnvelope;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the deletion does without a gateway answer and for commands it refuses before calling the gateway; the
 * gateway's answers are tested against the sandbox in PaymentExecutorIT.
 */
class StoredCredentialDeletionServiceTest {

    private final List<SpecificRecord> outbox = new ArrayList<>();
    private final Set<String> processed = new HashSet<>();

    @Test
    void aGatewayThatCannotBeReachedPublishesNothingAndAsksForARetry() throws IOException {
        try (OppGatewayClient client = new OppGatewayClient(properties(closedPort(), Duration.ofSeconds(2)))) {
            StoredCredentialDeletionService deletions = service(client);

            assertThatThrownBy(() -> deletions.execute(command("msg-1", "m1", "8ac7a4a1registration")))
                    .isInstanceOf(DependencyUnavailableException.class)
                    .hasMessageContaining("8ac7a4a1registration")
                    .hasMessageContaining("could not connect");
            assertThat(outbox).isEmpty();
            assertThat(processed)
                    .as("the command stays unprocessed, so its retry runs it")
                    .isEmpty();
        }
    }

    @Test
    void aGatewayThatDoesNotAnswerPublishesNothingAndAsksForARetry() throws IOException {
        try (ServerSocket silent = new ServerSocket(0);
                OppGatewayClient client =
                        new OppGatewayClient(properties(silent.getLocalPort(), Duration.ofMillis(300)))) {
            Thread.ofVirtual().start(() -> {
                // accepts the connection and never answers: the request was sent, its outcome is unknown
                try (Socket accepted = silent.accept()) {
                    accepted.getInputStream().readAllBytes();
                } catch (IOException ignored) {
                    // the socket is closed at the end of the test
                }
            });
            StoredCredentialDeletionService deletions = service(client);

            assertThatThrownBy(() -> deletions.execute(command("msg-1", "m1", "8ac7a4a1registration")))
                    .isInstanceOf(DependencyUnavailableException.class)
                    .hasMessageContaining("timeout");
            assertThat(outbox).isEmpty();
            assertThat(processed).isEmpty();
        }
    }

    @Test
    void refusesAMalformedIdOrAMerchantWithoutAccountWithoutCallingTheGateway() throws IOException {
        try (OppGatewayClient client = new OppGatewayClient(properties(closedPort(), Duration.ofSeconds(2)))) {
            StoredCredentialDeletionService deletions = service(client);

            deletions.execute(command("msg-1", "m1", "../v1/payments"));
            deletions.execute(command("msg-2", "m1", " "));
            deletions.execute(command("msg-3", "stranger", "8ac7a4a1registration"));
            // a redelivery is skipped
            deletions.execute(command("msg-3", "stranger", "8ac7a4a1registration"));

            assertThat(outbox)
                    .extracting(event ->
                            ((PaymentCommandRejected) ((PaymentEventEnvelope) event).getPayload()).getReasonCode())
                    .containsExactly(
                            "INVALID_STORED_CREDENTIAL_ID", "INVALID_STORED_CREDENTIAL_ID", "UNKNOWN_MERCHANT_ACCOUNT");
            PaymentEventEnvelope first = (PaymentEventEnvelope) outbox.get(0);
            assertThat(first.getCausationId()).isEqualTo("msg-1");
            assertThat(first.getPaymentId()).isEqualTo("pay-1");
            assertThat(((PaymentCommandRejected) first.getPayload()).getCommandType())
                    .isEqualTo("DeleteStoredCredential");
            assertThat(client.circuitBreaker().getMetrics().getNumberOfBufferedCalls())
                    .as("no gateway call")
                    .isZero();
        }
    }

    @Test
    void aCommandWithoutIdentityGoesToTheDeadLetterTopic() throws IOException {
        try (OppGatewayClient client = new OppGatewayClient(properties(closedPort(), Duration.ofSeconds(2)))) {
            PaymentCommandEnvelope noMerchant = PaymentCommandEnvelope.newBuilder(command("msg-1", "m1", "reg-1"))
                    .setMerchantId("")
                    .build();
            assertThatThrownBy(() -> service(client).execute(noMerchant)).isInstanceOf(InvalidMessageException.class);
        }
    }

    private StoredCredentialDeletionService service(OppGatewayClient client) {
        OppGateway gateway = new OppGateway(client, new OppNotificationDecoders(client.properties()));
        return new StoredCredentialDeletionService(
                SingleGateway.of(gateway, null),
                (topic, key, message) -> outbox.add(message),
                processed::add,
                new TransactionTemplate(new NoTransactions()),
                new ExecutorMetrics(new SimpleMeterRegistry(), io.micrometer.observation.ObservationRegistry.NOOP));
    }

    private static PaymentCommandEnvelope command(String messageId, String merchantId, String credentialId) {
        return PaymentCommandEnvelope.newBuilder()
                .setMessageId(messageId)
                .setPaymentId("pay-1")
                .setMerchantId(merchantId)
                .setOccurredAt(Instant.now())
                .setCorrelationId("corr-1")
                .setPayload(new DeleteStoredCredential(credentialId))
                .build();
    }

    private static OppProperties properties(int port, Duration readTimeout) {
        return OppProperties.of(
                        "http://127.0.0.1:" + port + "/",
                        Map.of("m1", new OppProperties.Account("entity-1", "token-1", null)),
                        null)
                .withTimeouts(Duration.ofSeconds(1), readTimeout);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The service's transactions are the database's; here only their boundaries matter. */
    private static final class NoTransactions implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    }
}

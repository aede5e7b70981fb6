package io.s2spay.executor.payment;

import io.micrometer.observation.ObservationRegistry;
import io.s2spay.platform.kafka.KeyOrderedBatch;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.DeleteStoredCredential;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands every initial payment command to the execution service, and every DeleteStoredCredential command to the
 * stored-credential deletion. Undecodable and invalid records are dead-lettered
 * by the platform's error handler; the consumer itself never stops on a bad record.
 */
@Component
class PaymentCommandListener {

    private final PaymentExecutionService executions;
    private final StoredCredentialDeletionService deletions;
    private final ObservationRegistry observations;

    PaymentCommandListener(
            PaymentExecutionService executions,
            StoredCredentialDeletionService deletions,
            ObjectProvider<ObservationRegistry> observations) {
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        this.executions = executions;
        this.deletions = deletions;
    }

    /**
     * One consumer per partition; each poll's commands run at once, a payment's in order ({@link KeyOrderedBatch}):
     * a command waits on its gateway call, so one command per partition at a time would cap the throughput at
     * partitions / gateway latency.
     */
    @KafkaListener(
            id = "payment-executor",
            topics = Topics.PAYMENT_COMMANDS,
            groupId = "${s2spay.executor.consumer-group:payment-executor}",
            concurrency = "${s2spay.executor.listener-concurrency:${s2spay.kafka.topic-partitions:3}}",
            batch = "true")
    void onCommands(List<ConsumerRecord<String, PaymentCommandEnvelope>> commands) {
        KeyOrderedBatch.process(commands, this::onCommand, observations);
    }

    private void onCommand(PaymentCommandEnvelope command) {
        if (command.getPayload() instanceof DeleteStoredCredential) {
            deletions.execute(command);
        } else {
            executions.execute(command);
        }
    }
}

package io.s2spay.backoffice.operation;

import io.s2spay.schema.Topics;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds back-office commands to the handler; translates only. */
@Component
class BackofficeCommandListener {

    private final BackofficeCommandHandler handler;

    BackofficeCommandListener(BackofficeCommandHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(
            id = "backoffice-commands",
            topics = Topics.BACKOFFICE_COMMANDS,
            groupId = "backoffice-service",
            concurrency = "${s2spay.backoffice.listener-concurrency:3}")
    void on(BackofficeCommandEnvelope command) {
        handler.handle(BackofficeCommand.of(command));
    }
}

package io.s2spay.platform.testapp;

import io.s2spay.schema.Topics;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts deliveries per message id and hands each command to the handler. */
@Component
public class TestCommandListener {

    private final TestCommandHandler handler;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    TestCommandListener(TestCommandHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(topics = Topics.PAYMENT_COMMANDS)
    void on(PaymentCommandEnvelope command) {
        int delivery = deliveries
                .computeIfAbsent(command.getMessageId(), id -> new AtomicInteger())
                .incrementAndGet();
        handler.handle(command, delivery);
    }

    /** How many times the listener received the message {@code messageId}. */
    public int deliveries(String messageId) {
        AtomicInteger count = deliveries.get(messageId);
        return count == null ? 0 : count.get();
    }
}

package io.s2spay.checkout.payment;

import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every payment event, whoever published it, to the read model; an instance started with
 * {@code s2spay.checkout.read-model.enabled=false} serves HTTP only.
 */
@Component
class PaymentEventListener {

    private final PaymentReadModelUpdater updater;

    PaymentEventListener(PaymentReadModelUpdater updater) {
        this.updater = updater;
    }

    @KafkaListener(
            id = "checkout-payment-read-model",
            idIsGroup = false,
            groupId = "${s2spay.service.name:checkout}",
            topics = Topics.PAYMENT_EVENTS,
            concurrency = "${s2spay.checkout.read-model.concurrency:3}",
            autoStartup = "${s2spay.checkout.read-model.enabled:true}")
    void on(PaymentEventEnvelope event) {
        updater.apply(event);
    }
}

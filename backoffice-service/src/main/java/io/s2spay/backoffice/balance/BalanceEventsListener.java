package io.s2spay.backoffice.balance;

import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every payment event to the balance projection; translates only. */
@Component
class BalanceEventsListener {

    private final BalanceProjection projection;

    BalanceEventsListener(BalanceProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(
            id = "backoffice-payment-events",
            topics = Topics.PAYMENT_EVENTS,
            groupId = "backoffice-service-balances",
            concurrency = "${s2spay.backoffice.listener-concurrency:3}")
    void on(PaymentEventEnvelope event) {
        projection.apply(event);
    }
}

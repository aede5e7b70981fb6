package io.s2spay.poller.tracking;

import io.s2spay.schema.Topics;
import io.s2spay.schema.event.PaymentEventEnvelope;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every payment event to the tracking; translates only. */
@Component
class TrackingEventsListener {

    private final PaymentTracking tracking;

    TrackingEventsListener(PaymentTracking tracking) {
        this.tracking = tracking;
    }

    @KafkaListener(
            id = "status-poller-payment-events",
            topics = Topics.PAYMENT_EVENTS,
            groupId = "status-poller",
            concurrency = "${s2spay.poller.listener-concurrency:3}")
    void on(PaymentEventEnvelope event) {
        tracking.apply(event);
    }
}

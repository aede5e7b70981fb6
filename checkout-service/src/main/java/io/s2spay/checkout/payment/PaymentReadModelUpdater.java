package io.s2spay.checkout.payment;

import io.s2spay.platform.messaging.InvalidMessageException;
import io.s2spay.platform.messaging.ProcessedMessages;
import io.s2spay.schema.event.PaymentEventEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies payment events to the read model, once per message (the processed-message row commits with the
 * change), and wakes the requests waiting for the payment on every checkout instance.
 */
@Service
class PaymentReadModelUpdater {

    private static final Logger log = LoggerFactory.getLogger(PaymentReadModelUpdater.class);

    private final PaymentRepository payments;
    private final ProcessedMessages processedMessages;
    private final Clock clock;

    PaymentReadModelUpdater(PaymentRepository payments, ProcessedMessages processedMessages, Clock clock) {
        this.payments = payments;
        this.processedMessages = processedMessages;
        this.clock = clock;
    }

    @Transactional
    public void apply(PaymentEventEnvelope event) {
        if (!processedMessages.markProcessed(event.getMessageId())) {
            log.debug("Event {} already applied, skipped", event.getMessageId());
            return;
        }
        Optional<PaymentChange> change = PaymentChange.of(event);
        if (change.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<PaymentRow> current = payments.lock(event.getPaymentId());
        if (current.isEmpty()) {
            if (!change.get().describesPayment()) {
                log.info("Event {} ({}) is about payment {}, which the read model does not know and cannot create "
                        + "from this event; skipped", event.getMessageId(), event.getPayload().getClass().getSimpleName(),
                        event.getPaymentId());
                return;
            }
            PaymentRow row = change.get().newRow(event.getPaymentId(), event.getMerchantId(), event.getOccurredAt(), now);
            payments.insert(row);
            payments.registerMerchantTransactionId(row.merchantId(), row.merchantTransactionId(), row.paymentId());
            payments.notifyUpdated(row.paymentId());
            return;
        }
        PaymentRow row = current.get();
        if (!row.merchantId().equals(event.getMerchantId())) {
            throw new InvalidMessageException("event " + event.getMessageId() + " names merchant '"
                    + event.getMerchantId() + "' but payment " + row.paymentId() + " belongs to another merchant");
        }
        PaymentRow changed = change.get().applyTo(row, now);
        if (change.get().status() != null && changed.status() != change.get().status()
                && row.status() != change.get().status()) {
            log.info("Payment {} stays {}: event {} ({}) cannot move it to {}", row.paymentId(), row.status().apiName(),
                    event.getMessageId(), event.getPayload().getClass().getSimpleName(),
                    change.get().status().apiName());
        }
        if (!changed.equals(row)) {
            payments.update(changed);
            payments.notifyUpdated(row.paymentId());
        }
    }
}

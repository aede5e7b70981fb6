package io.s2spay.checkout.payment;

import io.s2spay.checkout.CheckoutProperties;
import io.s2spay.checkout.payment.PaymentUpdateNotifications.Waiter;
import io.s2spay.platform.outbox.OutboxWriter;
import io.s2spay.schema.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shopper's browser coming back from 3-D Secure or the bank to s2spay's signed return URL: publishes
 * {@code ShopperReturned} (the status-poller then asks the gateway at once), waits up to
 * {@code s2spay.checkout.shopper-return.outcome-wait} for the outcome, and gives the merchant's {@code shopperResultUrl}
 * with s2spay's id and {@code status=succeeded|failed|pending}.
 */
@Component
class ShopperReturns {

    private static final Logger log = LoggerFactory.getLogger(ShopperReturns.class);

    private final ShopperReturnLinks links;
    private final PaymentRepository payments;
    private final OutboxWriter outbox;
    private final PaymentUpdateNotifications notifications;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration wait;

    ShopperReturns(
            ShopperReturnLinks links,
            PaymentRepository payments,
            OutboxWriter outbox,
            PaymentUpdateNotifications notifications,
            TransactionTemplate transactions,
            Clock clock,
            CheckoutProperties properties) {
        this.links = links;
        this.payments = payments;
        this.outbox = outbox;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
        this.wait = properties.shopperReturn().outcomeWait();
    }

    /** Where to send the browser: empty when the link is not one s2spay made (forged, or for no payment). */
    Optional<Destination> arrived(String paymentId, String signature) {
        if (!PaymentIds.isWellFormed(paymentId) || !links.verify(paymentId, signature)) {
            return Optional.empty();
        }
        Optional<PaymentRow> found = payments.find(paymentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PaymentRow payment = found.get();
        if (!settled(payment)) {
            PaymentRow returned = payment;
            Instant deadline = clock.instant().plus(wait);
            try (Waiter waiter = notifications.register(paymentId)) {
                transactions.executeWithoutResult(status -> outbox.append(
                        Topics.PAYMENT_EVENTS,
                        paymentId,
                        PaymentMessages.shopperReturned(
                                returned, clock.instant().truncatedTo(ChronoUnit.MILLIS))));
                payment = awaitSettled(waiter, payment, deadline);
            }
        }
        String status = shopperStatus(payment);
        log.info(
                "Shopper returned for payment {} ({}): sent to the merchant's page with status {}",
                paymentId,
                payment.lifecycleStatus().apiName(),
                status);
        return Optional.of(new Destination(
                payment.shopperResultUrl() == null
                        ? null
                        : URI.create(withQuery(payment.shopperResultUrl(), paymentId, status)),
                payment.paymentId(),
                status));
    }

    /**
     * Where the browser goes: the merchant's page ({@code null} for a payment started without one, over Kafka),
     * and what it is told.
     */
    record Destination(URI merchantPage, String paymentId, String status) {}

    private PaymentRow awaitSettled(Waiter waiter, PaymentRow payment, Instant deadline) {
        PaymentRow current = payment;
        while (true) {
            current = payments.find(current.paymentId()).orElse(current);
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (settled(current) || remaining.isNegative() || remaining.isZero()) {
                return current;
            }
            try {
                waiter.await(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
        }
    }

    /** Whether the shopper's part is over: final, or approved at the bank and awaiting its receipt. */
    private static boolean settled(PaymentRow payment) {
        return payment.status().isFinal() || payment.status() == PaymentStatus.AWAITING_RECEIPT;
    }

    /** seed 004's convention: succeeded, failed, or pending (not known yet, or awaiting the bank's receipt). */
    static String shopperStatus(PaymentRow payment) {
        return switch (payment.status()) {
            case SUCCEEDED -> "succeeded";
            case DECLINED, FAILED, EXPIRED -> "failed";
            case PENDING, REQUIRES_ACTION, UNKNOWN, AWAITING_RECEIPT -> "pending";
        };
    }

    private static String withQuery(String url, String paymentId, String status) {
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        String tail = fragment < 0 ? "" : url.substring(fragment);
        return base + (base.contains("?") ? "&" : "?") + "id=" + URLEncoder.encode(paymentId, StandardCharsets.UTF_8)
                + "&status=" + status + tail;
    }
}

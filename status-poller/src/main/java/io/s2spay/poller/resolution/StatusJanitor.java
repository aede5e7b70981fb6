package io.s2spay.poller.resolution;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.Gateways;
import io.s2spay.platform.janitor.Janitor;
import io.s2spay.platform.janitor.JanitorTask;
import io.s2spay.poller.PollerProperties;
import io.s2spay.poller.tracking.TrackedPayment;
import io.s2spay.poller.tracking.TrackedPayments;
import io.s2spay.poller.tracking.TrackingStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The janitor task (after Kill Bill's) of tracked payments, run by the platform's {@link Janitor}: claims the tracked
 * payments that are due with a lease ({@code for update skip locked}), asks the gateway account that processed each
 * through the gateway port's look-up, outside any transaction, and records what it learnt under
 * a fresh lock. Several poller instances share the work without checking a payment twice at once.
 */
@Component
class StatusJanitor {

    private static final Logger log = LoggerFactory.getLogger(StatusJanitor.class);

    private final TrackedPayments payments;
    private final Gateways gateways;
    private final CheckRecorder recorder;
    private final ResolutionPolicy policy;
    private final PollerProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer queryTimer;
    private final Janitor janitor;
    private final JanitorTask<TrackedPayment> task;

    StatusJanitor(
            TrackedPayments payments,
            Gateways gateways,
            CheckRecorder recorder,
            PollerProperties properties,
            Clock clock,
            MeterRegistry meters,
            Janitor janitor) {
        this.janitor = janitor;
        // at most parallelism gateway queries at once
        this.task = new JanitorTask.Of<>(
                "tracked-payments",
                properties.batchSize(),
                properties.parallelism(),
                false,
                limit -> payments.claimDue(clock.instant(), limit, properties.lease()),
                this::check,
                payment -> "check of payment " + payment.paymentId());
        this.payments = payments;
        this.gateways = gateways;
        this.recorder = recorder;
        this.policy = new ResolutionPolicy(properties);
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.queryTimer = Timer.builder("s2spay.poller.gateway.query")
                .description("Gateway queries of tracked payments")
                .register(meters);
        for (TrackingStatus status :
                List.of(TrackingStatus.REDIRECT_PENDING, TrackingStatus.UNKNOWN, TrackingStatus.AWAITING_RECEIPT)) {
            meters.gauge(
                    "s2spay.poller.tracked",
                    List.of(Tag.of("status", status.name())),
                    payments,
                    p -> p.countOpen(status));
        }
    }

    @Scheduled(
            fixedDelayString = "${s2spay.poller.janitor-interval:1s}",
            initialDelayString = "${s2spay.poller.janitor-interval:1s}")
    void checkDuePayments() {
        janitor.run(task);
    }

    /**
     * One check of one payment; true when it was recorded. A failure only delays this payment (its lease expires and
     * it is due again).
     */
    boolean check(TrackedPayment payment) {
        GatewayTransaction answer = queryTimer.record(() -> query(payment));
        Instant now = clock.instant();
        Decision decision = policy.decide(payment, answer, now);
        if (!recorder.record(payment, decision, now)) {
            return false;
        }
        meters.counter(
                        "s2spay.poller.checks",
                        "status",
                        payment.status().name(),
                        "result",
                        decision instanceof Decision.Settle s
                                ? s.payload().getClass().getSimpleName()
                                : "CHECK_AGAIN")
                .increment();
        return true;
    }

    /** Asks the account that processed the payment (an account no longer configured fails the check, logged). */
    private GatewayTransaction query(TrackedPayment payment) {
        GatewayAccount account = gateways.accountOf(payment.merchantId(), payment.gatewayAccount());
        GatewayPort gateway = gateways.portOf(account);
        if (payment.gatewayTransactionId() != null) {
            return gateway.lookUp(account.account(), payment.gatewayTransactionId());
        }
        return gateway.find(account.account(), payment.merchantTransactionId(), null);
    }

    @Scheduled(
            fixedDelayString = "${s2spay.poller.purge-interval:1h}",
            initialDelayString = "${s2spay.poller.purge-interval:1h}")
    void purgeClosed() {
        int purged = payments.purgeClosed(properties.closedRetention());
        if (purged > 0) {
            log.info("Purged {} closed tracked payments older than {}", purged, properties.closedRetention());
        }
    }
}

package io.s2spay.checkout.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: claims them under a lease ({@code for update skip locked}, so instances never send one
 * at the same time), posts each on its own virtual thread within a per-endpoint concurrency limit, so a slow or
 * dead endpoint holds only its own deliveries, and records every attempt with the next one's time.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookRepository repository;
    private final WebhookSecrets secrets;
    private final WebhookProperties properties;
    private final WebhookBackoff backoff;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Timer attemptTimer;

    WebhookDispatcher(
            WebhookRepository repository,
            WebhookSecrets secrets,
            WebhookProperties properties,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.secrets = secrets;
        this.properties = properties;
        this.backoff = WebhookBackoff.of(properties);
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        // HTTP/1.1, one connection per request in flight: a cleartext HTTP/2 upgrade is negotiated per host, and a
        // slow answer to it would hold every other delivery to that host
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(senders)
                .build();
        this.attemptTimer = Timer.builder("s2spay.checkout.webhook.attempt")
                .description("Duration of one attempt to deliver a webhook")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${s2spay.checkout.webhooks.poll-interval:PT1S}", initialDelayString = "PT1S")
    void dispatchDue() {
        if (!properties.dispatcherEnabled()) {
            return;
        }
        try {
            List<String> busy = inFlight.entrySet().stream()
                    .filter(e -> e.getValue().availablePermits() == 0)
                    .map(Map.Entry::getKey)
                    .toList();
            Instant now = clock.instant();
            List<WebhookRepository.Claimed> claimed = transactions.execute(
                    status -> repository.claimDue(now, now.plus(properties.lease()), properties.batchSize(), busy));
            for (WebhookRepository.Claimed delivery : claimed) {
                Semaphore permits = inFlight.computeIfAbsent(
                        delivery.endpointId(), id -> new Semaphore(properties.maxConcurrencyPerEndpoint()));
                if (!permits.tryAcquire()) {
                    // the endpoint filled up since the claim: leave it to a later round
                    repository.releaseLease(delivery.id());
                    continue;
                }
                senders.execute(() -> {
                    try {
                        send(delivery);
                    } catch (RuntimeException e) {
                        log.warn(
                                "Webhook delivery {} could not be recorded; it is retried when its lease ends",
                                delivery.id(),
                                e);
                    } finally {
                        permits.release();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Claiming due webhook deliveries failed; retried at the next round", e);
        }
    }

    void send(WebhookRepository.Claimed delivery) {
        Instant started = clock.instant();
        long timestamp = started.getEpochSecond();
        Integer status = null;
        String error = null;
        long begin = System.nanoTime();
        try {
            // inside the try: a secret the configured key cannot decrypt is an attempt that failed, not a lease
            // that keeps expiring without a trace
            String secret = secrets.decryptSecret(delivery.secretEncrypted(), delivery.endpointId());
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "s2spay-webhooks/1")
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret, timestamp, delivery.body()))
                    .header("S2spay-Event-Id", delivery.eventId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            error = "timeout";
        } catch (java.io.IOException e) {
            error = "connection failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (IllegalArgumentException e) {
            error = "invalid request: " + e.getClass().getSimpleName();
        } catch (IllegalStateException e) {
            error = "the endpoint's secret cannot be decrypted with the configured key";
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        attemptTimer.record(took);
        boolean delivered = status != null && status >= 200 && status < 300;
        int attempt = delivery.attemptCount() + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Instant> next = delivered ? Optional.empty() : backoff.nextAttempt(now, attempt, delivery.giveUpAt());
        String outcome = delivered ? "delivered" : next.isPresent() ? "pending" : "failed";
        Integer httpStatus = status;
        String errorText = error;
        transactions.executeWithoutResult(tx -> {
            repository.insertAttempt(
                    delivery.id(),
                    attempt,
                    started.truncatedTo(ChronoUnit.MILLIS),
                    httpStatus,
                    errorText,
                    took.toMillis());
            repository.finishAttempt(delivery.id(), attempt, outcome, next.orElse(null), delivered ? now : null);
        });
        Counter.builder("s2spay.checkout.webhook.attempts")
                .description("Attempts to deliver a webhook, by what became of the delivery")
                .tag("outcome", delivered ? "delivered" : next.isPresent() ? "retry" : "failed")
                .register(meters)
                .increment();
        if (!delivered) {
            log.info(
                    "Webhook delivery {} to endpoint {} attempt {} failed ({}); {}",
                    delivery.id(),
                    delivery.endpointId(),
                    attempt,
                    status != null ? "HTTP " + status : error,
                    next.map(at -> "next attempt at " + at).orElse("gave up"));
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}

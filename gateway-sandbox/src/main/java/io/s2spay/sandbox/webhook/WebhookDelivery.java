package io.s2spay.sandbox.webhook;

import io.s2spay.sandbox.journal.Journal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one webhook delivery of the simulated APIs: each webhook is POSTed to its URL until a 2xx answer, retried with
 * exponential backoff ({@link WebhookSettings}), and journaled at every attempt under the API's kind, so undelivered
 * ones are sent again after a restart; {@link #deliveries} is the view of them. Each API keeps its own record of a
 * webhook (its fields are what its operator view shows) and its own body and signature ({@link Request}).
 *
 * @param <W> the API's record of one webhook and its delivery so far
 */
public final class WebhookDelivery<W extends WebhookDelivery.Webhook<W>> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    /** What the delivery needs of an API's webhook record. */
    public interface Webhook<W> {

        /** The webhook's id, its key in the journal. */
        String webhookId();

        String url();

        int attempts();

        boolean delivered();

        Instant createdAt();

        Instant nextAttemptAt();

        /** This webhook after one more attempt, delivered when {@code status} is 2xx. */
        W attempted(Integer status, String error, Instant attemptedAt, Instant nextAttemptAt);
    }

    /** An API's request for a webhook: its headers (signature, timestamp) and body, on a builder with URL and timeout. */
    @FunctionalInterface
    public interface Request<W> {
        HttpRequest.Builder complete(HttpRequest.Builder request, W webhook, Instant now) throws Exception;
    }

    private final String name;
    private final String kind;
    private final WebhookSettings settings;
    private final Journal journal;
    private final Clock clock;
    private final Request<W> request;
    private final Map<String, W> webhooks = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer;
    private final HttpClient http;

    /**
     * Restores the kind's journaled webhooks; {@link #start} sends the undelivered ones again.
     *
     * @param name what logs and the timer thread call these webhooks, e.g. {@code "orders"}
     */
    public WebhookDelivery(
            String name,
            String kind,
            Class<W> type,
            WebhookSettings settings,
            Journal journal,
            Clock clock,
            Request<W> request) {
        this.name = name;
        this.kind = kind;
        this.settings = settings;
        this.journal = journal;
        this.clock = clock;
        this.request = request;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("sandbox-" + name + "-webhooks")
                .daemon(true)
                .factory());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .executor(senders)
                .build();
        journal.restored(kind, type).forEach(w -> webhooks.put(w.webhookId(), w));
    }

    /** Schedules every restored webhook not yet delivered. */
    public void start() {
        Instant now = clock.instant();
        webhooks.values().stream().filter(w -> !w.delivered()).forEach(w -> schedule(w, now));
    }

    /** Journals a new webhook and schedules its first attempt. */
    public void send(W webhook) {
        record(webhook);
        schedule(webhook, clock.instant());
    }

    /** The webhooks {@code filter} keeps, oldest first. */
    public List<W> deliveries(Predicate<W> filter) {
        List<W> list = new ArrayList<>(webhooks.values().stream().filter(filter).toList());
        list.sort(Comparator.comparing((W w) -> w.createdAt()).thenComparing(w -> w.webhookId()));
        return list;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        senders.shutdownNow();
        http.shutdownNow();
    }

    private void schedule(W webhook, Instant now) {
        long delay = Math.max(0, Duration.between(now, webhook.nextAttemptAt()).toMillis());
        try {
            timer.schedule(() -> senders.execute(() -> deliver(webhook.webhookId())), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Sandbox {} webhook {} not scheduled: shutting down", name, webhook.webhookId());
        }
    }

    private void deliver(String id) {
        W webhook = webhooks.get(id);
        if (webhook == null || webhook.delivered()) {
            return;
        }
        Integer status = null;
        String error = null;
        try {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(URI.create(webhook.url())).timeout(settings.requestTimeout());
            HttpRequest sent =
                    request.complete(builder, webhook, clock.instant()).build();
            status = http.send(sent, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
        }
        Instant now = clock.instant();
        W attempted = webhook.attempted(status, error, now, now.plus(settings.backoff(webhook.attempts())));
        record(attempted);
        if (!attempted.delivered()) {
            int maxAttempts = settings.maxAttempts();
            if (maxAttempts > 0 && attempted.attempts() >= maxAttempts) {
                log.warn("Sandbox {} webhook {} abandoned after {} attempts", name, id, attempted.attempts());
                return;
            }
            schedule(attempted, now);
        }
    }

    private void record(W webhook) {
        webhooks.put(webhook.webhookId(), webhook);
        journal.append(kind, webhook.webhookId(), webhook);
    }
}

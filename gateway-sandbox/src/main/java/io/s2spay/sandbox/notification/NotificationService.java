package io.s2spay.sandbox.notification;

import io.s2spay.sandbox.SandboxProperties;
import io.s2spay.sandbox.gateway.Ids;
import io.s2spay.sandbox.gateway.PaymentJson;
import io.s2spay.sandbox.gateway.Transaction;
import io.s2spay.sandbox.gateway.TransactionListener;
import io.s2spay.sandbox.gateway.TransactionStore;
import io.s2spay.sandbox.journal.Journal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an encrypted webhook for every new transaction and every status change, as OPP does, to the payment's
 * notificationUrl (or the merchant's configured webhook), retrying with exponential backoff until a 2xx answer.
 * Undelivered notifications survive a restart.
 */
@Service
public class NotificationService implements TransactionListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final String KIND = "NTF";

    private final SandboxProperties properties;
    private final TransactionStore store;
    private final Journal journal;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Map<String, Notification> notifications = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sandbox-notification-timer").daemon(true).factory());

    public NotificationService(SandboxProperties properties, TransactionStore store, Journal journal, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.notifications().connectTimeout())
                .executor(senders)
                .build();
        journal.restored(KIND, Notification.class).forEach(n -> notifications.put(n.id(), n));
    }

    @PostConstruct
    void start() {
        store.addListener(this);
        Instant now = clock.instant();
        notifications.values().stream().filter(n -> !n.delivered()).forEach(n -> schedule(n, now));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        senders.shutdownNow();
        http.shutdownNow();
    }

    @Override
    public void transactionChanged(Transaction transaction) {
        String url = transaction.notificationUrl();
        Map.Entry<String, SandboxProperties.Merchant> merchant = merchantOf(transaction.entityId());
        if (url == null && merchant != null && merchant.getValue().webhookUrl() != null) {
            url = merchant.getValue().webhookUrl().toString();
        }
        if (url == null || merchant == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "PAYMENT");
        body.put("payload", PaymentJson.payment(transaction));
        Instant now = clock.instant();
        Notification notification = new Notification(
                Ids.next(),
                transaction.id(),
                transaction.entityId(),
                merchant.getKey(),
                url,
                mapper.writeValueAsString(body),
                0,
                false,
                null,
                null,
                now,
                now,
                null);
        record(notification);
        schedule(notification, now);
    }

    /** The notifications recorded for a payment (or all of them), oldest first. */
    public List<Notification> notifications(String paymentId) {
        List<Notification> list = new ArrayList<>();
        notifications.values().stream()
                .filter(n -> paymentId == null || n.paymentId().equals(paymentId))
                .forEach(list::add);
        list.sort(Comparator.comparing(Notification::createdAt).thenComparing(Notification::id));
        return list;
    }

    private void schedule(Notification notification, Instant now) {
        long delay =
                Math.max(0, Duration.between(now, notification.nextAttemptAt()).toMillis());
        try {
            timer.schedule(() -> senders.execute(() -> deliver(notification.id())), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Notification {} not scheduled: shutting down", notification.id());
        }
    }

    private void deliver(String id) {
        Notification notification = notifications.get(id);
        if (notification == null || notification.delivered()) {
            return;
        }
        SandboxProperties.Merchant merchant = properties.merchants().get(notification.merchant());
        Integer status = null;
        String error = null;
        try {
            NotificationCipher.Encrypted encrypted =
                    NotificationCipher.encrypt(merchant.notificationKey(), notification.payload());
            HttpRequest request = HttpRequest.newBuilder(URI.create(notification.url()))
                    .timeout(properties.notifications().requestTimeout())
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .header("X-Initialization-Vector", encrypted.initializationVector())
                    .header("X-Authentication-Tag", encrypted.authenticationTag())
                    .POST(HttpRequest.BodyPublishers.ofString(encrypted.body()))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
        }
        Instant now = clock.instant();
        Notification attempted = notification.attempted(status, error, now, now.plus(backoff(notification.attempts())));
        record(attempted);
        if (!attempted.delivered()) {
            int maxAttempts = properties.notifications().maxAttempts();
            if (maxAttempts > 0 && attempted.attempts() >= maxAttempts) {
                log.warn(
                        "Notification {} for payment {} abandoned after {} attempts",
                        id,
                        attempted.paymentId(),
                        attempted.attempts());
                return;
            }
            schedule(attempted, now);
        }
    }

    private Duration backoff(int attemptsBefore) {
        Duration initial = properties.notifications().initialBackoff();
        Duration max = properties.notifications().maxBackoff();
        long factor = 1L << Math.min(attemptsBefore, 20);
        Duration next = initial.multipliedBy(factor);
        return next.compareTo(max) > 0 ? max : next;
    }

    private void record(Notification notification) {
        notifications.put(notification.id(), notification);
        journal.append(KIND, notification.id(), notification);
    }

    private Map.Entry<String, SandboxProperties.Merchant> merchantOf(String entityId) {
        for (Map.Entry<String, SandboxProperties.Merchant> entry :
                properties.merchants().entrySet()) {
            if (entry.getValue().owns(entityId)) {
                return entry;
            }
        }
        return null;
    }
}

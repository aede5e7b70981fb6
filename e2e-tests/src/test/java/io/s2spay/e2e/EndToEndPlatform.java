package io.s2spay.e2e;

import ch.qos.logback.classic.LoggerContext;
import io.s2spay.backoffice.BackofficeServiceApplication;
import io.s2spay.checkout.CheckoutServiceApplication;
import io.s2spay.executor.PaymentExecutorApplication;
import io.s2spay.poller.StatusPollerApplication;
import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.SandboxMerchant;
import io.s2spay.testkit.GatewaySandboxes;
import io.s2spay.testkit.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in this JVM, as it runs in production but on the test kit's real PostgreSQL, Kafka and
 * registry and the in-process gateway sandbox: two checkout instances sharing one database, consumer group and
 * outbox slot ({@code api} serves HTTP only, its read-model consumer off; {@code worker} also consumes the
 * payment events), the payment executor, the status poller and back-office.
 */
final class EndToEndPlatform implements AutoCloseable {

    /** How long checkout waits for an outcome before answering 202: generous, a 2-core CI machine is slow. */
    static final Duration SYNC_WAIT = Duration.ofSeconds(30);

    final TestInfrastructure infrastructure;
    final GatewaySandbox sandbox;
    final ConfigurableApplicationContext checkoutApi;
    final ConfigurableApplicationContext checkoutWorker;
    final ConfigurableApplicationContext executor;
    final ConfigurableApplicationContext poller;
    final ConfigurableApplicationContext backoffice;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    private EndToEndPlatform() {
        infrastructure = TestInfrastructure.get();
        sandbox = GatewaySandboxes.get();
        unlabelLogLines();
        // both instances use the same slot, as two replicas of one deployment do: one relays, the other stands by
        Map<String, Object> checkout = infrastructure.springProperties("checkout");
        checkoutApi = start(CheckoutServiceApplication::application, checkout,
                Map.of("s2spay.checkout.read-model.enabled", "false"));
        checkoutWorker = start(CheckoutServiceApplication::application, checkout, Map.of());
        executor = start(PaymentExecutorApplication::application, infrastructure.springProperties("executor"), gateway());
        poller = start(StatusPollerApplication::application, infrastructure.springProperties("poller"), gateway());
        backoffice = start(BackofficeServiceApplication::application, infrastructure.springProperties("backoffice"), gateway());
    }

    /**
     * Spring Boot configures Logback once per JVM, with the first application's name as the label of every line:
     * here the sandbox's name would mark every service's lines. No label is better than a wrong one; the logger
     * names tell the services apart.
     */
    private static void unlabelLogLines() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.putProperty("APPLICATION_NAME", "");
        }
        System.clearProperty("APPLICATION_NAME");
    }

    static EndToEndPlatform start() {
        return new EndToEndPlatform();
    }

    /** The sandbox's test accounts for the platform's two test merchants, whatever the services' yml say. */
    private Map<String, String> gateway() {
        SandboxMerchant demo = sandbox.merchant("merchant-a");
        SandboxMerchant other = sandbox.merchant("merchant-b");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("s2spay.opp.base-url", sandbox.baseUrl());
        properties.put("s2spay.opp.accounts.merchant-demo.entity-id", demo.entityId());
        properties.put("s2spay.opp.accounts.merchant-demo.access-token", demo.accessToken());
        properties.put("s2spay.opp.accounts.merchant-other.entity-id", other.entityId());
        properties.put("s2spay.opp.accounts.merchant-other.access-token", other.accessToken());
        return properties;
    }

    private ConfigurableApplicationContext start(Supplier<SpringApplicationBuilder> application, Map<String, Object> infra,
            Map<String, String> extra) {
        // as arguments: they win over each service's own yml (default properties would not)
        List<String> args = new ArrayList<>();
        infra.forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--s2spay.checkout.sync-wait=" + SYNC_WAIT.toMillis() + "ms");
        extra.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = application.get().run(args.toArray(String[]::new));
        started.add(context);
        return context;
    }

    static URI url(ConfigurableApplicationContext context, String path) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    List<ConfigurableApplicationContext> services() {
        return List.copyOf(started);
    }

    String ledgerEntityId() {
        return sandbox.merchant("merchant-a").entityId();
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext context : started.reversed()) {
            context.close();
        }
    }
}

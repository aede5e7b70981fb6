package io.s2spay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import io.s2spay.backoffice.BackofficeServiceApplication;
import io.s2spay.checkout.CheckoutServiceApplication;
import io.s2spay.executor.PaymentExecutorApplication;
import io.s2spay.poller.StatusPollerApplication;
import io.s2spay.sandbox.GatewaySandbox;
import io.s2spay.sandbox.SandboxMerchant;
import io.s2spay.sandbox.orders.OrdersProperties;
import io.s2spay.sandbox.tokens.TokensSandboxProperties;
import io.s2spay.testkit.GatewaySandboxes;
import io.s2spay.testkit.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    /** The checkout's own base URL the gateway sends the shopper back to (both instances, as behind one balancer). */
    final URI checkoutPublicBaseUrl;

    private final boolean ownSandbox;
    final ConfigurableApplicationContext checkoutApi;
    final ConfigurableApplicationContext checkoutWorker;
    final ConfigurableApplicationContext executor;
    final ConfigurableApplicationContext poller;
    final ConfigurableApplicationContext backoffice;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    private EndToEndPlatform(Settings settings) {
        infrastructure = TestInfrastructure.get();
        // the ports are chosen first: the public return URL and the gateway's webhook URL must be known at start
        int checkoutPort = freePort();
        int pollerPort = freePort();
        checkoutPublicBaseUrl = URI.create("http://127.0.0.1:" + checkoutPort);
        Map<String, String> sandboxProperties = new LinkedHashMap<>(settings.sandbox);
        if (settings.gatewayNotificationsToPoller) {
            sandboxProperties.put(
                    "sandbox.merchants.merchant-a.webhook-url",
                    "http://127.0.0.1:" + pollerPort + "/v1/notifications/opp/merchant-demo");
            sandboxProperties.put(
                    "sandbox.merchants.merchant-b.webhook-url",
                    "http://127.0.0.1:" + pollerPort + "/v1/notifications/opp/merchant-other");
        }
        for (GatewayFamilyRoute route : settings.routes) {
            // the sandbox account's webhooks go to the poller's endpoint of that family's account
            sandboxProperties.put(
                    route.family().sandboxWebhookUrlProperty(),
                    "http://127.0.0.1:" + pollerPort + "/v1/notifications/"
                            + route.family().id() + "/" + route.family().account());
        }
        if (settings.localProfile) {
            sandboxProperties.put("spring.profiles.active", LOCAL_PROFILE);
            // gateway-sandbox-local.yml sends the tokens and orders accounts' webhooks to this poller
            sandboxProperties.put("s2spay.local.poller-url", "http://127.0.0.1:" + pollerPort);
        }
        ownSandbox = !sandboxProperties.isEmpty();
        // the JVM's shared sandbox has the default rules; a class that needs others gets a sandbox of its own
        sandbox = ownSandbox ? GatewaySandbox.start(sandboxProperties) : GatewaySandboxes.get();
        unlabelLogLines();
        // both instances use the same slot, as two replicas of one deployment do: one relays, the other stands by
        Map<String, Object> checkout = infrastructure.springProperties("checkout");
        Map<String, String> checkoutSettings = new LinkedHashMap<>(settings.checkout);
        checkoutSettings.put("s2spay.checkout.public-base-url", checkoutPublicBaseUrl.toString());
        if (settings.localProfile) {
            checkoutSettings.put("spring.profiles.active", LOCAL_PROFILE);
        }
        Map<String, String> api = new LinkedHashMap<>(checkoutSettings);
        api.put("s2spay.checkout.read-model.enabled", "false");
        api.put("server.port", Integer.toString(checkoutPort));
        checkoutApi = start(CheckoutServiceApplication::application, checkout, api);
        checkoutWorker = start(CheckoutServiceApplication::application, checkout, checkoutSettings);
        Map<String, String> gateway = gateway(settings.routes);
        if (settings.localProfile) {
            // <service>-local.yml's accounts and rules, their connectors pointed at this sandbox
            gateway.put("spring.profiles.active", LOCAL_PROFILE);
            gateway.put("s2spay.tokens.base-url", tokensBaseUrl());
            gateway.put("s2spay.orders.base-url", ordersBaseUrl());
        }
        executor = start(
                PaymentExecutorApplication::application,
                infrastructure.springProperties("executor"),
                merge(gateway, settings.executor));
        Map<String, String> poller = merge(gateway, settings.poller);
        poller.put("server.port", Integer.toString(pollerPort));
        this.poller = start(StatusPollerApplication::application, infrastructure.springProperties("poller"), poller);
        backoffice = start(
                BackofficeServiceApplication::application,
                infrastructure.springProperties("backoffice"),
                merge(gateway, settings.backoffice));
    }

    /**
     * What a test class needs of the platform beyond the defaults. The property names of settings the merchant-API
     * features introduce ({@code s2spay.checkout.webhooks.*}) are this module's proposal; the services' own names win.
     */
    static final class Settings {
        private final Map<String, String> sandbox = new LinkedHashMap<>();
        private final Map<String, String> checkout = new LinkedHashMap<>();
        private final Map<String, String> executor = new LinkedHashMap<>();
        private final Map<String, String> poller = new LinkedHashMap<>();
        private final Map<String, String> backoffice = new LinkedHashMap<>();
        private boolean gatewayNotificationsToPoller;
        private boolean localProfile;
        private final List<GatewayFamilyRoute> routes = new ArrayList<>();

        /** The sandbox times an unanswered 3-D Secure or bank page out after this (OPP: about 30 min). */
        Settings sandboxSessionTimeout(Duration timeout) {
            sandbox.put("sandbox.async.session-timeout", timeout.toMillis() + "ms");
            return this;
        }

        /** The poller's first look at a redirect-pending payment, its pause between looks, and when it gives up. */
        Settings pollerRedirect(Duration firstCheck, Duration interval, Duration expiry) {
            poller.put("s2spay.poller.redirect-first-check", firstCheck.toMillis() + "ms");
            poller.put("s2spay.poller.redirect-interval", interval.toMillis() + "ms");
            poller.put("s2spay.poller.redirect-expiry", expiry.toMillis() + "ms");
            return this;
        }

        /** The gateway's webhooks (receipts, chargebacks of the bank, redirect outcomes) go to the poller. */
        Settings gatewayNotificationsToPoller() {
            gatewayNotificationsToPoller = true;
            // a sandbox of its own, whose merchants' webhook URL is the poller's
            sandbox.putIfAbsent("sandbox.notifications.initial-backoff", "500ms");
            poller.put(
                    "s2spay.opp.accounts.merchant-demo.notification-secret",
                    GATEWAY_NOTIFICATION_SECRETS.get("merchant-a"));
            poller.put(
                    "s2spay.opp.accounts.merchant-other.notification-secret",
                    GATEWAY_NOTIFICATION_SECRETS.get("merchant-b"));
            return this;
        }

        /**
         * merchant-demo also has an account {@code family:shop-se} on one of the sandbox's other gateway families,
         * and its payments in {@code brand} and {@code currency} are routed there (everything else stays on its OPP
         * account); that sandbox account's webhooks go to the poller's {@code /v1/notifications/<family>/shop-se}.
         */
        Settings routeTo(GatewayFamily family, String brand, String currency) {
            routes.add(new GatewayFamilyRoute(family, brand, currency));
            return this;
        }

        /** Webhooks to merchants: a short retry backoff, and http URLs on the loopback interface allowed (test receivers). */
        Settings merchantWebhooks(Duration initialBackoff, Duration maxBackoff) {
            checkout.put("s2spay.checkout.webhooks.initial-backoff", initialBackoff.toMillis() + "ms");
            checkout.put("s2spay.checkout.webhooks.max-backoff", maxBackoff.toMillis() + "ms");
            checkout.put("s2spay.checkout.webhooks.allow-insecure-loopback", "true");
            return this;
        }

        /**
         * Every service and the sandbox run with the profile the local stack and docker-compose.yml use
         * ({@code <module>-local.yml}: merchant-demo's accounts on the tokens and orders APIs and its routing rules),
         * only the connectors' base URLs and the poller's address changed to this platform's.
         */
        Settings localProfile() {
            localProfile = true;
            return this;
        }

        /** Any other property of one service ({@code checkout}, {@code executor}, {@code poller}, {@code backoffice}). */
        Settings property(String service, String name, String value) {
            Map<String, String> target = switch (service) {
                case "checkout" -> checkout;
                case "executor" -> executor;
                case "poller" -> poller;
                case "backoffice" -> backoffice;
                case "sandbox" -> sandbox;
                default -> throw new IllegalArgumentException("no service " + service);
            };
            target.put(name, value);
            return this;
        }
    }

    /** A gateway family of the sandbox besides OPP, with the one account merchant-demo has on it. */
    enum GatewayFamily {
        /** The tokens API (seed 004), the sandbox's account tokens-a. */
        TOKENS("tokens", "shop-se", "sandbox.tokens.accounts.tokens-a.webhook-url"),
        /** The orders/MIT API (seed 003), the sandbox's merchant merchant-a. */
        ORDERS("orders", "shop-se", "sandbox.orders.merchants.merchant-a.webhook-url");

        private final String id;
        private final String account;
        private final String sandboxWebhookUrlProperty;

        GatewayFamily(String id, String account, String sandboxWebhookUrlProperty) {
            this.id = id;
            this.account = account;
            this.sandboxWebhookUrlProperty = sandboxWebhookUrlProperty;
        }

        /** The family's name in s2spay: {@code s2spay.<id>.*}, events' {@code gateway}, webhook paths. */
        String id() {
            return id;
        }

        /** merchant-demo's account on this family (a key of {@code s2spay.<id>.accounts}). */
        String account() {
            return account;
        }

        /** The routing's name of the account: {@code family:account}. */
        String gatewayAccount() {
            return id + ":" + account;
        }

        String sandboxWebhookUrlProperty() {
            return sandboxWebhookUrlProperty;
        }
    }

    /** merchant-demo's payments in a brand and currency go to its account on the family. */
    record GatewayFamilyRoute(GatewayFamily family, String brand, String currency) {}

    /** The Spring profile of the local stack ({@code ./s2spay up}) and docker-compose.yml. */
    static final String LOCAL_PROFILE = "local";

    /** TEST VALUES: the sandbox's webhook keys of its two merchants (gateway-sandbox.yml, README). */
    private static final Map<String, String> GATEWAY_NOTIFICATION_SECRETS = Map.of(
            "merchant-a", "1D13C4B102B27A1EC2A0C401BE717DB882DEAD1F215F119B883229914C4D7C53",
            "merchant-b", "DD2A9EF36CDEA12678EAECDA88036584799B589E8938C7E05F2404CAB03C25F2");

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new LinkedHashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return new EndToEndPlatform(new Settings());
    }

    static EndToEndPlatform start(Settings settings) {
        return new EndToEndPlatform(settings);
    }

    /**
     * Waits until every service answers its health endpoint with 200; when one does not within two minutes, the
     * failure shows the last health document it answered (which component is down, and why).
     */
    void awaitHealthy() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (ConfigurableApplicationContext service : started) {
            await("health of " + service.getId() + " at " + url(service, "/actuator/health"))
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        HttpResponse<String> health = http.send(
                                HttpRequest.newBuilder(url(service, "/actuator/health"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                    });
        }
    }

    /**
     * The sandbox's test accounts for the platform's two test merchants, whatever the services' yml say, with
     * merchant-demo's accounts on other gateway families and its routing rules when there are any.
     */
    private Map<String, String> gateway(List<GatewayFamilyRoute> routes) {
        SandboxMerchant demo = sandbox.merchant("merchant-a");
        SandboxMerchant other = sandbox.merchant("merchant-b");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("s2spay.opp.base-url", sandbox.baseUrl());
        properties.put("s2spay.opp.accounts.merchant-demo.entity-id", demo.entityId());
        properties.put("s2spay.opp.accounts.merchant-demo.access-token", demo.accessToken());
        properties.put("s2spay.opp.accounts.merchant-other.entity-id", other.entityId());
        properties.put("s2spay.opp.accounts.merchant-other.access-token", other.accessToken());
        String rules = "s2spay.routing.merchants.merchant-demo.";
        for (int i = 0; i < routes.size(); i++) {
            GatewayFamilyRoute route = routes.get(i);
            properties.putAll(familyAccount(route.family()));
            properties.put(rules + "rules[" + i + "].brands[0]", route.brand());
            properties.put(rules + "rules[" + i + "].currencies[0]", route.currency());
            properties.put(
                    rules + "rules[" + i + "].accounts[0]", route.family().gatewayAccount());
        }
        if (!routes.isEmpty()) {
            properties.put(rules + "default-accounts[0]", "opp:merchant-demo");
        }
        return properties;
    }

    /** The connector's base URL and merchant-demo's account on the family, with the sandbox's test credentials. */
    private Map<String, String> familyAccount(GatewayFamily family) {
        Map<String, String> properties = new LinkedHashMap<>();
        String prefix = "s2spay." + family.id() + ".";
        String account = prefix + "accounts." + family.account() + ".";
        properties.put(prefix + "base-url", family.id().equals("tokens") ? tokensBaseUrl() : ordersBaseUrl());
        switch (family) {
            case TOKENS -> {
                TokensSandboxProperties.Account tokens =
                        sandbox.bean(TokensSandboxProperties.class).accounts().get("tokens-a");
                properties.put(account + "publishable-key", tokens.publishableKey());
                properties.put(account + "secret-key", tokens.secretKey());
                properties.put(account + "webhook-secret", tokens.webhookSecret());
            }
            case ORDERS -> {
                OrdersProperties.Merchant orders =
                        sandbox.bean(OrdersProperties.class).merchants().get(ORDERS_MERCHANT);
                properties.put(account + "merchant-id", ORDERS_MERCHANT);
                properties.put(account + "api-key", orders.apiKey());
                properties.put(account + "api-secret", orders.apiSecret());
                properties.put(account + "webhook-secret", orders.webhookSecret());
                properties.put(account + "self-hosted-terminal-id", "TERM-A-SELF");
                properties.put(account + "mit-terminal-id", "TERM-A-MIT");
            }
        }
        return properties;
    }

    /** The sandbox's merchant of the orders API that merchant-demo's orders account is. */
    static final String ORDERS_MERCHANT = "merchant-a";

    String tokensBaseUrl() {
        return sandbox.baseUrl() + "tokens-api/";
    }

    String ordersBaseUrl() {
        return sandbox.baseUrl() + "orders-api/";
    }

    private ConfigurableApplicationContext start(
            Supplier<SpringApplicationBuilder> application, Map<String, Object> infra, Map<String, String> extra) {
        // as arguments: they win over each service's own yml (default properties would not)
        Map<String, Object> properties = new LinkedHashMap<>(infra);
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("s2spay.checkout.sync-wait", SYNC_WAIT.toMillis() + "ms");
        properties.putAll(extra);
        List<String> args = new ArrayList<>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context;
        try {
            // every application's ended spans, for the tests that follow a payment's trace
            context = application
                    .get()
                    .initializers(started ->
                            started.getBeanFactory().registerSingleton("e2eRecordedSpans", RecordedSpans.INSTANCE))
                    .run(args.toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            // the services started so far would go on consuming the shared topics: stop them
            close();
            throw e;
        }
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

    /** The sandbox entity merchant-other pays through. */
    String otherLedgerEntityId() {
        return sandbox.merchant("merchant-b").entityId();
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext context : started.reversed()) {
            context.close();
        }
        if (ownSandbox) {
            sandbox.close();
        }
    }
}

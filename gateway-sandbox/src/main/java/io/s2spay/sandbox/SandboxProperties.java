package io.s2spay.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox's configuration ({@code sandbox.*}): merchants and their test credentials, the gateway's rules and
 * time limits, notification retries, faults and where the state is kept.
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        Path dataDir,
        URI publicBaseUrl,
        Map<String, Merchant> merchants,
        Async async,
        Rules rules,
        StatusLimit statusLimit,
        Notifications notifications,
        Faults faults) {

    public SandboxProperties {
        dataDir = dataDir != null ? dataDir : Path.of(".local/gateway-sandbox");
        merchants = merchants != null ? new LinkedHashMap<>(merchants) : new LinkedHashMap<>();
        async = async != null ? async : new Async(null, null);
        rules = rules != null ? rules : new Rules(null, null, null);
        statusLimit = statusLimit != null ? statusLimit : new StatusLimit(null, null);
        notifications = notifications != null ? notifications : new Notifications(null, null, null, null, null);
        faults = faults != null ? faults : new Faults(null, null, null, null);
        if (publicBaseUrl != null && !publicBaseUrl.toString().endsWith("/")) {
            throw new IllegalArgumentException("sandbox.public-base-url must end in \"/\": " + publicBaseUrl);
        }
        merchants.forEach((name, merchant) -> merchant.validate(name));
    }

    /** The merchant the access token belongs to. */
    public Optional<Map.Entry<String, Merchant>> merchantByToken(String accessToken) {
        return merchants.entrySet().stream()
                .filter(entry -> entry.getValue().accessToken().equals(accessToken))
                .findFirst();
    }

    /**
     * A merchant account: one access token (Bearer) allowed to use its entities; the secret its webhook
     * notifications are encrypted with; an optional default webhook URL; test mode gives {@code 000.100.110}.
     */
    public record Merchant(
            String accessToken,
            List<String> entityIds,
            String notificationSecret,
            URI webhookUrl,
            Boolean testMode,
            String descriptorName) {

        public Merchant {
            entityIds = entityIds != null ? List.copyOf(entityIds) : List.of();
            testMode = testMode == null || testMode;
        }

        void validate(String name) {
            if (accessToken == null || accessToken.isBlank()) {
                throw new IllegalArgumentException("sandbox.merchants." + name + ".access-token is required");
            }
            if (entityIds.isEmpty()) {
                throw new IllegalArgumentException("sandbox.merchants." + name + ".entity-ids needs at least one id");
            }
            if (notificationSecret == null || !notificationSecret.matches("^[0-9a-fA-F]{64}$")) {
                throw new IllegalArgumentException(
                        "sandbox.merchants." + name + ".notification-secret must be 64 hex characters (AES-256 key)");
            }
        }

        public byte[] notificationKey() {
            return HexFormat.of().parseHex(notificationSecret);
        }

        public boolean owns(String entityId) {
            return entityIds.contains(entityId);
        }
    }

    /** Asynchronous payments: how long an abandoned redirect waits before it times out; how often that is checked. */
    public record Async(Duration sessionTimeout, Duration sweepInterval) {
        public Async {
            sessionTimeout = sessionTimeout != null ? sessionTimeout : Duration.ofMinutes(30);
            sweepInterval = sweepInterval != null ? sweepInterval : Duration.ofMillis(200);
        }
    }

    /**
     * Gateway rules with a time in them: how long an authorization can be captured, how long after a charge it can
     * still be reversed, and when the acquirer's late answer arrives after a {@code 900.100.300} timeout.
     */
    public record Rules(Duration authorizationValidity, Duration reversalWindow, Duration lateAcquirerAnswer) {
        public Rules {
            authorizationValidity = authorizationValidity != null ? authorizationValidity : Duration.ofDays(7);
            reversalWindow = reversalWindow != null ? reversalWindow : Duration.ofHours(24);
            lateAcquirerAnswer = lateAcquirerAnswer != null ? lateAcquirerAnswer : Duration.ofSeconds(5);
        }
    }

    /** OPP allows two {@code GET /v1/payments/{id}} per minute per transaction. */
    public record StatusLimit(Integer requests, Duration window) {
        public StatusLimit {
            requests = requests != null ? requests : 2;
            window = window != null ? window : Duration.ofMinutes(1);
        }
    }

    /** Webhook delivery: retried with exponential backoff until a 2xx (or max-attempts, 0 = forever). */
    public record Notifications(
            Duration initialBackoff,
            Duration maxBackoff,
            Integer maxAttempts,
            Duration connectTimeout,
            Duration requestTimeout) {
        public Notifications {
            initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofSeconds(1);
            maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofMinutes(5);
            maxAttempts = maxAttempts != null ? maxAttempts : 0;
            connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
            requestTimeout = requestTimeout != null ? requestTimeout : Duration.ofSeconds(10);
        }
    }

    /**
     * Faults on the OPP API: per request (header {@code X-Sandbox-Fault} or magic amounts, when enabled) and as
     * global rates (0..1) with added latency.
     */
    public record Faults(Boolean enabled, Rates rates, Latency latency, Duration timeoutHold) {
        public Faults {
            enabled = enabled == null || enabled;
            rates = rates != null ? rates : new Rates(null, null, null, null, null);
            latency = latency != null ? latency : new Latency(null, null, null, null, null);
            timeoutHold = timeoutHold != null ? timeoutHold : Duration.ofSeconds(60);
        }
    }

    /** Probabilities (0..1) that a request to the OPP API meets each fault. */
    public record Rates(Double http500, Double http503, Double reset, Double timeout, Double lostResponse) {
        public Rates {
            http500 = rate("http500", http500);
            http503 = rate("http503", http503);
            reset = rate("reset", reset);
            timeout = rate("timeout", timeout);
            lostResponse = rate("lost-response", lostResponse);
        }

        private static double rate(String name, Double value) {
            double rate = value != null ? value : 0.0;
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("sandbox.faults.rates." + name + " must be between 0 and 1");
            }
            return rate;
        }

        public boolean any() {
            return http500 + http503 + reset + timeout + lostResponse > 0;
        }
    }

    /** Latency added to every OPP API request: none, fixed, uniform between min and max, or exponential with a mean. */
    public record Latency(Distribution distribution, Duration fixed, Duration min, Duration max, Duration mean) {

        /** The shape of the added latency. */
        public enum Distribution {
            NONE,
            FIXED,
            UNIFORM,
            EXPONENTIAL
        }

        public Latency {
            distribution = distribution != null ? distribution : Distribution.NONE;
            fixed = fixed != null ? fixed : Duration.ZERO;
            min = min != null ? min : Duration.ZERO;
            max = max != null ? max : Duration.ZERO;
            mean = mean != null ? mean : Duration.ZERO;
        }
    }
}

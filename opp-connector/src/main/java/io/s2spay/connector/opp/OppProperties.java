package io.s2spay.connector.opp;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the OPP connector ({@code s2spay.opp.*}): the gateway's base URL, timeouts, one OPP account
 * (entity id + access token) per merchant, the webhook secret, and the resilience settings. Validated when built,
 * so a wrong value stops the application at startup with a message naming the property.
 *
 * @param baseUrl            the gateway's base URL; must end in "/" (e.g. {@code https://eu-test.oppwa.com/})
 * @param connectTimeout     TCP connect timeout (default 2s)
 * @param readTimeout        time allowed for the whole answer once the request is sent (default 10s)
 * @param accounts           OPP account per s2spay merchant id
 * @param notificationSecret 64 hex characters: the key OPP encrypts webhooks with (an account may have its own)
 * @param circuitBreaker     when the connector stops calling a gateway that keeps failing
 * @param resolution         how an UNKNOWN outcome is resolved through the query endpoint
 */
@ConfigurationProperties("s2spay.opp")
public record OppProperties(
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Map<String, Account> accounts,
        String notificationSecret,
        CircuitBreaker circuitBreaker,
        Resolution resolution) {

    static final Pattern SECRET = Pattern.compile("[0-9A-Fa-f]{64}");

    public OppProperties {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("s2spay.opp.base-url is required, e.g. https://eu-test.oppwa.com/");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("s2spay.opp.base-url is not a valid URL: " + baseUrl, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("s2spay.opp.base-url must be an absolute http(s) URL, was: " + baseUrl);
        }
        if (!baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("s2spay.opp.base-url must end in \"/\" (OPP's resourcePath is appended"
                    + " to it), e.g. " + baseUrl + "/ instead of " + baseUrl);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("s2spay.opp.base-url must not have a query or fragment: " + baseUrl);
        }
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(2), "s2spay.opp.connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(10), "s2spay.opp.read-timeout");
        accounts = accounts == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(accounts));
        accounts.forEach((merchantId, account) -> account.check(merchantId));
        if (notificationSecret != null && notificationSecret.isBlank()) {
            notificationSecret = null;
        }
        if (notificationSecret != null && !SECRET.matcher(notificationSecret).matches()) {
            throw new IllegalArgumentException("s2spay.opp.notification-secret must be 64 hexadecimal characters");
        }
        circuitBreaker = circuitBreaker == null ? CircuitBreaker.DEFAULTS : circuitBreaker;
        resolution = resolution == null ? Resolution.DEFAULTS : resolution;
    }

    /** Properties with the given base URL and accounts and every other setting at its default. */
    public static OppProperties of(String baseUrl, Map<String, Account> accounts, String notificationSecret) {
        return new OppProperties(baseUrl, null, null, accounts, notificationSecret, null, null);
    }

    /** A copy with other timeouts. */
    public OppProperties withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new OppProperties(
                baseUrl, connectTimeout, readTimeout, accounts, notificationSecret, circuitBreaker, resolution);
    }

    /** A copy with other circuit-breaker settings. */
    public OppProperties withCircuitBreaker(CircuitBreaker circuitBreaker) {
        return new OppProperties(
                baseUrl, connectTimeout, readTimeout, accounts, notificationSecret, circuitBreaker, resolution);
    }

    /** A copy with other resolution settings. */
    public OppProperties withResolution(Resolution resolution) {
        return new OppProperties(
                baseUrl, connectTimeout, readTimeout, accounts, notificationSecret, circuitBreaker, resolution);
    }

    /**
     * This configuration, once checked that no two merchants share an OPP entity id: on one shared gateway account a
     * merchantTransactionId clash would let one merchant's payment adopt the other merchant's transaction. Checked
     * where Spring configures the connector rather than in the constructor, so tests can still build an impostor
     * account (another merchant's entity id with the wrong token) on purpose.
     *
     * @throws IllegalArgumentException naming both merchants' properties
     */
    public OppProperties requireDistinctEntityIds() {
        Map<String, String> merchantByEntityId = new HashMap<>();
        accounts.keySet().stream().sorted().forEach(merchantId -> {
            String entityId = accounts.get(merchantId).entityId();
            String first = merchantByEntityId.putIfAbsent(entityId.strip().toLowerCase(Locale.ROOT), merchantId);
            if (first != null) {
                throw new IllegalArgumentException("s2spay.opp.accounts." + first
                        + ".entity-id and s2spay.opp.accounts."
                        + merchantId + ".entity-id are the same OPP entity (" + entityId.strip() + "): each merchant"
                        + " needs its own gateway account, or a merchantTransactionId clash would let one merchant's"
                        + " payment adopt the other's transaction");
            }
        });
        return this;
    }

    /** The account configured for {@code merchantId}. */
    public Account account(String merchantId) {
        Account account = merchantId == null ? null : accounts.get(merchantId);
        if (account == null) {
            throw new UnknownOppAccountException(merchantId);
        }
        return account;
    }

    /** The webhook secret for {@code merchantId}: the account's own, else the global one; null when neither is set. */
    public String notificationSecretFor(String merchantId) {
        Account account = merchantId == null ? null : accounts.get(merchantId);
        if (account != null && account.notificationSecret() != null) {
            return account.notificationSecret();
        }
        return notificationSecret;
    }

    @Override
    public String toString() {
        return "OppProperties[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", accounts=" + accounts + ", notificationSecret="
                + (notificationSecret == null ? null : "***") + ", circuitBreaker=" + circuitBreaker
                + ", resolution=" + resolution + "]";
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * One OPP account (channel) of a merchant.
     *
     * @param notificationSecret this account's webhook key (64 hex characters); null to use the global one
     */
    public record Account(String entityId, String accessToken, String notificationSecret) {

        public Account {
            if (notificationSecret != null && notificationSecret.isBlank()) {
                notificationSecret = null;
            }
        }

        void check(String merchantId) {
            String prefix = "s2spay.opp.accounts." + merchantId;
            if (entityId == null || entityId.isBlank()) {
                throw new IllegalArgumentException(prefix + ".entity-id is required");
            }
            if (accessToken == null || accessToken.isBlank()) {
                throw new IllegalArgumentException(prefix + ".access-token is required");
            }
            if (notificationSecret != null
                    && !SECRET.matcher(notificationSecret).matches()) {
                throw new IllegalArgumentException(prefix + ".notification-secret must be 64 hexadecimal characters");
            }
        }

        @Override
        public String toString() {
            return "Account[entityId=" + entityId + ", accessToken=***, notificationSecret="
                    + (notificationSecret == null ? null : "***") + "]";
        }
    }

    /**
     * Resilience4j circuit-breaker settings: failures are transport errors, timeouts and HTTP 5xx answers, never
     * declines or validation errors.
     */
    public record CircuitBreaker(
            Integer failureRateThreshold,
            Integer slidingWindowSize,
            Integer minimumNumberOfCalls,
            Duration waitDurationInOpenState,
            Integer permittedCallsInHalfOpenState) {

        static final CircuitBreaker DEFAULTS = new CircuitBreaker(null, null, null, null, null);

        public CircuitBreaker {
            failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
            slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
            minimumNumberOfCalls = minimumNumberOfCalls == null ? 10 : minimumNumberOfCalls;
            waitDurationInOpenState =
                    waitDurationInOpenState == null ? Duration.ofSeconds(15) : waitDurationInOpenState;
            permittedCallsInHalfOpenState = permittedCallsInHalfOpenState == null ? 3 : permittedCallsInHalfOpenState;
            if (failureRateThreshold < 1 || failureRateThreshold > 100) {
                throw new IllegalArgumentException("s2spay.opp.circuit-breaker.failure-rate-threshold must be 1..100");
            }
            if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
                throw new IllegalArgumentException(
                        "s2spay.opp.circuit-breaker window and call counts must be positive");
            }
        }
    }

    /**
     * How {@code submitPaymentSafely}/{@code submitBackOfficeSafely} resolve an UNKNOWN outcome: up to
     * {@code maxQueries} queries by merchantTransactionId with exponential backoff from {@code initialBackoff}, and
     * at most {@code maxResends} resends when the gateway provably never received the request.
     */
    public record Resolution(
            Integer maxQueries, Duration initialBackoff, Double backoffMultiplier, Integer maxResends) {

        static final Resolution DEFAULTS = new Resolution(null, null, null, null);

        public Resolution {
            maxQueries = maxQueries == null ? 5 : maxQueries;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
            maxResends = maxResends == null ? 1 : maxResends;
            if (maxQueries < 1 || maxResends < 0 || backoffMultiplier < 1.0 || initialBackoff.isNegative()) {
                throw new IllegalArgumentException("s2spay.opp.resolution: max-queries >= 1, max-resends >= 0,"
                        + " backoff-multiplier >= 1, initial-backoff >= 0");
            }
        }
    }
}

package io.s2spay.connector.orders;

import io.s2spay.gateway.UnknownGatewayAccountException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the orders connector ({@code s2spay.orders.*}): the API's base URL, timeouts, the gateway
 * accounts (merchant id, API key and secret, webhook secret, the two terminals), how long a webhook's timestamp is
 * believed, and the resilience settings. Validated when built, so a wrong value stops the application at startup
 * with a message naming the property.
 *
 * @param baseUrl                the API's base URL, ending in "/" (the sandbox's {@code http://127.0.0.1:8090/orders-api/})
 * @param connectTimeout         TCP connect timeout (default 2s)
 * @param readTimeout            time allowed for the whole answer once the request is sent (default 10s)
 * @param notificationTolerance  how far a webhook's {@code X-Timestamp} may be from now (default 5m)
 * @param accounts               gateway account per account id (the key the services route to)
 * @param circuitBreaker         when the connector stops calling an API that keeps failing
 * @param resolution             how an UNKNOWN outcome is resolved through the look-ups
 */
@ConfigurationProperties("s2spay.orders")
public record OrdersProperties(
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Duration notificationTolerance,
        Map<String, Account> accounts,
        CircuitBreaker circuitBreaker,
        Resolution resolution) {

    public OrdersProperties {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "s2spay.orders.base-url is required, e.g. http://127.0.0.1:8090/orders-api/");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("s2spay.orders.base-url is not a valid URL: " + baseUrl, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "s2spay.orders.base-url must be an absolute http(s) URL, was: " + baseUrl);
        }
        if (!baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("s2spay.orders.base-url must end in \"/\" (the API's paths are"
                    + " appended to it), e.g. " + baseUrl + "/");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("s2spay.orders.base-url must not have a query or fragment: " + baseUrl);
        }
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(2), "s2spay.orders.connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(10), "s2spay.orders.read-timeout");
        notificationTolerance =
                positive(notificationTolerance, Duration.ofMinutes(5), "s2spay.orders.notification-tolerance");
        accounts = accounts == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(accounts));
        accounts.forEach((id, account) -> account.check(id));
        circuitBreaker = circuitBreaker == null ? CircuitBreaker.DEFAULTS : circuitBreaker;
        resolution = resolution == null ? Resolution.DEFAULTS : resolution;
    }

    /** Properties with the given base URL and accounts and every other setting at its default. */
    public static OrdersProperties of(String baseUrl, Map<String, Account> accounts) {
        return new OrdersProperties(baseUrl, null, null, null, accounts, null, null);
    }

    /** A copy with other timeouts. */
    public OrdersProperties withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new OrdersProperties(
                baseUrl, connectTimeout, readTimeout, notificationTolerance, accounts, circuitBreaker, resolution);
    }

    /** A copy with other circuit-breaker settings. */
    public OrdersProperties withCircuitBreaker(CircuitBreaker circuitBreaker) {
        return new OrdersProperties(
                baseUrl, connectTimeout, readTimeout, notificationTolerance, accounts, circuitBreaker, resolution);
    }

    /** A copy with other resolution settings. */
    public OrdersProperties withResolution(Resolution resolution) {
        return new OrdersProperties(
                baseUrl, connectTimeout, readTimeout, notificationTolerance, accounts, circuitBreaker, resolution);
    }

    /**
     * The account configured under {@code accountId}.
     *
     * @throws UnknownGatewayAccountException when there is none
     */
    public Account account(String accountId) {
        Account account = accountId == null ? null : accounts.get(accountId);
        if (account == null) {
            throw new UnknownGatewayAccountException(
                    "no orders gateway account " + accountId + " (s2spay.orders.accounts." + accountId + ")");
        }
        return account;
    }

    @Override
    public String toString() {
        return "OrdersProperties[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", notificationTolerance=" + notificationTolerance + ", accounts=" + accounts
                + ", circuitBreaker=" + circuitBreaker + ", resolution=" + resolution + "]";
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
     * One merchant account at the orders API.
     *
     * @param merchantId             the API's merchant id ({@code MERCHANT-ID}, the path's {@code {merchantId}})
     * @param webhookSecret          the key the API signs webhooks with (HMAC-SHA256 over its UTF-8 bytes)
     * @param selfHostedTerminalId   the SelfHostedPage terminal the customer's card payments go to
     * @param mitTerminalId          the MerchantInitiated terminal token (CTOKEN) payments go to; null when the
     *                               account has none (stored-card payments are then refused before sending)
     */
    public record Account(
            String merchantId,
            String apiKey,
            String apiSecret,
            String webhookSecret,
            String selfHostedTerminalId,
            String mitTerminalId) {

        public Account {
            if (mitTerminalId != null && mitTerminalId.isBlank()) {
                mitTerminalId = null;
            }
        }

        void check(String id) {
            String prefix = "s2spay.orders.accounts." + id;
            require(merchantId, prefix + ".merchant-id");
            require(apiKey, prefix + ".api-key");
            require(apiSecret, prefix + ".api-secret");
            require(webhookSecret, prefix + ".webhook-secret");
            require(selfHostedTerminalId, prefix + ".self-hosted-terminal-id");
            if (merchantId.contains("/") || merchantId.contains("?") || merchantId.contains("#")) {
                throw new IllegalArgumentException(prefix + ".merchant-id must not contain '/', '?' or '#'");
            }
        }

        private static void require(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required");
            }
        }

        @Override
        public String toString() {
            return "Account[merchantId=" + merchantId + ", apiKey=***, apiSecret=***, webhookSecret=***,"
                    + " selfHostedTerminalId=" + selfHostedTerminalId + ", mitTerminalId=" + mitTerminalId + "]";
        }
    }

    /** Resilience4j circuit-breaker settings: failures are transport errors, timeouts and HTTP 5xx answers. */
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
                throw new IllegalArgumentException(
                        "s2spay.orders.circuit-breaker.failure-rate-threshold must be 1..100");
            }
            if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
                throw new IllegalArgumentException(
                        "s2spay.orders.circuit-breaker window and call counts must be positive");
            }
        }
    }

    /**
     * How an UNKNOWN outcome is resolved: up to {@code maxQueries} look-ups with exponential backoff from
     * {@code initialBackoff}, and at most {@code maxResends} resends when the API provably never received it.
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
                throw new IllegalArgumentException("s2spay.orders.resolution: max-queries >= 1, max-resends >= 0,"
                        + " backoff-multiplier >= 1, initial-backoff >= 0");
            }
        }
    }
}

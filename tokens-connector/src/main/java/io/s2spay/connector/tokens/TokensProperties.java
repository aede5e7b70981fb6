package io.s2spay.connector.tokens;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the tokens connector ({@code s2spay.tokens.*}): the API's base URL, timeouts, one account (keys and
 * webhook secret) per gateway account id, and the resilience settings. Validated when built, so a wrong value stops
 * the application at startup with a message naming the property.
 *
 * @param baseUrl          the API's base URL, ending in "/" (e.g. {@code http://127.0.0.1:8090/tokens-api/})
 * @param connectTimeout   TCP connect timeout (default 2s)
 * @param readTimeout      time allowed for the whole answer once the request is sent (default 10s)
 * @param webhookTolerance how far a webhook's signed timestamp may be from now (default 5m)
 * @param accounts         keys per gateway account id
 */
@ConfigurationProperties("s2spay.tokens")
public record TokensProperties(
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Duration webhookTolerance,
        Map<String, Account> accounts,
        CircuitBreaker circuitBreaker,
        Resolution resolution) {

    public TokensProperties {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "s2spay.tokens.base-url is required, e.g. http://127.0.0.1:8090/tokens-api/");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("s2spay.tokens.base-url is not a valid URL: " + baseUrl, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "s2spay.tokens.base-url must be an absolute http(s) URL, was: " + baseUrl);
        }
        if (!baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("s2spay.tokens.base-url must end in \"/\" (\"v1/payments\" is appended"
                    + " to it), e.g. " + baseUrl + "/");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("s2spay.tokens.base-url must not have a query or fragment: " + baseUrl);
        }
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(2), "s2spay.tokens.connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(10), "s2spay.tokens.read-timeout");
        webhookTolerance = positive(webhookTolerance, Duration.ofMinutes(5), "s2spay.tokens.webhook-tolerance");
        accounts = accounts == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(accounts));
        accounts.forEach((id, account) -> account.check(id));
        circuitBreaker = circuitBreaker == null ? CircuitBreaker.DEFAULTS : circuitBreaker;
        resolution = resolution == null ? Resolution.DEFAULTS : resolution;
    }

    /** Properties with the given base URL and accounts and every other setting at its default. */
    public static TokensProperties of(String baseUrl, Map<String, Account> accounts) {
        return new TokensProperties(baseUrl, null, null, null, accounts, null, null);
    }

    /** A copy with other timeouts. */
    public TokensProperties withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new TokensProperties(
                baseUrl, connectTimeout, readTimeout, webhookTolerance, accounts, circuitBreaker, resolution);
    }

    /** A copy with other resolution settings. */
    public TokensProperties withResolution(Resolution resolution) {
        return new TokensProperties(
                baseUrl, connectTimeout, readTimeout, webhookTolerance, accounts, circuitBreaker, resolution);
    }

    /** A copy with other circuit-breaker settings. */
    public TokensProperties withCircuitBreaker(CircuitBreaker circuitBreaker) {
        return new TokensProperties(
                baseUrl, connectTimeout, readTimeout, webhookTolerance, accounts, circuitBreaker, resolution);
    }

    /** The account configured under {@code accountId}. */
    Account account(String accountId) {
        Account account = accountId == null ? null : accounts.get(accountId);
        if (account == null) {
            throw new UnknownTokensAccountException(accountId);
        }
        return account;
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
     * One account of the tokens API.
     *
     * @param publishableKey {@code pk_…}: the connector tokenizes card data with it
     * @param secretKey      {@code sk_…}: payments, refunds, look-ups
     * @param webhookSecret  the HMAC key of the webhooks' {@code Signature} header
     */
    public record Account(String publishableKey, String secretKey, String webhookSecret) {

        void check(String id) {
            String prefix = "s2spay.tokens.accounts." + id;
            if (publishableKey == null || !publishableKey.startsWith("pk_")) {
                throw new IllegalArgumentException(prefix + ".publishable-key is required (pk_test_… or pk_live_…)");
            }
            if (secretKey == null || !secretKey.startsWith("sk_")) {
                throw new IllegalArgumentException(prefix + ".secret-key is required (sk_test_… or sk_live_…)");
            }
            if (webhookSecret == null || webhookSecret.isBlank()) {
                throw new IllegalArgumentException(prefix + ".webhook-secret is required");
            }
        }

        @Override
        public String toString() {
            return "Account[publishableKey=" + publishableKey + ", secretKey=***, webhookSecret=***]";
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
                        "s2spay.tokens.circuit-breaker.failure-rate-threshold must be 1..100");
            }
            if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
                throw new IllegalArgumentException(
                        "s2spay.tokens.circuit-breaker window and call counts must be positive");
            }
        }
    }

    /**
     * How an UNKNOWN outcome is resolved: up to {@code maxQueries} look-ups by reference with exponential backoff
     * from {@code initialBackoff}, and at most {@code maxResends} resends when the API provably holds nothing.
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
                throw new IllegalArgumentException("s2spay.tokens.resolution: max-queries >= 1, max-resends >= 0,"
                        + " backoff-multiplier >= 1, initial-backoff >= 0");
            }
        }
    }
}

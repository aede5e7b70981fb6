package io.s2spay.connector.tokens;

import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.connector.support.ConnectorSettings;
import io.s2spay.connector.support.ResolutionSettings;
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
        CircuitBreakerSettings circuitBreaker,
        ResolutionSettings resolution) {

    public TokensProperties {
        ConnectorSettings.requireBaseUrl(
                baseUrl,
                "s2spay.tokens.base-url",
                "http://127.0.0.1:8090/tokens-api/",
                "\"v1/payments\" is appended to it");
        connectTimeout = ConnectorSettings.positiveOrDefault(
                connectTimeout, Duration.ofSeconds(2), "s2spay.tokens.connect-timeout");
        readTimeout =
                ConnectorSettings.positiveOrDefault(readTimeout, Duration.ofSeconds(10), "s2spay.tokens.read-timeout");
        webhookTolerance = ConnectorSettings.positiveOrDefault(
                webhookTolerance, Duration.ofMinutes(5), "s2spay.tokens.webhook-tolerance");
        accounts = accounts == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(accounts));
        accounts.forEach((id, account) -> account.check(id));
        circuitBreaker = CircuitBreakerSettings.checked(circuitBreaker, "s2spay.tokens.circuit-breaker");
        resolution = ResolutionSettings.checked(resolution, "s2spay.tokens.resolution");
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
    public TokensProperties withResolution(ResolutionSettings resolution) {
        return new TokensProperties(
                baseUrl, connectTimeout, readTimeout, webhookTolerance, accounts, circuitBreaker, resolution);
    }

    /** A copy with other circuit-breaker settings. */
    public TokensProperties withCircuitBreaker(CircuitBreakerSettings circuitBreaker) {
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
}

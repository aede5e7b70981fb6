package io.s2spay.connector.orders;

import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.connector.support.ConnectorSettings;
import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.gateway.UnknownGatewayAccountException;
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
        CircuitBreakerSettings circuitBreaker,
        ResolutionSettings resolution) {

    public OrdersProperties {
        ConnectorSettings.requireBaseUrl(
                baseUrl,
                "s2spay.orders.base-url",
                "http://127.0.0.1:8090/orders-api/",
                "the API's paths are appended to it");
        connectTimeout = ConnectorSettings.positiveOrDefault(
                connectTimeout, Duration.ofSeconds(2), "s2spay.orders.connect-timeout");
        readTimeout =
                ConnectorSettings.positiveOrDefault(readTimeout, Duration.ofSeconds(10), "s2spay.orders.read-timeout");
        notificationTolerance = ConnectorSettings.positiveOrDefault(
                notificationTolerance, Duration.ofMinutes(5), "s2spay.orders.notification-tolerance");
        accounts = accounts == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(accounts));
        accounts.forEach((id, account) -> account.check(id));
        circuitBreaker = CircuitBreakerSettings.checked(circuitBreaker, "s2spay.orders.circuit-breaker");
        resolution = ResolutionSettings.checked(resolution, "s2spay.orders.resolution");
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
    public OrdersProperties withCircuitBreaker(CircuitBreakerSettings circuitBreaker) {
        return new OrdersProperties(
                baseUrl, connectTimeout, readTimeout, notificationTolerance, accounts, circuitBreaker, resolution);
    }

    /** A copy with other resolution settings. */
    public OrdersProperties withResolution(ResolutionSettings resolution) {
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
            ConnectorSettings.requireText(merchantId, prefix + ".merchant-id");
            ConnectorSettings.requireText(apiKey, prefix + ".api-key");
            ConnectorSettings.requireText(apiSecret, prefix + ".api-secret");
            ConnectorSettings.requireText(webhookSecret, prefix + ".webhook-secret");
            ConnectorSettings.requireText(selfHostedTerminalId, prefix + ".self-hosted-terminal-id");
            if (merchantId.contains("/") || merchantId.contains("?") || merchantId.contains("#")) {
                throw new IllegalArgumentException(prefix + ".merchant-id must not contain '/', '?' or '#'");
            }
        }

        @Override
        public String toString() {
            return "Account[merchantId=" + merchantId + ", apiKey=***, apiSecret=***, webhookSecret=***,"
                    + " selfHostedTerminalId=" + selfHostedTerminalId + ", mitTerminalId=" + mitTerminalId + "]";
        }
    }
}

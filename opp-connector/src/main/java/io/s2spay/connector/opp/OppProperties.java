package io.s2spay.connector.opp;

import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.connector.support.ConnectorSettings;
import io.s2spay.connector.support.ResolutionSettings;
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
        CircuitBreakerSettings circuitBreaker,
        ResolutionSettings resolution) {

    static final Pattern SECRET = Pattern.compile("[0-9A-Fa-f]{64}");

    public OppProperties {
        ConnectorSettings.requireBaseUrl(
                baseUrl, "s2spay.opp.base-url", "https://eu-test.oppwa.com/", "OPP's resourcePath is appended to it");
        connectTimeout = ConnectorSettings.positiveOrDefault(
                connectTimeout, Duration.ofSeconds(2), "s2spay.opp.connect-timeout");
        readTimeout =
                ConnectorSettings.positiveOrDefault(readTimeout, Duration.ofSeconds(10), "s2spay.opp.read-timeout");
        accounts = accounts == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(accounts));
        accounts.forEach((merchantId, account) -> account.check(merchantId));
        if (notificationSecret != null && notificationSecret.isBlank()) {
            notificationSecret = null;
        }
        if (notificationSecret != null && !SECRET.matcher(notificationSecret).matches()) {
            throw new IllegalArgumentException("s2spay.opp.notification-secret must be 64 hexadecimal characters");
        }
        circuitBreaker = CircuitBreakerSettings.checked(circuitBreaker, "s2spay.opp.circuit-breaker");
        resolution = ResolutionSettings.checked(resolution, "s2spay.opp.resolution");
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
    public OppProperties withCircuitBreaker(CircuitBreakerSettings circuitBreaker) {
        return new OppProperties(
                baseUrl, connectTimeout, readTimeout, accounts, notificationSecret, circuitBreaker, resolution);
    }

    /** A copy with other resolution settings. */
    public OppProperties withResolution(ResolutionSettings resolution) {
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
}

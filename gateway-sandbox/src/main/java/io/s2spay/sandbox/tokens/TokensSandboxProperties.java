package io.s2spay.sandbox.tokens;

import io.s2spay.sandbox.webhook.WebhookSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tokens API's configuration ({@code sandbox.tokens.*}): each account's keys and webhook, how long a card token
 * lives, how long a 3-D Secure page waits, and webhook retries. Every key and secret in the defaults is a test value.
 */
@ConfigurationProperties("sandbox.tokens")
public record TokensSandboxProperties(
        Map<String, Account> accounts,
        Duration tokenLifetime,
        Duration actionTimeout,
        Duration sweepInterval,
        WebhookSettings webhooks) {

    public TokensSandboxProperties {
        accounts = accounts != null ? new LinkedHashMap<>(accounts) : new LinkedHashMap<>();
        tokenLifetime = tokenLifetime != null ? tokenLifetime : Duration.ofMinutes(15);
        actionTimeout = actionTimeout != null ? actionTimeout : Duration.ofMinutes(30);
        sweepInterval = sweepInterval != null ? sweepInterval : Duration.ofMillis(200);
        webhooks = webhooks != null ? webhooks : WebhookSettings.DEFAULTS;
        accounts.forEach((name, account) -> account.validate(name));
        Set<String> keys = new HashSet<>();
        accounts.forEach((name, account) -> {
            if (!keys.add(account.publishableKey()) || !keys.add(account.secretKey())) {
                throw new IllegalArgumentException("sandbox.tokens.accounts." + name + ": every key must be unique");
            }
        });
    }

    /** The account a key belongs to, and whether it is the account's secret key. */
    Optional<KeyOwner> ownerOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Account> entry : accounts.entrySet()) {
            if (entry.getValue().secretKey().equals(key)) {
                return Optional.of(new KeyOwner(entry.getKey(), true));
            }
            if (entry.getValue().publishableKey().equals(key)) {
                return Optional.of(new KeyOwner(entry.getKey(), false));
            }
        }
        return Optional.empty();
    }

    /** Who sent a request: the account's name and whether it used the secret key. */
    record KeyOwner(String account, boolean secret) {}

    /**
     * One merchant account of the tokens API.
     *
     * @param publishableKey {@code pk_test_…}: may only create tokens (from the shopper's browser)
     * @param secretKey      {@code sk_test_…}: every request
     * @param webhookSecret  the HMAC-SHA256 key of the {@code Signature} header of webhooks
     * @param webhookUrl     where webhooks go; none are sent without it
     */
    public record Account(String publishableKey, String secretKey, String webhookSecret, URI webhookUrl) {

        void validate(String name) {
            String prefix = "sandbox.tokens.accounts." + name;
            if (publishableKey == null || !publishableKey.startsWith("pk_test_")) {
                throw new IllegalArgumentException(prefix + ".publishable-key must start with pk_test_");
            }
            if (secretKey == null || !secretKey.startsWith("sk_test_")) {
                throw new IllegalArgumentException(prefix + ".secret-key must start with sk_test_");
            }
            if (webhookSecret == null || webhookSecret.isBlank()) {
                throw new IllegalArgumentException(prefix + ".webhook-secret is required");
            }
        }
    }
}

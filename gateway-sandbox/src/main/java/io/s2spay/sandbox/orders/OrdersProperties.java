package io.s2spay.sandbox.orders;

import io.s2spay.sandbox.webhook.WebhookSettings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The orders API's configuration ({@code sandbox.orders.*}): its merchants with their test credentials, webhook
 * secret and terminals, how long an abandoned 3-D Secure challenge waits, and how webhooks are retried.
 */
@ConfigurationProperties("sandbox.orders")
public record OrdersProperties(
        Map<String, Merchant> merchants, Duration sessionTimeout, Duration sweepInterval, WebhookSettings webhooks) {

    public OrdersProperties {
        merchants = merchants != null ? new LinkedHashMap<>(merchants) : new LinkedHashMap<>();
        sessionTimeout = sessionTimeout != null ? sessionTimeout : Duration.ofMinutes(15);
        sweepInterval = sweepInterval != null ? sweepInterval : Duration.ofMillis(200);
        webhooks = webhooks != null ? webhooks : WebhookSettings.DEFAULTS;
        merchants.forEach((id, merchant) -> merchant.validate(id));
    }

    /** The merchant {@code merchantId}, when its key and secret are the ones given. */
    Optional<Merchant> authenticate(String merchantId, String apiKey, String apiSecret) {
        Merchant merchant = merchantId == null ? null : merchants.get(merchantId);
        if (merchant == null
                || !merchant.apiKey().equals(apiKey)
                || !merchant.apiSecret().equals(apiSecret)) {
            return Optional.empty();
        }
        return Optional.of(merchant);
    }

    /**
     * A merchant of the orders API: its API key and secret (headers {@code API-KEY}, {@code API-SECRET}), the
     * secret its webhooks are signed with, the default webhook URL and its terminals.
     */
    public record Merchant(
            String apiKey, String apiSecret, String webhookSecret, URI webhookUrl, List<Terminal> terminals) {

        public Merchant {
            terminals = terminals != null ? List.copyOf(terminals) : List.of();
        }

        void validate(String id) {
            String prefix = "sandbox.orders.merchants." + id;
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException(prefix + ".api-key is required");
            }
            if (apiSecret == null || apiSecret.isBlank()) {
                throw new IllegalArgumentException(prefix + ".api-secret is required");
            }
            if (webhookSecret == null || webhookSecret.length() < 16) {
                throw new IllegalArgumentException(prefix + ".webhook-secret needs at least 16 characters");
            }
            for (int i = 0; i < terminals.size(); i++) {
                Terminal terminal = terminals.get(i);
                if (terminal.id() == null || terminal.id().isBlank() || terminal.type() == null) {
                    throw new IllegalArgumentException(prefix + ".terminals[" + i + "] needs an id and a type");
                }
            }
        }

        Optional<Terminal> terminal(String id) {
            return terminals.stream().filter(t -> t.id().equals(id)).findFirst();
        }
    }

    /** A terminal: where an order's payment may come from. */
    public record Terminal(String id, TerminalType type) {}

    /** The three kinds of terminal the seed names. */
    public enum TerminalType {
        /** The sandbox's hosted payment page collects the card. */
        PaymentPage,
        /** The merchant's own checkout collects the card and sends it to {@code POST /payments}. */
        SelfHostedPage,
        /** Server-to-server payments on a stored token, customer absent. */
        MerchantInitiated
    }
}

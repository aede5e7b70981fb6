package io.s2spay.checkout.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the webhooks to merchants ({@code s2spay.checkout.webhooks.*}).
 *
 * @param endpoints endpoints configured by property, by merchant id (besides those created through the API)
 * @param allowInsecureLoopback whether {@code http://} URLs on loopback hosts are accepted (local stack, tests)
 * @param secretEncryptionKey base64 of the 32-byte AES key that encrypts endpoint secrets at rest
 * @param initialBackoff wait before the second attempt of a delivery
 * @param backoffMultiplier factor by which the wait grows after each failed attempt
 * @param maxBackoff longest wait between two attempts
 * @param retryFor how long after its creation (or resend) a delivery is retried before it is marked failed
 * @param dispatcherEnabled whether this instance sends deliveries
 * @param pollInterval how often due deliveries are looked for
 * @param batchSize most deliveries claimed at once
 * @param maxConcurrencyPerEndpoint most requests in flight to one endpoint from one instance
 * @param connectTimeout connect timeout of a delivery request
 * @param requestTimeout timeout of a whole delivery request
 * @param lease how long a claimed delivery is held by the instance sending it
 */
@Validated
@ConfigurationProperties("s2spay.checkout.webhooks")
public record WebhookProperties(
        Map<String, List<@Valid ConfiguredEndpoint>> endpoints,
        @DefaultValue("false") boolean allowInsecureLoopback,
        @NotBlank String secretEncryptionKey,
        @DefaultValue("10s") @NotNull Duration initialBackoff,
        @DefaultValue("2.0") @DecimalMin("1.0") double backoffMultiplier,
        @DefaultValue("1h") @NotNull Duration maxBackoff,
        @DefaultValue("3d") @NotNull Duration retryFor,
        @DefaultValue("true") boolean dispatcherEnabled,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("100") @Min(1) int batchSize,
        @DefaultValue("4") @Min(1) int maxConcurrencyPerEndpoint,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration requestTimeout,
        @DefaultValue("60s") @NotNull Duration lease) {

    public WebhookProperties {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    @Override
    public String toString() {
        // the key and the configured secrets stay out of logs and actuator answers
        return "WebhookProperties[endpoints=" + endpoints + ", allowInsecureLoopback=" + allowInsecureLoopback
                + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + ", retryFor=" + retryFor + "]";
    }

    /**
     * An endpoint configured by property.
     *
     * @param url where the events are posted
     * @param secret the signing secret the merchant verifies signatures with
     */
    public record ConfiguredEndpoint(
            @NotBlank String url, @NotBlank String secret) {

        @Override
        public String toString() {
            return "ConfiguredEndpoint[url=" + url + "]";
        }
    }
}

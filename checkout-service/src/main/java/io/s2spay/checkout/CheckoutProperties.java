package io.s2spay.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the checkout API ({@code s2spay.checkout.*}).
 *
 * @param syncWait how long {@code POST /v1/payments} waits for the outcome before answering 202
 * @param merchants the merchants allowed to call the API, by merchant id
 * @param idempotency how {@code Idempotency-Key} requests are remembered
 * @param readModel the consumer of payment events that keeps the payment read model
 * @param publicBaseUrl where shoppers' browsers reach this API (scheme, host, port, no trailing slash): the
 *     base of the return URL s2spay gives the gateway for each payment
 * @param shopperReturn how the shopper's return URLs are signed
 */
@Validated
@ConfigurationProperties("s2spay.checkout")
public record CheckoutProperties(
        @DefaultValue("5s") @NotNull Duration syncWait,
        Map<String, @Valid Merchant> merchants,
        @DefaultValue @Valid Idempotency idempotency,
        @DefaultValue @Valid ReadModel readModel,

        @DefaultValue("http://127.0.0.1:8080")
        @NotBlank
        @Pattern(
                regexp = "https?://[^/?#\\s]+(/[^?#\\s]*[^/?#\\s])?",
                message = "must be an absolute http(s) URL without a trailing slash, query or fragment")
        String publicBaseUrl,

        @DefaultValue @Valid ShopperReturn shopperReturn) {

    public CheckoutProperties {
        merchants = merchants == null ? Map.of() : Map.copyOf(merchants);
    }

    /**
     * A merchant's credentials: only the SHA-256 of its secret API key is configured, never the key.
     *
     * @param apiKeySha256 lower- or upper-case hex SHA-256 of the UTF-8 API key
     */
    public record Merchant(
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex characters (SHA-256)")
            String apiKeySha256) {}

    /**
     * @param retention how long a key and its stored response are kept
     * @param fingerprintKey base64 HMAC key for request fingerprints: a plain hash of a body holding a card
     *     number and security code could be brute-forced from the other fields, a keyed one cannot
     * @param inFlightGrace how long past {@code syncWait} a request is still considered in flight (a
     *     duplicate gets 409), in case its instance died before storing the final answer
     */
    public record Idempotency(
            @DefaultValue("24h") Duration retention,
            @NotBlank String fingerprintKey,
            @DefaultValue("10s") Duration inFlightGrace) {

        @Override
        public String toString() {
            return "Idempotency[retention=" + retention + ", inFlightGrace=" + inFlightGrace + "]";
        }
    }

    /**
     * @param signingKey base64 HMAC key (at least 32 bytes) that signs each payment's return URL, so that a return
     *     URL cannot be made for another payment
     * @param outcomeWait how long the returning shopper's browser waits for the outcome before it is sent to the
     *     merchant's page with {@code status=pending}: a browser, unlike an API client, should not wait long
     */
    public record ShopperReturn(
            @NotBlank String signingKey,
            @DefaultValue("5s") @NotNull Duration outcomeWait) {

        @Override
        public String toString() {
            return "ShopperReturn[signingKey=(secret), outcomeWait=" + outcomeWait + "]";
        }
    }

    /**
     * @param enabled whether this instance consumes payment events (an instance may serve HTTP only)
     * @param concurrency consumer threads of the read-model listener
     */
    public record ReadModel(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("3") int concurrency) {}
}

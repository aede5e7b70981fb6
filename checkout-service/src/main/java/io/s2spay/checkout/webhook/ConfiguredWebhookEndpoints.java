package io.s2spay.checkout.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the endpoints of {@code s2spay.checkout.webhooks.endpoints.<merchantId>[i]} to the endpoint table at
 * start, under ids derived from merchant and index, so that deliveries of every endpoint work alike.
 */
@Component
class ConfiguredWebhookEndpoints implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredWebhookEndpoints.class);

    private final WebhookRepository repository;
    private final WebhookSecrets secrets;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConfiguredWebhookEndpoints(
            WebhookRepository repository,
            WebhookSecrets secrets,
            WebhookProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        validate(properties);
    }

    /** Refuses to start with a configured URL the API would refuse. */
    static void validate(WebhookProperties properties) {
        for (Map.Entry<String, List<WebhookProperties.ConfiguredEndpoint>> merchant :
                properties.endpoints().entrySet()) {
            for (int i = 0; i < merchant.getValue().size(); i++) {
                String url = merchant.getValue().get(i).url();
                int index = i;
                WebhookUrls.problem(url, properties.allowInsecureLoopback()).ifPresent(problem -> {
                    throw new IllegalStateException("s2spay.checkout.webhooks.endpoints." + merchant.getKey() + "["
                            + index + "].url " + problem);
                });
            }
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            properties.endpoints().forEach((merchantId, endpoints) -> {
                for (int i = 0; i < endpoints.size(); i++) {
                    String id = id(merchantId, i);
                    ids.add(id);
                    repository.upsertConfiguredEndpoint(new WebhookRepository.Endpoint(
                            id,
                            merchantId,
                            endpoints.get(i).url(),
                            null,
                            secrets.encryptSecret(endpoints.get(i).secret(), id),
                            "config",
                            "enabled",
                            now));
                }
            });
            int disabled = repository.disableConfiguredEndpointsExcept(ids, now);
            if (disabled > 0) {
                log.info("Disabled {} webhook endpoint(s) no longer configured", disabled);
            }
        });
        if (!ids.isEmpty()) {
            log.info("Webhook endpoints configured by property: {}", ids);
        }
    }

    static String id(String merchantId, int index) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((merchantId + "\n" + index).getBytes(StandardCharsets.UTF_8));
            return "we_cfg_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.s2spay.checkout.webhook;

import io.s2spay.checkout.idempotency.IdempotencyStore;
import io.s2spay.checkout.idempotency.IdempotencyStore.Claim;
import io.s2spay.checkout.idempotency.IdempotencyStore.StoredResponse;
import io.s2spay.checkout.web.ApiProblemException;
import io.s2spay.checkout.web.FieldError;
import io.s2spay.checkout.web.InvalidRequestException;
import io.s2spay.checkout.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The work behind the webhook API: endpoints of the authenticated merchant, their deliveries, resends. */
@Service
class WebhookRequests {

    static final String ENDPOINTS_PATH = "/v1/webhook-endpoints";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Set<String> CREATE_FIELDS = Set.of("url", "description");
    private static final int MAX_DESCRIPTION = 500;
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private final WebhookRepository repository;
    private final WebhookSecrets secrets;
    private final IdempotencyStore idempotency;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    WebhookRequests(
            WebhookRepository repository,
            WebhookSecrets secrets,
            IdempotencyStore idempotency,
            WebhookProperties properties,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.idempotency = idempotency;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** A created endpoint's answer: status, JSON body, whether it is a replay. */
    record Created(int status, byte[] body, String endpointId, boolean replayed) {}

    @Transactional
    public Created create(String merchantId, String idempotencyKey, byte[] body) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(
                    "Idempotency-Key", "must be 1 to 255 printable ASCII characters without spaces");
        }
        CreateRequest request = parse(body);
        if (idempotencyKey != null) {
            Claim claim = idempotency.claim(
                    merchantId, idempotencyKey, idempotency.fingerprint("POST", ENDPOINTS_PATH, body), Duration.ZERO);
            switch (claim) {
                case Claim.Claimed claimed -> {}
                case Claim.Replay replay -> {
                    // the stored answer holds the secret, so it is stored encrypted like the secret itself
                    byte[] answer =
                            secrets.decrypt(replay.response().body(), idempotencyContext(merchantId, idempotencyKey));
                    return new Created(
                            replay.response().status(),
                            answer,
                            replay.response().paymentId(),
                            true);
                }
                case Claim.InFlight inFlight ->
                    throw new ApiProblemException(Problems.of(
                            HttpStatus.CONFLICT,
                            "idempotent-request-in-progress",
                            "Request in progress",
                            "a request with this Idempotency-Key is still being answered; retry later"));
                case Claim.DifferentRequest different ->
                    throw new ApiProblemException(Problems.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency-key-reused",
                            "Idempotency-Key reused",
                            "this Idempotency-Key was used for a different request"));
            }
        }
        String id = "we_" + UUID.randomUUID().toString().replace("-", "");
        String secret = secrets.newSecret();
        WebhookRepository.Endpoint endpoint = new WebhookRepository.Endpoint(
                id,
                merchantId,
                request.url(),
                request.description(),
                secrets.encryptSecret(secret, id),
                "api",
                "enabled",
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        repository.insertEndpoint(endpoint);
        byte[] answer = json.writeValueAsBytes(WebhookViews.EndpointView.of(endpoint, secret));
        if (idempotencyKey != null) {
            StoredResponse stored = new StoredResponse(
                    201, secrets.encrypt(answer, idempotencyContext(merchantId, idempotencyKey)), id);
            idempotency.storeFirstResponse(merchantId, idempotencyKey, stored);
            idempotency.storeFinalResponse(merchantId, idempotencyKey, stored);
        }
        return new Created(201, answer, id, false);
    }

    private static String idempotencyContext(String merchantId, String key) {
        return "idempotency\n" + merchantId + "\n" + key;
    }

    private record CreateRequest(String url, String description) {}

    private CreateRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("body", "is required: {\"url\":\"https://…\"}");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException("body", "is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : tree.properties()) {
            if (!CREATE_FIELDS.contains(property.getKey())) {
                errors.add(new FieldError(property.getKey(), "is not a known field (known: description, url)"));
            }
        }
        JsonNode url = tree.get("url");
        String urlText = null;
        if (url == null || url.isNull()) {
            errors.add(new FieldError("url", "is required"));
        } else if (!url.isString()) {
            errors.add(new FieldError("url", "must be a string"));
        } else {
            urlText = url.asString();
            WebhookUrls.problem(urlText, properties.allowInsecureLoopback())
                    .ifPresent(problem -> errors.add(new FieldError("url", problem)));
        }
        JsonNode description = tree.get("description");
        String descriptionText = null;
        if (description != null && !description.isNull()) {
            if (!description.isString()) {
                errors.add(new FieldError("description", "must be a string"));
            } else if (description.asString().length() > MAX_DESCRIPTION) {
                errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
            } else {
                descriptionText = description.asString();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new CreateRequest(urlText, descriptionText);
    }

    List<WebhookViews.EndpointView> list(String merchantId) {
        return repository.enabledEndpoints(merchantId).stream()
                .map(e -> WebhookViews.EndpointView.of(e, null))
                .toList();
    }

    WebhookViews.EndpointView get(String merchantId, String endpointId) {
        return WebhookViews.EndpointView.of(endpoint(merchantId, endpointId), null);
    }

    @Transactional
    public WebhookViews.EndpointView delete(String merchantId, String endpointId) {
        WebhookRepository.Endpoint endpoint = endpoint(merchantId, endpointId);
        if (endpoint.source().equals("config")) {
            throw new ApiProblemException(Problems.of(
                    HttpStatus.CONFLICT,
                    "webhook-endpoint-configured",
                    "Endpoint configured by property",
                    "this endpoint comes from s2spay.checkout.webhooks.endpoints; remove it from the configuration"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        repository.deleteEndpoint(endpointId, now);
        return new WebhookViews.EndpointView(
                endpoint.id(), endpoint.url(), endpoint.description(), null, "deleted", "api", endpoint.createdAt());
    }

    WebhookViews.Page<WebhookViews.DeliveryView> deliveries(
            String merchantId, String endpointId, String paymentId, String limitParam, String startingAfter) {
        endpoint(merchantId, endpointId);
        int limit = DEFAULT_LIMIT;
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidRequestException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        WebhookRepository.Delivery after = null;
        if (startingAfter != null) {
            after = repository
                    .delivery(merchantId, startingAfter)
                    .filter(d -> d.endpointId().equals(endpointId))
                    .orElseThrow(
                            () -> new InvalidRequestException("starting_after", "is not a delivery of this endpoint"));
        }
        List<WebhookRepository.Delivery> rows = repository.deliveries(
                endpointId, paymentId == null || paymentId.isBlank() ? null : paymentId, after, limit + 1);
        boolean hasMore = rows.size() > limit;
        return new WebhookViews.Page<>(
                rows.stream()
                        .limit(limit)
                        .map(d -> WebhookViews.DeliveryView.of(d, null, null))
                        .toList(),
                hasMore);
    }

    WebhookViews.DeliveryView delivery(String merchantId, String deliveryId) {
        WebhookRepository.Delivery delivery =
                repository.delivery(merchantId, deliveryId).orElseThrow(() -> deliveryNotFound(deliveryId));
        JsonNode event = repository.deliveryBody(deliveryId).map(json::readTree).orElse(null);
        return WebhookViews.DeliveryView.of(
                delivery,
                event,
                repository.attempts(deliveryId).stream()
                        .map(WebhookViews.AttemptView::of)
                        .toList());
    }

    @Transactional
    public WebhookViews.DeliveryView resend(String merchantId, String deliveryId) {
        repository.delivery(merchantId, deliveryId).orElseThrow(() -> deliveryNotFound(deliveryId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        repository.resend(deliveryId, now, now.plus(properties.retryFor()));
        return delivery(merchantId, deliveryId);
    }

    private WebhookRepository.Endpoint endpoint(String merchantId, String endpointId) {
        return repository
                .enabledEndpoint(merchantId, endpointId)
                .orElseThrow(() -> new ApiProblemException(Problems.of(
                        HttpStatus.NOT_FOUND,
                        "webhook-endpoint-not-found",
                        "Webhook endpoint not found",
                        "no webhook endpoint " + endpointId + " of this merchant")));
    }

    private static ApiProblemException deliveryNotFound(String deliveryId) {
        return new ApiProblemException(Problems.of(
                HttpStatus.NOT_FOUND,
                "webhook-delivery-not-found",
                "Webhook delivery not found",
                "no webhook delivery " + deliveryId + " of this merchant"));
    }
}

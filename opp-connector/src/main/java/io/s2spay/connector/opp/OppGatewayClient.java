package io.s2spay.connector.opp;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Client of OPP's server-to-server API for every merchant account configured in {@link OppProperties}: initial
 * payments, back-office operations, status checks, the query endpoint, registrations.
 *
 * <p>Thread-safe and blocking (callers run it on virtual threads). It never throws for a gateway answer or a
 * transport failure: every call returns an {@link OppTransaction} whose {@link OppOutcome} keeps DECLINED and
 * FAILED (final) apart from UNKNOWN (timeout, reset, lost response, 5xx, uncertain 900.x code). An UNKNOWN attempt
 * must be resolved with {@link #resolve(String, String)} before anything is sent again; the {@code *Safely}
 * methods do that themselves. A Resilience4j circuit breaker stops calls to a gateway that keeps failing.
 */
public final class OppGatewayClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OppGatewayClient.class);

    /** Name of the circuit breaker (and of its metrics when registered in a Resilience4j registry). */
    public static final String CIRCUIT_BREAKER_NAME = "opp-gateway";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern RESOURCE_PATH = Pattern.compile("/?v1/payments/([A-Za-z0-9._-]{1,64})");

    private final OppProperties properties;
    private final URI baseUri;
    private final ExecutorService executor;
    private final HttpClient http;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Consumer<HttpRequest.Builder> requestCustomizer;

    /** A client with a circuit breaker built from {@code properties}. */
    public OppGatewayClient(OppProperties properties) {
        this(properties, circuitBreaker(properties.circuitBreaker()), builder -> {});
    }

    /**
     * A client using the given circuit breaker (e.g. one from the application's Resilience4j registry) and a hook
     * that may add headers to every request (tracing, or a sandbox's fault-injection header in tests).
     */
    public OppGatewayClient(
            OppProperties properties, CircuitBreaker circuitBreaker, Consumer<HttpRequest.Builder> requestCustomizer) {
        this.properties = Objects.requireNonNull(properties);
        this.baseUri = URI.create(properties.baseUrl());
        this.circuitBreaker = Objects.requireNonNull(circuitBreaker);
        this.requestCustomizer = Objects.requireNonNull(requestCustomizer);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        // bounds the whole exchange, body included; HttpRequest.timeout only bounds the wait for the headers
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.connectTimeout().plus(properties.readTimeout()))
                .cancelRunningFuture(true)
                .build());
    }

    /**
     * The circuit-breaker settings the connector uses by default: transport failures, timeouts and HTTP 5xx
     * answers count as failures; gateway answers (declines, validation errors) never do.
     */
    public static CircuitBreakerConfig circuitBreakerConfig(OppProperties.CircuitBreaker settings) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordExceptions(IOException.class, TimeoutException.class)
                .recordResult(result -> result instanceof HttpResponse<?> response && response.statusCode() >= 500)
                .build();
    }

    private static CircuitBreaker circuitBreaker(OppProperties.CircuitBreaker settings) {
        return CircuitBreaker.of(CIRCUIT_BREAKER_NAME, circuitBreakerConfig(settings));
    }

    /** The circuit breaker guarding the gateway (for metrics and health). */
    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** The configuration this client runs with. */
    public OppProperties properties() {
        return properties;
    }

    /**
     * The longest a {@link #submit} can take with these settings: every call running into its timeout, every
     * resolution using all its queries and backoff, every allowed resend made.
     */
    public Duration longestSubmission() {
        return OppDeadlines.longestSubmission(properties);
    }

    /** The longest a {@link #resolveWithRetries} can take with these settings: every query running into its timeout. */
    public Duration longestResolution() {
        return OppDeadlines.longestResolution(properties);
    }

    // ---------------------------------------------------------------------------------------------- payments

    /** Sends an initial payment (PA or DB, on card data or a redirect brand) to {@code POST /v1/payments}. */
    public OppTransaction submitPayment(String merchantId, OppPaymentRequest request) {
        OppProperties.Account account = properties.account(merchantId);
        OppForm form = OppForm.payment(account.entityId(), request);
        OppTransaction result =
                post(merchantId, account, "v1/payments", form, request.merchantTransactionId(), describe(request));
        return unlessDuplicate(merchantId, request.paymentType(), result);
    }

    /**
     * Sends a payment on stored card data to {@code POST /v1/registrations/{registrationId}/payments}; the request's
     * card, if any, is ignored.
     */
    public OppTransaction submitRegistrationPayment(
            String merchantId, String registrationId, OppPaymentRequest request) {
        OppProperties.Account account = properties.account(merchantId);
        OppForm form = OppForm.registrationPayment(account.entityId(), request);
        OppTransaction result = post(
                merchantId,
                account,
                "v1/registrations/" + id(registrationId, "registrationId") + "/payments",
                form,
                request.merchantTransactionId(),
                describe(request) + " registration=" + registrationId);
        return unlessDuplicate(merchantId, request.paymentType(), result);
    }

    /** Sends a back-office operation (CP RV RF RB CB CR RC) on {@code gatewayPaymentId} to {@code POST /v1/payments/{id}}. */
    public OppTransaction submitBackOffice(String merchantId, String gatewayPaymentId, OppBackOfficeRequest request) {
        OppProperties.Account account = properties.account(merchantId);
        OppForm form = OppForm.backOffice(account.entityId(), request);
        OppTransaction result = post(
                merchantId,
                account,
                "v1/payments/" + id(gatewayPaymentId, "gatewayPaymentId"),
                form,
                request.merchantTransactionId(),
                request.paymentType() + " "
                        + (request.amountMinor() == null
                                ? "(whole amount)"
                                : request.amountMinor() + " " + request.currency())
                        + " on " + gatewayPaymentId + " mtid=" + request.merchantTransactionId());
        return unlessDuplicate(merchantId, request.paymentType(), result);
    }

    /**
     * A refusal as a duplicate says nothing about the payment: another request with the same merchantTransactionId
     * (a first attempt whose answer was lost, a redelivered command) holds the real outcome, so that one is returned
     * ({@link OppOutcome#UNKNOWN} when it cannot be asked for). A refusal stands when no other transaction exists.
     */
    private OppTransaction unlessDuplicate(String merchantId, OppPaymentType type, OppTransaction result) {
        if (!OppResultCodes.isPossibleDuplicateRefusal(result.resultCode())) {
            return result;
        }
        OppTransaction held = resolve(merchantId, result.merchantTransactionId(), type);
        if (held.outcome() == OppOutcome.UNKNOWN) {
            return held;
        }
        boolean other = held.gatewayTransactionId() != null
                && !held.gatewayTransactionId().equals(result.gatewayTransactionId());
        if (other) {
            log.info(
                    "OPP refused mtid={} as a duplicate ({}); the transaction held under it is {} ({})",
                    result.merchantTransactionId(),
                    result.resultCode(),
                    held.gatewayTransactionId(),
                    held.outcome());
            return held;
        }
        return result;
    }

    /**
     * Deletes stored card data ({@code DELETE /v1/registrations/{id}}) and returns the gateway's confirmation; throws
     * {@link OppGatewayException} carrying the gateway's answer (or why there was none) when it does not confirm it.
     */
    public OppTransaction deleteRegistration(String merchantId, String registrationId) {
        OppProperties.Account account = properties.account(merchantId);
        URI uri = uri("v1/registrations/" + id(registrationId, "registrationId"), account.entityId(), null);
        Exchange exchange = exchange(
                HttpRequest.newBuilder(uri).DELETE(),
                account,
                "DELETE registration " + registrationId + " merchant=" + merchantId);
        OppTransaction result = exchange.toSubmissionResult(null);
        if (result.outcome() != OppOutcome.SUCCEEDED) {
            throw new OppGatewayException("registration " + registrationId + " was not deleted", result);
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------- status

    /**
     * The status of a payment through {@code GET /v1/payments/{id}}: OPP allows two such requests per minute per
     * transaction (the answer is then UNKNOWN with category {@link ResultCategory#RATE_LIMITED}); prefer the
     * query methods for polling. Accepts the {@code resourcePath} from the shopper's return to
     * {@code shopperResultUrl} ({@code /v1/payments/{id}}) or the bare id; anything else is refused, so a
     * shopper-supplied value cannot point the client elsewhere.
     */
    public OppTransaction paymentStatus(String merchantId, String resourcePathOrId) {
        String paymentId = paymentIdOf(resourcePathOrId);
        OppProperties.Account account = properties.account(merchantId);
        return get(account, "v1/payments/" + paymentId, null, "GET status " + paymentId + " merchant=" + merchantId)
                .toStatusResult(paymentId);
    }

    /** The transaction with gateway id {@code gatewayPaymentId} through the unlimited query endpoint. */
    public OppTransaction queryById(String merchantId, String gatewayPaymentId) {
        OppProperties.Account account = properties.account(merchantId);
        String id = id(gatewayPaymentId, "gatewayPaymentId");
        return get(account, "v1/query/" + id, null, "GET query " + id + " merchant=" + merchantId)
                .toStatusResult(id);
    }

    /**
     * Every transaction the gateway holds under {@code merchantTransactionId} (the unlimited query endpoint);
     * empty when it holds none. Throws {@link OppGatewayException} when the gateway could not be asked.
     */
    public List<OppTransaction> queryAllByMerchantTransactionId(String merchantId, String merchantTransactionId) {
        QueryAnswer answer = query(merchantId, merchantTransactionId);
        if (answer.unanswered() != null) {
            throw new OppGatewayException(
                    "query by merchantTransactionId " + merchantTransactionId + " failed", answer.unanswered());
        }
        return answer.held();
    }

    /**
     * The transaction the gateway holds under {@code merchantTransactionId}, through the unlimited query endpoint:
     * see {@link #resolve(String, String)} for how the answer is represented.
     */
    public OppTransaction queryByMerchantTransactionId(String merchantId, String merchantTransactionId) {
        return resolve(merchantId, merchantTransactionId);
    }

    /**
     * The real outcome of an attempt sent with {@code merchantTransactionId}, asked from the unlimited query
     * endpoint. Returns:
     * <ul>
     *   <li>the gateway's transaction when it holds one (the initial PA/DB when the id was used for several, and
     *       among several attempts the one where money moved, e.g. the original rather than a blocked duplicate);
     *   <li>{@link OppOutcome#FAILED} with category {@link ResultCategory#NOT_RECEIVED} when the gateway holds no
     *       transaction under this id: it never received the request, and it may be sent again with the same
     *       merchantTransactionId ({@link OppTransaction#safeToResend()});
     *   <li>{@link OppOutcome#UNKNOWN} when the gateway could not be asked (timeout, 5xx, circuit open...) or still
     *       reports an uncertain result: ask again later, send nothing.
     * </ul>
     */
    public OppTransaction resolve(String merchantId, String merchantTransactionId) {
        return resolve(merchantId, merchantTransactionId, null, query(merchantId, merchantTransactionId));
    }

    /** Like {@link #resolve(String, String)}, but only transactions of {@code paymentType} are considered. */
    public OppTransaction resolve(String merchantId, String merchantTransactionId, OppPaymentType paymentType) {
        return resolve(
                merchantId,
                merchantTransactionId,
                Objects.requireNonNull(paymentType),
                query(merchantId, merchantTransactionId));
    }

    private static OppTransaction resolve(
            String merchantId, String merchantTransactionId, OppPaymentType type, QueryAnswer answer) {
        if (answer.unanswered() != null) {
            return answer.unanswered();
        }
        List<OppTransaction> candidates = answer.held();
        if (type != null) {
            candidates = candidates.stream().filter(t -> t.type() == type).toList();
        } else if (candidates.stream()
                .anyMatch(t -> t.type() != null && t.type().isInitial())) {
            candidates = candidates.stream()
                    .filter(t -> t.type() != null && t.type().isInitial())
                    .toList();
        }
        if (candidates.isEmpty()) {
            return OppTransaction.notReceived(merchantTransactionId, answer.resultCode(), answer.resultDescription());
        }
        return OppResponses.mostSignificant(candidates);
    }

    private QueryAnswer query(String merchantId, String merchantTransactionId) {
        if (merchantTransactionId == null || merchantTransactionId.isBlank()) {
            throw new IllegalArgumentException("merchantTransactionId is required");
        }
        OppProperties.Account account = properties.account(merchantId);
        return get(
                        account,
                        "v1/query",
                        merchantTransactionId,
                        "GET query mtid=" + merchantTransactionId + " merchant=" + merchantId)
                .toQueryAnswer(merchantTransactionId);
    }

    /**
     * The query endpoint's answer for one merchantTransactionId: the transactions held under it (possibly none), or
     * an UNKNOWN transaction saying why the gateway could not be asked.
     */
    private record QueryAnswer(
            List<OppTransaction> held, OppTransaction unanswered, String resultCode, String resultDescription) {}

    // ---------------------------------------------------------------------------------------------- safe submission

    /**
     * Sends an initial payment once and, when its outcome is UNKNOWN, resolves it through the query endpoint
     * (bounded retries with exponential backoff) before anything is sent again; resends with the same
     * merchantTransactionId only when the gateway provably never received it. The result is UNKNOWN only when
     * the gateway stayed unreachable or uncertain through every query.
     *
     * <p>Resending relies on OPP's duplicate check of merchantTransactionId (enabled on the channel), which rejects
     * the second of two requests when the first one arrives late.
     */
    public OppTransaction submitPaymentSafely(String merchantId, OppPaymentRequest request) {
        return submitSafely(
                merchantId,
                request.merchantTransactionId(),
                request.paymentType(),
                () -> submitPayment(merchantId, request));
    }

    /** {@link #submitRegistrationPayment} with the resolution of {@link #submitPaymentSafely}. */
    public OppTransaction submitRegistrationPaymentSafely(
            String merchantId, String registrationId, OppPaymentRequest request) {
        return submitSafely(
                merchantId,
                request.merchantTransactionId(),
                request.paymentType(),
                () -> submitRegistrationPayment(merchantId, registrationId, request));
    }

    /** {@link #submitBackOffice} with the resolution of {@link #submitPaymentSafely}. */
    public OppTransaction submitBackOfficeSafely(
            String merchantId, String gatewayPaymentId, OppBackOfficeRequest request) {
        return submitSafely(
                merchantId,
                request.merchantTransactionId(),
                request.paymentType(),
                () -> submitBackOffice(merchantId, gatewayPaymentId, request));
    }

    private OppTransaction submitSafely(
            String merchantId, String merchantTransactionId, OppPaymentType type, Supplier<OppTransaction> send) {
        OppProperties.Resolution settings = properties.resolution();
        OppTransaction result = send.get();
        int resends = 0;
        while (result.outcome() == OppOutcome.UNKNOWN) {
            log.warn(
                    "OPP outcome of mtid={} is unknown ({}{}); resolving through the query endpoint",
                    merchantTransactionId,
                    result.category(),
                    result.failureReason() == null ? "" : ": " + result.failureReason());
            pause(settings.initialBackoff());
            OppTransaction resolved = resolveWithRetries(merchantId, merchantTransactionId, type);
            if (resolved.category() != ResultCategory.NOT_RECEIVED || resends >= settings.maxResends()) {
                return resolved;
            }
            resends++;
            log.info(
                    "OPP never received mtid={}; sending it again (resend {} of {})",
                    merchantTransactionId,
                    resends,
                    settings.maxResends());
            // should the first attempt arrive late after all, the gateway refuses this one as a duplicate and
            // the submission returns the first one's outcome instead (see unlessDuplicate)
            result = send.get();
            if (result.category() == ResultCategory.NOT_SENT) {
                // this resend never left, but the earlier send's fate is still open: not "nothing reached the gateway"
                return OppTransaction.unknown(
                        ResultCategory.NO_RESPONSE,
                        merchantTransactionId,
                        "an earlier send got" + " no usable answer and the resend was not sent ("
                                + result.failureReason() + ")");
            }
        }
        return result;
    }

    /**
     * {@link #resolve(String, String, OppPaymentType)} asked again with the resolution settings' bounded exponential
     * backoff ({@code s2spay.opp.resolution.*}) while the outcome stays {@link OppOutcome#UNKNOWN}; the last answer
     * otherwise. Sends nothing.
     */
    public OppTransaction resolveWithRetries(String merchantId, String merchantTransactionId, OppPaymentType type) {
        OppProperties.Resolution settings = properties.resolution();
        Retry retry = Retry.of(
                "opp-resolve",
                RetryConfig.<OppTransaction>custom()
                        .maxAttempts(settings.maxQueries())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(
                                settings.initialBackoff().isZero() ? Duration.ofMillis(1) : settings.initialBackoff(),
                                settings.backoffMultiplier()))
                        .retryOnResult(transaction -> transaction.outcome() == OppOutcome.UNKNOWN)
                        .failAfterMaxAttempts(false)
                        .build());
        return retry.executeSupplier(() -> resolve(merchantId, merchantTransactionId, type));
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private OppTransaction post(
            String merchantId,
            OppProperties.Account account,
            String path,
            OppForm form,
            String merchantTransactionId,
            String description) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path, null, null))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.encode(), StandardCharsets.UTF_8));
        if (log.isDebugEnabled()) {
            log.debug("OPP POST {} {}", path, form);
        }
        return exchange(builder, account, "POST " + description + " merchant=" + merchantId)
                .toSubmissionResult(merchantTransactionId);
    }

    private Exchange get(OppProperties.Account account, String path, String merchantTransactionId, String description) {
        return exchange(
                HttpRequest.newBuilder(uri(path, account.entityId(), merchantTransactionId))
                        .GET(),
                account,
                description);
    }

    private URI uri(String relativePath, String entityId, String merchantTransactionId) {
        StringBuilder uri = new StringBuilder(relativePath);
        if (entityId != null) {
            uri.append("?entityId=").append(URLEncoder.encode(entityId, StandardCharsets.UTF_8));
            if (merchantTransactionId != null) {
                uri.append("&merchantTransactionId=")
                        .append(URLEncoder.encode(merchantTransactionId, StandardCharsets.UTF_8));
            }
        }
        return baseUri.resolve(uri.toString());
    }

    private Exchange exchange(HttpRequest.Builder builder, OppProperties.Account account, String description) {
        builder.timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + account.accessToken())
                .header("Accept", "application/json");
        requestCustomizer.accept(builder);
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        Exchange exchange;
        try {
            HttpResponse<String> response = circuitBreaker.executeCheckedSupplier(() -> send(request));
            exchange = Exchange.answered(response.statusCode(), response.body());
        } catch (CallNotPermittedException e) {
            exchange =
                    Exchange.notSent("circuit breaker " + CIRCUIT_BREAKER_NAME + " is open: the gateway kept failing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange = Exchange.noAnswer("interrupted while waiting for the gateway");
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            exchange = failure(e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        exchange.log(description, millis);
        return exchange;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        CompletableFuture<HttpResponse<String>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return timeLimiter.executeFutureSupplier(() -> future);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Exchange failure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                // the TCP connection was never established, so the request cannot have been sent
                return Exchange.notSent("could not connect to " + baseUri.getAuthority() + ": " + cause);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
                return Exchange.noAnswer("timeout: no complete answer within "
                        + properties.readTimeout().toMillis() + " ms");
            }
        }
        return Exchange.noAnswer("connection failed after the request was sent (" + e + ")");
    }

    private static String describe(OppPaymentRequest request) {
        OppCardData card = request.card();
        return request.paymentType() + " " + request.amountMinor() + " " + request.currency() + " "
                + request.paymentBrand() + " mtid=" + request.merchantTransactionId()
                + (card == null ? "" : " card=" + card.bin() + "..." + card.last4());
    }

    private static String id(String id, String name) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(name + " must be 1..64 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    /** The payment id in a {@code resourcePath} ({@code /v1/payments/{id}}) or a bare id. */
    static String paymentIdOf(String resourcePathOrId) {
        if (resourcePathOrId == null) {
            throw new IllegalArgumentException("resourcePath or payment id is required");
        }
        var matcher = RESOURCE_PATH.matcher(resourcePathOrId);
        if (matcher.matches()) {
            return matcher.group(1);
        }
        if (ID.matcher(resourcePathOrId).matches()) {
            return resourcePathOrId;
        }
        throw new IllegalArgumentException(
                "not an OPP payment resourcePath (/v1/payments/{id}) or id: " + resourcePathOrId);
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }

    /** What one HTTP exchange with the gateway produced: an answer, or why there is none. */
    private record Exchange(int status, String body, ResultCategory failure, String reason) {

        static Exchange answered(int status, String body) {
            return new Exchange(status, body, null, null);
        }

        static Exchange notSent(String reason) {
            return new Exchange(0, null, ResultCategory.NOT_SENT, reason);
        }

        static Exchange noAnswer(String reason) {
            return new Exchange(0, null, ResultCategory.NO_RESPONSE, reason);
        }

        /** For requests that create a transaction: NOT_SENT is safe to resend, everything without an answer is UNKNOWN. */
        OppTransaction toSubmissionResult(String merchantTransactionId) {
            if (failure == ResultCategory.NOT_SENT) {
                return OppTransaction.notSent(merchantTransactionId, reason);
            }
            if (failure != null) {
                return OppTransaction.unknown(failure, merchantTransactionId, reason);
            }
            if (status >= 500) {
                return OppTransaction.unknown(
                        ResultCategory.GATEWAY_HTTP_ERROR,
                        merchantTransactionId,
                        "HTTP " + status + " from the gateway");
            }
            if (status == 429) {
                return OppTransaction.unknown(ResultCategory.RATE_LIMITED, merchantTransactionId, "HTTP 429");
            }
            JsonNode document = OppResponses.parse(body);
            if (document == null || OppResponses.resultCode(document) == null) {
                return OppTransaction.unknown(
                        ResultCategory.UNREADABLE_RESPONSE,
                        merchantTransactionId,
                        "HTTP " + status + " without an OPP result");
            }
            return OppResponses.transaction(document, merchantTransactionId);
        }

        /**
         * For status requests about one transaction: an answer that is not about the transaction (refused request,
         * unknown id, rate limit) tells nothing about the payment, so it is UNKNOWN with the reason.
         */
        OppTransaction toStatusResult(String paymentId) {
            if (failure != null) {
                return OppTransaction.unknown(ResultCategory.NO_RESPONSE, null, reason);
            }
            if (status == 429) {
                JsonNode document = OppResponses.parse(body);
                return OppTransaction.unknown(
                        ResultCategory.RATE_LIMITED,
                        null,
                        "HTTP 429: status of " + paymentId
                                + " asked too often (OPP allows two status requests per minute per transaction)"
                                + (document == null
                                        ? ""
                                        : "; " + OppResponses.resultCode(document) + " "
                                                + OppResponses.resultDescription(document)));
            }
            if (status >= 500) {
                return OppTransaction.unknown(
                        ResultCategory.GATEWAY_HTTP_ERROR, null, "HTTP " + status + " from the gateway");
            }
            JsonNode document = OppResponses.parse(body);
            if (document == null || OppResponses.resultCode(document) == null) {
                return OppTransaction.unknown(
                        ResultCategory.UNREADABLE_RESPONSE, null, "HTTP " + status + " without an OPP result");
            }
            if (status >= 400 || !OppResponses.isTransaction(document)) {
                String code = OppResponses.resultCode(document);
                return new OppTransaction(
                        OppOutcome.UNKNOWN,
                        OppResultCodes.classify(code),
                        null,
                        null,
                        code,
                        OppResponses.resultDescription(document),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "HTTP " + status + ": the status request for " + paymentId + " was refused");
            }
            return OppResponses.transaction(document, null);
        }

        /** For the query by merchantTransactionId: what the gateway holds under the id, or why it could not be asked. */
        QueryAnswer toQueryAnswer(String merchantTransactionId) {
            if (failure != null) {
                return unanswered(OppTransaction.unknown(ResultCategory.NO_RESPONSE, merchantTransactionId, reason));
            }
            if (status == 429 || status >= 500) {
                return unanswered(OppTransaction.unknown(
                        status == 429 ? ResultCategory.RATE_LIMITED : ResultCategory.GATEWAY_HTTP_ERROR,
                        merchantTransactionId,
                        "HTTP " + status + " from the gateway"));
            }
            JsonNode document = OppResponses.parse(body);
            if (document == null || OppResponses.resultCode(document) == null) {
                return unanswered(OppTransaction.unknown(
                        ResultCategory.UNREADABLE_RESPONSE,
                        merchantTransactionId,
                        "HTTP " + status + " without an OPP result"));
            }
            String code = OppResponses.resultCode(document);
            String description = OppResponses.resultDescription(document);
            List<OppTransaction> held = OppResponses.transactions(document, merchantTransactionId).stream()
                    .filter(t -> merchantTransactionId.equals(t.merchantTransactionId()))
                    .toList();
            boolean answered = !held.isEmpty()
                    || OppResultCodes.TRANSACTION_NOT_FOUND.equals(code)
                    || (status == 200
                            && OppResultCodes.isSuccessful(code)
                            && document.path("payments").isArray());
            if (!answered) {
                return unanswered(new OppTransaction(
                        OppOutcome.UNKNOWN,
                        OppResultCodes.classify(code),
                        null,
                        null,
                        code,
                        description,
                        null,
                        null,
                        merchantTransactionId,
                        null,
                        null,
                        null,
                        null,
                        "HTTP " + status + ": the query was refused"));
            }
            return new QueryAnswer(held, null, code, description);
        }

        private static QueryAnswer unanswered(OppTransaction transaction) {
            return new QueryAnswer(List.of(), transaction, null, null);
        }

        void log(String description, long millis) {
            if (failure != null) {
                log.warn("OPP {} -> no answer after {} ms: {} ({})", description, millis, failure, reason);
            } else {
                JsonNode document = status >= 500 ? null : OppResponses.parse(body);
                String code = document == null ? null : OppResponses.resultCode(document);
                if (status >= 500) {
                    log.warn("OPP {} -> HTTP {} after {} ms", description, status, millis);
                } else {
                    log.info(
                            "OPP {} -> HTTP {} {} {} in {} ms",
                            description,
                            status,
                            code,
                            document == null ? "" : OppResponses.resultDescription(document),
                            millis);
                }
            }
        }
    }
}

package io.s2spay.connector.opp;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.s2spay.connector.support.CircuitBreakerSettings;
import io.s2spay.gateway.CardData;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of OPP's server-to-server API for every merchant account configured in {@link OppProperties}: initial
 * payments, back-office operations, status checks, the query endpoint, registrations.
 *
 * <p>Thread-safe and blocking (callers run it on virtual threads). It never throws for a gateway answer or a
 * transport failure: every call returns an {@link OppTransaction} whose {@link OppOutcome} keeps DECLINED and
 * FAILED (final) apart from UNKNOWN (timeout, reset, lost response, 5xx, uncertain 900.x code). An UNKNOWN attempt
 * must be resolved with {@link #resolve(String, String)} before anything is sent again; the {@code *Safely}
 * methods do that themselves. A Resilience4j circuit breaker stops calls to a gateway that keeps failing.
 *
 * <p>Its jobs are apart: {@link OppTransport} (HTTP, timeouts, circuit breaker), this class (building each
 * transaction's request), {@link OppResolution} (status, query, resolving an uncertain outcome) and
 * {@link OppSafeSubmission} (sending at most once).
 */
public final class OppGatewayClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OppGatewayClient.class);

    /** Name of the circuit breaker (and of its metrics when registered in a Resilience4j registry). */
    public static final String CIRCUIT_BREAKER_NAME = "opp-gateway";

    private final OppProperties properties;
    private final OppTransport transport;
    private final OppResolution resolution;
    private final OppSafeSubmission safeSubmission;

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
        this.transport = new OppTransport(properties, circuitBreaker, requestCustomizer);
        this.resolution = new OppResolution(properties, transport);
        this.safeSubmission = new OppSafeSubmission(properties, resolution);
    }

    /**
     * The circuit-breaker settings the connector uses by default: transport failures, timeouts and HTTP 5xx
     * answers count as failures; gateway answers (declines, validation errors) never do.
     */
    public static CircuitBreakerConfig circuitBreakerConfig(CircuitBreakerSettings settings) {
        return settings.config();
    }

    private static CircuitBreaker circuitBreaker(CircuitBreakerSettings settings) {
        return settings.circuitBreaker(CIRCUIT_BREAKER_NAME);
    }

    /** The circuit breaker guarding the gateway (for metrics and health). */
    public CircuitBreaker circuitBreaker() {
        return transport.circuitBreaker();
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
                "v1/registrations/" + OppIds.checked(registrationId, "registrationId") + "/payments",
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
                "v1/payments/" + OppIds.checked(gatewayPaymentId, "gatewayPaymentId"),
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
        OppTransaction held = resolution.resolve(merchantId, result.merchantTransactionId(), type);
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
        OppTransaction result = transport
                .delete(
                        account,
                        "v1/registrations/" + OppIds.checked(registrationId, "registrationId"),
                        "DELETE registration " + registrationId + " merchant=" + merchantId)
                .toSubmissionResult(null);
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
        return resolution.paymentStatus(merchantId, resourcePathOrId);
    }

    /** The transaction with gateway id {@code gatewayPaymentId} through the unlimited query endpoint. */
    public OppTransaction queryById(String merchantId, String gatewayPaymentId) {
        return resolution.queryById(merchantId, gatewayPaymentId);
    }

    /**
     * Every transaction the gateway holds under {@code merchantTransactionId} (the unlimited query endpoint);
     * empty when it holds none. Throws {@link OppGatewayException} when the gateway could not be asked.
     */
    public List<OppTransaction> queryAllByMerchantTransactionId(String merchantId, String merchantTransactionId) {
        return resolution.queryAllByMerchantTransactionId(merchantId, merchantTransactionId);
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
        return resolution.resolve(merchantId, merchantTransactionId, null);
    }

    /** Like {@link #resolve(String, String)}, but only transactions of {@code paymentType} are considered. */
    public OppTransaction resolve(String merchantId, String merchantTransactionId, OppPaymentType paymentType) {
        return resolution.resolve(merchantId, merchantTransactionId, Objects.requireNonNull(paymentType));
    }

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
        return safeSubmission.submit(
                merchantId,
                request.merchantTransactionId(),
                request.paymentType(),
                () -> submitPayment(merchantId, request));
    }

    /** {@link #submitRegistrationPayment} with the resolution of {@link #submitPaymentSafely}. */
    public OppTransaction submitRegistrationPaymentSafely(
            String merchantId, String registrationId, OppPaymentRequest request) {
        return safeSubmission.submit(
                merchantId,
                request.merchantTransactionId(),
                request.paymentType(),
                () -> submitRegistrationPayment(merchantId, registrationId, request));
    }

    /** {@link #submitBackOffice} with the resolution of {@link #submitPaymentSafely}. */
    public OppTransaction submitBackOfficeSafely(
            String merchantId, String gatewayPaymentId, OppBackOfficeRequest request) {
        return safeSubmission.submit(
                merchantId,
                request.merchantTransactionId(),
                request.paymentType(),
                () -> submitBackOffice(merchantId, gatewayPaymentId, request));
    }

    /**
     * {@link #resolve(String, String, OppPaymentType)} asked again with the resolution settings' bounded exponential
     * backoff ({@code s2spay.opp.resolution.*}) while the outcome stays {@link OppOutcome#UNKNOWN}; the last answer
     * otherwise. Sends nothing.
     */
    public OppTransaction resolveWithRetries(String merchantId, String merchantTransactionId, OppPaymentType type) {
        return resolution.resolveWithRetries(merchantId, merchantTransactionId, type);
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private OppTransaction post(
            String merchantId,
            OppProperties.Account account,
            String path,
            OppForm form,
            String merchantTransactionId,
            String description) {
        return transport
                .post(account, path, form, description + " merchant=" + merchantId)
                .toSubmissionResult(merchantTransactionId);
    }

    private static String describe(OppPaymentRequest request) {
        CardData card = request.card();
        return request.paymentType() + " " + request.amountMinor() + " " + request.currency() + " "
                + request.paymentBrand() + " mtid=" + request.merchantTransactionId()
                + (card == null ? "" : " card=" + card.bin() + "..." + card.last4());
    }

    /** The payment id in a {@code resourcePath} ({@code /v1/payments/{id}}) or a bare id. */
    static String paymentIdOf(String resourcePathOrId) {
        return OppIds.paymentIdOf(resourcePathOrId);
    }

    @Override
    public void close() {
        transport.close();
    }
}

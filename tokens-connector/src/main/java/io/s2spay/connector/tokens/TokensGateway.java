package io.s2spay.connector.tokens;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayCapabilities;
import io.s2spay.gateway.GatewayDeadlines;
import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.gateway.NotificationMessage;
import io.s2spay.gateway.ResultClassification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The tokens API (seed 004) behind s2spay's {@link GatewayPort}. Card data is tokenized by the connector itself with
 * the account's publishable key and paid with the token and the secret key; every payment and refund carries
 * s2spay's merchantTransactionId as its {@code reference}, which the API keeps unique and finds again, so an answer
 * lost is resolved by reference before anything is sent again, and a resend can never charge twice.
 */
public final class TokensGateway implements GatewayPort, AutoCloseable {

    /** The gateway family's name in logs, metrics and events. */
    public static final String NAME = "tokens";

    /** Sales (DB) and refunds (RF) of card payments; saved cards; 3-D Secure. No authorization/capture in seed 004. */
    static final GatewayCapabilities CAPABILITIES = new GatewayCapabilities(
            EnumSet.of(TransactionType.DB, TransactionType.RF),
            Set.of("VISA", "MASTER", "AMEX", "DISCOVER", "JCB", "DINERS"),
            true,
            true);

    /** Tokenizing charges nothing, so a token request without an answer is simply asked again, this many times. */
    static final int TOKEN_ATTEMPTS = 3;

    private static final Pattern ID = Pattern.compile("(pay|re|pm)_[A-Za-z0-9]{1,64}");

    private final TokensProperties properties;
    private final TokensTransport transport;
    private final TokensNotifications notifications;

    public TokensGateway(TokensProperties properties) {
        this(properties, properties.circuitBreaker().circuitBreaker(TokensTransport.CIRCUIT_BREAKER_NAME));
    }

    public TokensGateway(TokensProperties properties, CircuitBreaker circuitBreaker) {
        this.properties = properties;
        this.transport = new TokensTransport(properties, circuitBreaker);
        this.notifications = new TokensNotifications(properties);
    }

    public TokensProperties properties() {
        return properties;
    }

    public CircuitBreaker circuitBreaker() {
        return transport.circuitBreaker();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean hasAccount(String accountId) {
        return accountId != null && properties.accounts().containsKey(accountId);
    }

    @Override
    public GatewayCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public GatewayDeadlines deadlines() {
        return new GatewayDeadlines(
                TokensDeadlines.longestSubmission(properties),
                TokensDeadlines.longestResolution(properties),
                TokensDeadlines.call(properties));
    }

    @Override
    public GatewayTransaction submitInitial(String accountId, InitialPaymentRequest request) {
        TokensProperties.Account account = properties.account(accountId);
        if (!CAPABILITIES.supports(request.type())) {
            throw new IllegalArgumentException("the tokens API has sales (DB) only, not " + request.type());
        }
        if (request.paymentBrand() != null && !CAPABILITIES.accepts(request.paymentBrand())) {
            throw new IllegalArgumentException("the tokens API does not accept the brand " + request.paymentBrand());
        }
        if (request.storedCardId() == null && request.card() == null) {
            throw new IllegalArgumentException("a tokens API payment needs card data or a stored card");
        }
        if (request.storedCardId() != null) {
            requireId("pm", request.storedCardId());
        }
        String reference = request.merchantTransactionId();
        boolean sentBefore = false;
        GatewayTransaction last = null;
        for (int attempt = 0; attempt <= properties.resolution().maxResends(); attempt++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amount", request.amountMinor());
            body.put("currency", request.currency().toLowerCase(Locale.ROOT));
            body.put("reference", reference);
            if (request.descriptor() != null) {
                body.put("description", request.descriptor());
            }
            if (request.storedCardId() != null) {
                TokensExchange method =
                        transport.get(account.secretKey(), "v1/payment_methods/" + request.storedCardId());
                if (!method.usable()) {
                    return nothingSent(
                            sentBefore, method, TransactionType.DB, reference, "the stored card could not be read");
                }
                if (method.status() != 200) {
                    return sentBefore ? last : TokensAnswers.refused(method, TransactionType.DB, reference);
                }
                body.put("payment_method_id", request.storedCardId());
                body.put("customer_id", method.body().path("customer_id").asString(null));
                body.put("off_session", true);
            } else {
                TokensExchange token = tokenize(account, request.card());
                if (!token.usable()) {
                    return nothingSent(
                            sentBefore, token, TransactionType.DB, reference, "the card could not be tokenized");
                }
                if (token.status() != 200) {
                    // the API refused the card data itself: final, nothing charged
                    return TokensAnswers.refused(token, TransactionType.DB, reference);
                }
                body.put("token", token.body().path("id").asString());
                if (request.shopperResultUrl() != null) {
                    body.put("return_url", request.shopperResultUrl());
                }
                if (request.storeCard()) {
                    body.put("save_card", true);
                    body.put("customer_id", customerId(reference));
                }
            }
            TokensExchange answer = transport.post(account.secretKey(), "v1/payments", body);
            if (answer.kind() == TokensExchange.Kind.NOT_SENT) {
                return nothingSent(sentBefore, answer, TransactionType.DB, reference, "the payment was not sent");
            }
            sentBefore = true;
            last = paymentAnswer(account, answer, reference);
            if (last.outcome() != GatewayOutcome.UNKNOWN) {
                return last;
            }
            last = resolveWithRetries(account, reference, TransactionType.DB, last);
            if (!last.safeToResend()) {
                return last;
            }
            // the API provably holds no payment under the reference: pay again, with a new token
        }
        return last;
    }

    @Override
    public GatewayTransaction submitFollowUp(String accountId, FollowUpRequest request) {
        TokensProperties.Account account = properties.account(accountId);
        if (!CAPABILITIES.supports(request.type())) {
            throw new IllegalArgumentException("the tokens API has refunds (RF) only, not " + request.type());
        }
        requireId("pay", request.gatewayPaymentId());
        String reference = request.merchantTransactionId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payment_id", request.gatewayPaymentId());
        body.put("amount", request.amountMinor());
        body.put("reference", reference);
        boolean sentBefore = false;
        GatewayTransaction last = null;
        for (int attempt = 0; attempt <= properties.resolution().maxResends(); attempt++) {
            TokensExchange answer = transport.post(account.secretKey(), "v1/refunds", body);
            if (answer.kind() == TokensExchange.Kind.NOT_SENT) {
                return nothingSent(sentBefore, answer, TransactionType.RF, reference, "the refund was not sent");
            }
            sentBefore = true;
            last = refundAnswer(account, answer, reference);
            if (last.outcome() != GatewayOutcome.UNKNOWN) {
                return last;
            }
            last = resolveWithRetries(account, reference, TransactionType.RF, last);
            if (!last.safeToResend()) {
                return last;
            }
        }
        return last;
    }

    @Override
    public GatewayTransaction resolve(String accountId, String merchantTransactionId, TransactionType type) {
        TokensProperties.Account account = properties.account(accountId);
        return resolveWithRetries(account, merchantTransactionId, type, null);
    }

    @Override
    public GatewayTransaction find(String accountId, String merchantTransactionId, TransactionType type) {
        TokensProperties.Account account = properties.account(accountId);
        return findOnce(account, merchantTransactionId, type);
    }

    @Override
    public GatewayTransaction lookUp(String accountId, String gatewayTransactionId) {
        TokensProperties.Account account = properties.account(accountId);
        boolean refund = gatewayTransactionId != null && gatewayTransactionId.startsWith("re_");
        requireId(refund ? "re" : "pay", gatewayTransactionId);
        TransactionType type = refund ? TransactionType.RF : TransactionType.DB;
        TokensExchange answer =
                transport.get(account.secretKey(), (refund ? "v1/refunds/" : "v1/payments/") + gatewayTransactionId);
        if (answer.kind() == TokensExchange.Kind.NOT_SENT) {
            return TokensAnswers.notSent(answer.reason(), type, null);
        }
        if (!answer.usable()) {
            return TokensAnswers.noAnswer(answer, type, null);
        }
        if (answer.status() == 404) {
            return TokensAnswers.notReceived("no " + gatewayTransactionId + " at the tokens API", type, null);
        }
        if (answer.status() != 200) {
            return TokensAnswers.refused(answer, type, null);
        }
        return refund ? TokensAnswers.refund(answer.body()) : TokensAnswers.payment(answer.body());
    }

    @Override
    public GatewayTransaction deleteStoredCard(String accountId, String storedCardId) {
        TokensProperties.Account account = properties.account(accountId);
        requireId("pm", storedCardId);
        TokensExchange answer = transport.delete(account.secretKey(), "v1/payment_methods/" + storedCardId);
        if (answer.kind() == TokensExchange.Kind.NOT_SENT) {
            return TokensAnswers.notSent(answer.reason(), null, null);
        }
        if (!answer.usable()) {
            return TokensAnswers.noAnswer(answer, null, null);
        }
        if (answer.status() == 404) {
            return TokensAnswers.notReceived("no stored card " + storedCardId + " at the tokens API", null, null);
        }
        if (answer.status() != 200) {
            return TokensAnswers.refused(answer, null, null);
        }
        return GatewayTransaction.builder(GatewayOutcome.SUCCEEDED, Evidence.ANSWER, "DETACHED")
                .storedCardId(storedCardId)
                .result("detached", null)
                .build();
    }

    @Override
    public GatewayNotification decodeNotification(String accountId, NotificationMessage message) {
        return notifications.decode(properties.account(accountId), message);
    }

    @Override
    public ResultClassification classify(String resultCode) {
        return TokensAnswers.classify(resultCode);
    }

    /** The customer a card is saved for: one per saving payment, named by its reference (the port has no shopper). */
    static String customerId(String merchantTransactionId) {
        return "s2spay-" + merchantTransactionId;
    }

    private TokensExchange tokenize(TokensProperties.Account account, CardData card) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("number", card.number());
        data.put("exp_month", card.expiryMonth());
        data.put("exp_year", card.expiryYear());
        if (card.cvv() != null) {
            data.put("cvc", card.cvv());
        }
        if (card.holder() != null) {
            data.put("name", card.holder());
        }
        TokensExchange answer = null;
        for (int attempt = 0; attempt < TOKEN_ATTEMPTS; attempt++) {
            answer = transport.post(account.publishableKey(), "v1/tokens", Map.of("card", data));
            if (answer.usable() || answer.kind() == TokensExchange.Kind.NOT_SENT) {
                return answer;
            }
        }
        return answer;
    }

    /** A payment's answer: the payment, its failure (400 naming it), a refusal, the payment a 409 names, or UNKNOWN. */
    private GatewayTransaction paymentAnswer(
            TokensProperties.Account account, TokensExchange answer, String reference) {
        if (!answer.usable()) {
            return TokensAnswers.noAnswer(answer, TransactionType.DB, reference);
        }
        if (answer.status() == 200) {
            return TokensAnswers.payment(answer.body());
        }
        if (answer.status() == 409 && "reference_already_used".equals(answer.errorCode())) {
            // a payment under this reference exists already (an earlier send arrived): it is the answer
            return findOnce(account, reference, TransactionType.DB);
        }
        return TokensAnswers.refused(answer, TransactionType.DB, reference);
    }

    private GatewayTransaction refundAnswer(TokensProperties.Account account, TokensExchange answer, String reference) {
        if (!answer.usable()) {
            return TokensAnswers.noAnswer(answer, TransactionType.RF, reference);
        }
        if (answer.status() == 200) {
            return TokensAnswers.refund(answer.body());
        }
        if (answer.status() == 409 && "reference_already_used".equals(answer.errorCode())) {
            return findOnce(account, reference, TransactionType.RF);
        }
        return TokensAnswers.refused(answer, TransactionType.RF, reference);
    }

    /** Asks by reference until the answer is no longer UNKNOWN, with exponential backoff; sends nothing. */
    private GatewayTransaction resolveWithRetries(
            TokensProperties.Account account, String reference, TransactionType type, GatewayTransaction before) {
        ResolutionSettings resolution = properties.resolution();
        long backoff = Math.max(1, resolution.initialBackoff().toMillis());
        GatewayTransaction found = before;
        for (int query = 0; query < resolution.maxQueries(); query++) {
            if (query > 0 || before != null) {
                if (!sleep(backoff)) {
                    break;
                }
                backoff = (long) (backoff * resolution.backoffMultiplier());
            }
            found = findOnce(account, reference, type);
            if (found.outcome() != GatewayOutcome.UNKNOWN && found.evidence() != Evidence.NOT_SENT) {
                return found;
            }
        }
        // still unknown (or the look-up itself was not sent): the payment may have been made
        return found != null && found.evidence() == Evidence.NOT_SENT
                ? found.uncertain("NO_RESPONSE", "the look-up could not be sent: " + found.failureReason(), false)
                : found;
    }

    private GatewayTransaction findOnce(TokensProperties.Account account, String reference, TransactionType type) {
        String query = "?reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8);
        if (type == TransactionType.RF) {
            return findIn(account, "v1/refunds" + query, TransactionType.RF, reference);
        }
        GatewayTransaction payment = findIn(account, "v1/payments" + query, TransactionType.DB, reference);
        if (type == null && payment.evidence() == Evidence.NOT_RECEIVED) {
            return findIn(account, "v1/refunds" + query, TransactionType.RF, reference);
        }
        return payment;
    }

    private GatewayTransaction findIn(
            TokensProperties.Account account, String pathAndQuery, TransactionType type, String reference) {
        TokensExchange answer = transport.get(account.secretKey(), pathAndQuery);
        if (answer.kind() == TokensExchange.Kind.NOT_SENT) {
            return TokensAnswers.notSent(answer.reason(), type, reference);
        }
        if (!answer.usable() || answer.status() != 200) {
            return TokensAnswers.noAnswer(answer, type, reference);
        }
        JsonNode data = answer.body().path("data");
        if (data.isEmpty()) {
            return TokensAnswers.notReceived("nothing under reference " + reference, type, reference);
        }
        return type == TransactionType.RF ? TokensAnswers.refund(data.get(0)) : TokensAnswers.payment(data.get(0));
    }

    /**
     * Nothing was sent this time: FAILED {@code NOT_SENT} when nothing was sent before either, else UNKNOWN (an
     * earlier send without a usable answer may still have charged).
     */
    private static GatewayTransaction nothingSent(
            boolean sentBefore, TokensExchange exchange, TransactionType type, String reference, String what) {
        String reason = what + " (" + exchange.describe() + ")";
        if (sentBefore) {
            return TokensAnswers.noAnswer(exchange, type, reference).toBuilder()
                    .failureReason(reason + " after an earlier send without a usable answer")
                    .build();
        }
        // not sent, or only a token or stored-card read went unanswered: no payment was sent, nothing charged
        return TokensAnswers.notSent(reason, type, reference);
    }

    private static void requireId(String prefix, String id) {
        if (id == null || !ID.matcher(id).matches() || !id.startsWith(prefix + "_")) {
            throw new IllegalArgumentException("not a tokens API " + prefix + "_ id: " + id);
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}

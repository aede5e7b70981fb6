package io.s2spay.sandbox.tokens;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The tokens API's rules: single-use card tokens, payments on a token or a saved card (approved, declined or
 * challenged with 3-D Secure), saving a card, refunds up to the amount paid, and the reference that makes every
 * payment and refund findable and impossible to make twice.
 */
@Service
class TokensPaymentService {

    private final TokensSandboxProperties properties;
    private final TokensStore store;
    private final TokensWebhooks webhooks;
    private final Clock clock;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sandbox-tokens-sweeper").daemon(true).factory());

    TokensPaymentService(TokensSandboxProperties properties, TokensStore store, TokensWebhooks webhooks, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        long every = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::expireAbandoned, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    /** {@code POST /v1/tokens}: checks the card and keeps it, in memory, behind a single-use token. */
    CardToken tokenize(String account, JsonNode body) {
        JsonNode card = body.get("card");
        if (card == null || card.isNull()) {
            throw TokensApiException.missing("card");
        }
        if (!card.isObject()) {
            throw TokensApiException.invalid("invalid_card", "card", "card must be an object.");
        }
        JsonNode numberNode = card.get("number");
        if (numberNode == null || numberNode.isNull()) {
            throw TokensApiException.missing("card[number]");
        }
        String number = numberNode.asString().replace(" ", "");
        if (!number.matches("\\d{12,19}")) {
            throw TokensApiException.invalid(
                    "invalid_number", "card[number]", "The card number is not a valid number.");
        }
        if (!TokensTestCards.luhn(number)) {
            throw TokensApiException.invalid("incorrect_number", "card[number]", "The card number is incorrect.");
        }
        String brand = TokensTestCards.brand(number);
        if (brand == null) {
            throw TokensApiException.invalid(
                    "card_brand_not_supported", "card[number]", "The card's brand is not accepted.");
        }
        int month = TokensRequests.integer(card, "card[exp_month]", "invalid_expiry_month");
        if (month < 1 || month > 12) {
            throw TokensApiException.invalid(
                    "invalid_expiry_month", "card[exp_month]", "The card's expiration month is invalid.");
        }
        int year = TokensRequests.integer(card, "card[exp_year]", "invalid_expiry_year");
        if (year < 2000 || year > 2099) {
            throw TokensApiException.invalid(
                    "invalid_expiry_year", "card[exp_year]", "The card's expiration year must have four digits.");
        }
        if (YearMonth.of(year, month).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw TokensApiException.invalid("expired_card", "card[exp_year]", "The card has expired.");
        }
        JsonNode cvcNode = card.get("cvc");
        if (cvcNode != null && !cvcNode.isNull()) {
            String cvc = cvcNode.asString();
            int digits = "amex".equals(brand) ? 4 : 3;
            if (!cvc.matches("\\d{" + digits + "}")) {
                throw TokensApiException.invalid(
                        "invalid_cvc", "card[cvc]", "The card's security code must be " + digits + " digits.");
            }
        }
        TokensRequests.string(card, "name", 255);
        Instant now = clock.instant();
        CardToken token = new CardToken(
                TokensIds.next("tok"),
                account,
                number,
                new TokensPayment.CardSummary(brand, number.substring(number.length() - 4), month, year),
                now,
                now.plus(properties.tokenLifetime()),
                false);
        store.save(token);
        return token;
    }

    /** {@code POST /v1/payments}: a payment that succeeded or awaits 3-D Secure; a failed one is thrown as HTTP 400. */
    TokensPayment pay(String account, JsonNode body, String baseUrl) {
        long amount = TokensRequests.amount(body, "amount");
        String currency = TokensRequests.currency(body);
        String tokenId = TokensRequests.string(body, "token", 255);
        String paymentMethodId = TokensRequests.string(body, "payment_method_id", 255);
        String reference = TokensRequests.string(body, "reference", 255);
        String description = TokensRequests.string(body, "description", 1000);
        String customerId = TokensRequests.string(body, "customer_id", 255);
        String returnUrl = TokensRequests.url(body, "return_url");
        boolean saveCard = TokensRequests.bool(body, "save_card");
        boolean offSession = TokensRequests.bool(body, "off_session");
        if (tokenId == null && paymentMethodId == null) {
            throw TokensApiException.missing("token");
        }
        if (tokenId != null && paymentMethodId != null) {
            throw TokensApiException.invalid(
                    "parameter_conflict", "payment_method_id", "Pay with either a token or a payment_method_id.");
        }
        if (saveCard && customerId == null) {
            throw TokensApiException.invalid(
                    "parameter_missing", "customer_id", "save_card needs the customer_id the card is saved for.");
        }
        if (saveCard && paymentMethodId != null) {
            throw TokensApiException.invalid("parameter_conflict", "save_card", "The payment method is saved already.");
        }
        if (offSession && paymentMethodId == null) {
            throw TokensApiException.invalid(
                    "parameter_conflict", "off_session", "An off-session payment needs a saved payment_method_id.");
        }
        if (paymentMethodId != null && customerId == null) {
            throw TokensApiException.missing("customer_id");
        }
        synchronized (store.lock()) {
            if (reference != null) {
                Optional<TokensPayment> existing = store.paymentByReference(account, reference);
                if (existing.isPresent()) {
                    throw TokensApiException.conflict(
                            "reference_already_used",
                            "A payment with reference " + reference + " exists already.",
                            "payment_id",
                            existing.get().id());
                }
            }
            Instant now = clock.instant();
            TokensPayment.CardSummary card;
            TokensTestCards.Profile profile;
            CardToken token = null;
            if (tokenId != null) {
                token = store.token(account, tokenId)
                        .orElseThrow(() ->
                                TokensApiException.invalid("resource_missing", "token", "No such token: " + tokenId));
                if (token.used()) {
                    throw TokensApiException.invalid(
                            "token_already_used", "token", "The token " + tokenId + " has been used already.");
                }
                if (!now.isBefore(token.expiresAt())) {
                    throw TokensApiException.invalid("token_expired", "token", "The token " + tokenId + " expired.");
                }
                card = token.card();
                profile = TokensTestCards.profile(token.number());
            } else {
                PaymentMethod method = store.paymentMethod(account, paymentMethodId)
                        .orElseThrow(() -> TokensApiException.invalid(
                                "resource_missing", "payment_method_id", "No such payment method: " + paymentMethodId));
                if (method.detached()) {
                    throw TokensApiException.invalid(
                            "payment_method_detached", "payment_method_id", "The payment method was detached.");
                }
                if (!method.customerId().equals(customerId)) {
                    throw TokensApiException.invalid(
                            "customer_mismatch", "customer_id", "The payment method belongs to another customer.");
                }
                card = method.card();
                profile = method.profile();
            }
            boolean challenge = profile.behaviour() == TokensTestCards.Behaviour.CHALLENGE && !offSession;
            if (challenge && returnUrl == null) {
                throw TokensApiException.invalid(
                        "return_url_required",
                        "return_url",
                        "The card needs 3-D Secure: include return_url to send the customer back to.");
            }
            if (token != null) {
                store.save(token.markUsed());
            }
            String id = TokensIds.next("pay");
            TokensPayment payment = new TokensPayment(
                    id,
                    account,
                    challenge ? TokensPayment.Status.REQUIRES_ACTION : TokensPayment.Status.SUCCEEDED,
                    amount,
                    currency,
                    reference,
                    description,
                    customerId,
                    offSession,
                    saveCard,
                    card,
                    profile,
                    returnUrl,
                    challenge ? baseUrl + "tokens-api/3ds/" + id : null,
                    null,
                    null,
                    null,
                    paymentMethodId,
                    0,
                    now,
                    challenge ? now.plus(properties.actionTimeout()) : null);
            if (challenge) {
                store.save(payment);
                webhooks.paymentChanged(payment);
                return payment;
            }
            return settle(payment, profile);
        }
    }

    /** The shopper's choice on the 3-D Secure page: approve, fail or cancel. */
    Optional<TokensPayment> completeChallenge(String paymentId, String action) {
        synchronized (store.lock()) {
            Optional<TokensPayment> found = store.payment(paymentId);
            if (found.isEmpty() || found.get().status() != TokensPayment.Status.REQUIRES_ACTION) {
                return found;
            }
            TokensPayment payment = found.get();
            return Optional.of(
                    switch (action) {
                        case "approve" -> settle(payment, TokensTestCards.Profile.APPROVE);
                        case "fail" ->
                            fail(payment, "authentication_failed", "The customer failed 3-D Secure authentication.");
                        default ->
                            fail(
                                    payment,
                                    "authentication_canceled",
                                    "The customer canceled 3-D Secure authentication.");
                    });
        }
    }

    /** Fails a 3-D Secure challenge the shopper never finished (now, or when its time is up). */
    Optional<TokensPayment> abandon(String paymentId) {
        synchronized (store.lock()) {
            return store.payment(paymentId)
                    .map(payment -> payment.status() == TokensPayment.Status.REQUIRES_ACTION
                            ? fail(
                                    payment,
                                    "authentication_expired",
                                    "The customer did not complete 3-D Secure in time.")
                            : payment);
        }
    }

    void expireAbandoned() {
        Instant now = clock.instant();
        store.payments().stream()
                .filter(p -> p.status() == TokensPayment.Status.REQUIRES_ACTION
                        && p.actionExpiresAt() != null
                        && !now.isBefore(p.actionExpiresAt()))
                .forEach(p -> abandon(p.id()));
    }

    /** {@code POST /v1/refunds}: all or part of what is left of a succeeded payment. */
    TokensRefund refund(String account, JsonNode body) {
        String paymentId = TokensRequests.requiredString(body, "payment_id");
        Long amount = TokensRequests.optionalAmount(body, "amount");
        String reference = TokensRequests.string(body, "reference", 255);
        synchronized (store.lock()) {
            if (reference != null) {
                Optional<TokensRefund> existing = store.refundByReference(account, reference);
                if (existing.isPresent()) {
                    throw TokensApiException.conflict(
                            "reference_already_used",
                            "A refund with reference " + reference + " exists already.",
                            "refund_id",
                            existing.get().id());
                }
            }
            TokensPayment payment = store.payment(account, paymentId)
                    .orElseThrow(() -> TokensApiException.notFound("payment_id", paymentId));
            if (payment.status() != TokensPayment.Status.SUCCEEDED) {
                throw TokensApiException.invalid(
                        "payment_not_refundable", "payment_id", "Only a succeeded payment can be refunded.");
            }
            long left = payment.amount() - payment.refunded();
            long refunded = amount != null ? amount : left;
            if (refunded <= 0 || refunded > left) {
                throw TokensApiException.invalid(
                        "amount_too_large",
                        "amount",
                        "Refund amount (" + refunded + ") is greater than what is left to refund (" + left + ").");
            }
            TokensRefund refund = new TokensRefund(
                    TokensIds.next("re"),
                    account,
                    payment.id(),
                    refunded,
                    payment.currency(),
                    reference,
                    "succeeded",
                    clock.instant());
            store.save(refund);
            store.save(payment.refundedMore(refunded));
            webhooks.refunded(refund);
            return refund;
        }
    }

    /** {@code DELETE /v1/payment_methods/{id}}: no later payment may use it; detaching twice is no error. */
    PaymentMethod detach(String account, String id) {
        synchronized (store.lock()) {
            PaymentMethod method =
                    store.paymentMethod(account, id).orElseThrow(() -> TokensApiException.notFound("id", id));
            if (method.detached()) {
                return method;
            }
            PaymentMethod detached = method.detach();
            store.save(detached);
            webhooks.paymentMethodChanged(detached, "detached");
            return detached;
        }
    }

    private TokensPayment settle(TokensPayment payment, TokensTestCards.Profile profile) {
        if (profile.behaviour() == TokensTestCards.Behaviour.DECLINE) {
            String message = profile.declineCode() != null
                    ? "Your card was declined (" + profile.declineCode() + ")."
                    : "The payment could not be processed (" + profile.failureCode() + ").";
            TokensPayment failed = payment.failed(profile.failureCode(), message, profile.declineCode());
            store.save(failed);
            webhooks.paymentChanged(failed);
            return failed;
        }
        String paymentMethodId = payment.paymentMethodId();
        if (payment.saveCard()) {
            PaymentMethod method = new PaymentMethod(
                    TokensIds.next("pm"),
                    payment.account(),
                    payment.customerId(),
                    payment.card(),
                    payment.profile(),
                    false,
                    clock.instant());
            store.save(method);
            paymentMethodId = method.id();
        }
        TokensPayment succeeded = payment.succeeded(paymentMethodId);
        store.save(succeeded);
        webhooks.paymentChanged(succeeded);
        return succeeded;
    }

    private TokensPayment fail(TokensPayment payment, String code, String message) {
        TokensPayment failed = payment.failed(code, message, null);
        store.save(failed);
        webhooks.paymentChanged(failed);
        return failed;
    }
}

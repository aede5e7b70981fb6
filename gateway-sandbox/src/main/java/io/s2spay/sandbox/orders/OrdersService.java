package io.s2spay.sandbox.orders;

import io.s2spay.sandbox.orders.OrdersProperties.TerminalType;
import io.s2spay.sandbox.orders.OrdersRequests.CardInput;
import io.s2spay.sandbox.orders.OrdersTestCards.Failure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * The orders API's rules: orders with their lines and terminal, one payment per order (a card on a payment-page or
 * self-hosted terminal, a token on a MerchantInitiated one), 3-D Secure challenges that expire, tokenization,
 * refunds up to the amount paid and cancellation of an unpaid order. Every change is saved, then notified. One lock
 * keeps each decision and its write together (a simulator, not a throughput record).
 */
@Service
class OrdersService {

    static final String CARD = "CARD";
    static final String CTOKEN = "CTOKEN";

    private final OrdersProperties properties;
    private final OrdersStore store;
    private final OrdersWebhooks webhooks;
    private final Clock clock;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sandbox-orders-sweeper").daemon(true).factory());

    OrdersService(OrdersProperties properties, OrdersStore store, OrdersWebhooks webhooks, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        long every = Math.max(10, properties.sweepInterval().toMillis());
        sweeper.scheduleWithFixedDelay(this::expireChallenges, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    synchronized Order create(String merchantId, OrdersRequests.CreateOrder request) {
        OrdersProperties.Merchant merchant = properties.merchants().get(merchantId);
        OrdersProperties.Terminal terminal = merchant.terminal(request.terminalId())
                .orElseThrow(() -> OrdersApiException.badRequest(
                        "UNKNOWN_TERMINAL",
                        "terminal$id",
                        "terminal " + request.terminalId() + " is not a terminal of merchant " + merchantId));
        if (terminal.type() == TerminalType.MerchantInitiated && CARD.equals(request.initiatePaymentMethod())
                || terminal.type() != TerminalType.MerchantInitiated
                        && CTOKEN.equals(request.initiatePaymentMethod())) {
            throw OrdersApiException.badRequest(
                    "PAYMENT_METHOD_NOT_ALLOWED",
                    "controlFunctions.initiatePaymentsOptions.paymentMethod",
                    request.initiatePaymentMethod() + " is not allowed on a " + terminal.type() + " terminal");
        }
        if (request.merchantReference() != null) {
            Optional<Order> existing = store.byReference(merchantId, request.merchantReference());
            if (existing.isPresent()) {
                throw OrdersApiException.conflict(
                        "DUPLICATE_MERCHANT_REFERENCE",
                        "an order with merchantReference " + request.merchantReference() + " exists already",
                        Map.of("orderId", existing.get().orderId()));
            }
        }
        Instant now = clock.instant();
        Order order = new Order(
                UUID.randomUUID().toString(),
                merchantId,
                terminal.id(),
                terminal.type(),
                request.lines(),
                request.total(),
                request.currency(),
                request.merchantReference(),
                request.returnUrl(),
                request.notificationUrl(),
                request.enforceTokenization() && terminal.type() != TerminalType.MerchantInitiated,
                OrderStatus.CREATED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                now,
                now,
                null);
        store.save(order);
        return order;
    }

    /** The merchant's order; another merchant's is unknown to it. */
    Order order(String merchantId, String orderId) {
        return store.order(orderId)
                .filter(o -> o.merchantId().equals(merchantId))
                .orElseThrow(() -> OrdersApiException.notFound("ORDER_NOT_FOUND", "no order " + orderId));
    }

    Optional<Order> byReference(String merchantId, String merchantReference) {
        return store.byReference(merchantId, merchantReference);
    }

    /** {@code POST /payments}: the order's one payment, by card or token. */
    synchronized Order pay(String merchantId, OrdersRequests.Payment request) {
        Order order = order(merchantId, request.orderId());
        boolean mit = order.terminalType() == TerminalType.MerchantInitiated;
        if (CTOKEN.equals(request.method()) && !mit) {
            throw OrdersApiException.badRequest(
                    "PAYMENT_METHOD_NOT_ALLOWED",
                    "paymentMethod",
                    "CTOKEN payments need an order on a MerchantInitiated terminal");
        }
        if (CARD.equals(request.method()) && mit) {
            throw OrdersApiException.badRequest(
                    "PAYMENT_METHOD_NOT_ALLOWED",
                    "paymentMethod",
                    "an order on a MerchantInitiated terminal is paid with a token (CTOKEN)");
        }
        if (CARD.equals(request.method()) && order.terminalType() == TerminalType.PaymentPage) {
            throw OrdersApiException.badRequest(
                    "PAYMENT_METHOD_NOT_ALLOWED",
                    "paymentMethod",
                    "an order on a PaymentPage terminal is paid on the payment page");
        }
        requirePayable(order);
        if (CTOKEN.equals(request.method())) {
            Token token = store.token(request.tokenId())
                    .filter(t -> t.merchantId().equals(merchantId))
                    .orElseThrow(() -> OrdersApiException.badRequest(
                            "UNKNOWN_TOKEN", "tokenId", "no token " + request.tokenId() + " for this merchant"));
            if (token.deleted()) {
                throw OrdersApiException.badRequest(
                        "TOKEN_DELETED", "tokenId", "token " + request.tokenId() + " was deleted");
            }
            return chargeToken(order, token);
        }
        return chargeCard(order, request.card(), false);
    }

    /** The hosted payment page's card form, submitted for a PaymentPage order. */
    synchronized Order payOnPage(String orderId, CardInput card) {
        Order order = store.order(orderId)
                .filter(o -> o.terminalType() == TerminalType.PaymentPage)
                .orElseThrow(() -> OrdersApiException.notFound("ORDER_NOT_FOUND", "no order " + orderId));
        requirePayable(order);
        return chargeCard(order, card, true);
    }

    /** The customer cancels on the payment page. */
    synchronized Order cancelOnPage(String orderId) {
        Order order = store.order(orderId)
                .filter(o -> o.terminalType() == TerminalType.PaymentPage)
                .orElseThrow(() -> OrdersApiException.notFound("ORDER_NOT_FOUND", "no order " + orderId));
        requirePayable(order);
        return changed(order.withPayment(
                OrderStatus.PAYMENT_CANCELLED,
                null,
                null,
                null,
                "CANCELLED_BY_CUSTOMER",
                "The customer cancelled the payment",
                null,
                null,
                clock.instant(),
                null));
    }

    /** The order waiting on the challenge of {@code paymentId}, if any (pending or not). */
    Optional<Order> challenged(String paymentId) {
        return store.byPaymentId(paymentId);
    }

    /** The customer's choice on the 3-D Secure page: approve, fail or cancel. */
    synchronized Order completeChallenge(String paymentId, String action) {
        Order order = store.byPaymentId(paymentId)
                .orElseThrow(() -> OrdersApiException.notFound("PAYMENT_NOT_FOUND", "no payment " + paymentId));
        if (order.status() != OrderStatus.PAYMENT_PENDING) {
            return order;
        }
        Instant now = clock.instant();
        return switch (action) {
            case "approve" -> {
                Optional<Failure> scripted = OrdersTestCards.scriptedByAmount(order.totalAmount());
                yield scripted.isPresent()
                        ? failed(order, order.paymentId(), order.paymentMethod(), scripted.get(), order.card(), now)
                        : completed(order, order.paymentId(), order.paymentMethod(), order.card(), now);
            }
            case "fail" ->
                failed(
                        order,
                        order.paymentId(),
                        order.paymentMethod(),
                        Failure.AUTHENTICATION_FAILED,
                        order.card(),
                        now);
            case "cancel" -> cancelledChallenge(order, "CANCELLED_BY_CUSTOMER", "The customer cancelled 3-D Secure");
            default -> throw OrdersApiException.invalid("action", "action must be approve, fail or cancel");
        };
    }

    /** {@code POST .../orders/{o}/cancel}: only an order not paid (and not pending) yet. */
    synchronized Order cancel(String merchantId, String orderId) {
        Order order = order(merchantId, orderId);
        if (order.status() != OrderStatus.CREATED) {
            throw OrdersApiException.conflict(
                    "ORDER_NOT_CANCELLABLE",
                    "only an order in status CREATED can be cancelled; it is " + order.status(),
                    Map.of("orderId", orderId, "status", order.status().name()));
        }
        return changed(order.withPayment(
                OrderStatus.PAYMENT_CANCELLED,
                null,
                null,
                null,
                "CANCELLED_BY_MERCHANT",
                "The merchant cancelled the order",
                null,
                null,
                clock.instant(),
                null));
    }

    /** {@code POST .../orders/{o}/refunds}: refunds in total up to the amount paid; one per merchantReference. */
    synchronized Order.Refund refund(String merchantId, String orderId, OrdersRequests.RefundRequest request) {
        Order order = order(merchantId, orderId);
        Optional<Order.Refund> existing = order.refunds().stream()
                .filter(r -> r.merchantReference().equals(request.merchantReference()))
                .findFirst();
        if (existing.isPresent()) {
            Order.Refund refund = existing.get();
            Map<String, Object> extra = new LinkedHashMap<>(OrdersJson.refund(refund));
            throw OrdersApiException.conflict(
                    "DUPLICATE_MERCHANT_REFERENCE",
                    "a refund with merchantReference " + request.merchantReference() + " exists already",
                    extra);
        }
        if (!order.status().paid()) {
            throw OrdersApiException.conflict(
                    "ORDER_NOT_REFUNDABLE",
                    "only a paid order can be refunded; it is " + order.status(),
                    Map.of("orderId", orderId, "status", order.status().name()));
        }
        long available = order.totalAmount() - order.refunded();
        if (request.amount() > available) {
            throw OrdersApiException.badRequest(
                    "REFUND_EXCEEDS_AVAILABLE",
                    "amount",
                    "amount " + request.amount() + " exceeds what can still be refunded (" + available + ")");
        }
        Instant now = clock.instant();
        Order.Refund refund = new Order.Refund(
                "rf_" + UUID.randomUUID().toString().replace("-", ""),
                request.merchantReference(),
                request.amount(),
                "COMPLETED",
                now);
        Order after = order.withRefund(refund, now);
        store.save(after);
        Map<String, Object> event = OrdersJson.event(after, "REFUND_COMPLETED");
        event.put("refund", OrdersJson.refund(refund));
        webhooks.publish(after, "REFUND_COMPLETED", event);
        return refund;
    }

    List<Token> tokens(String merchantId, String orderId) {
        Order order = order(merchantId, orderId);
        return store.tokensOf(order.orderId()).stream()
                .filter(t -> !t.deleted())
                .toList();
    }

    /**
     * Deletes a token; an unknown or another merchant's one is not found ({@code TOKEN_NOT_FOUND}), one deleted
     * before is not found either, with its own code ({@code TOKEN_ALREADY_DELETED}) so a client can tell them apart.
     */
    synchronized void deleteToken(String merchantId, String tokenId) {
        Token token = store.token(tokenId)
                .filter(t -> t.merchantId().equals(merchantId))
                .orElseThrow(() -> OrdersApiException.notFound("TOKEN_NOT_FOUND", "no token " + tokenId));
        if (token.deleted()) {
            throw OrdersApiException.notFound("TOKEN_ALREADY_DELETED", "token " + tokenId + " was deleted before");
        }
        store.save(token.markedDeleted());
    }

    /** The merchant's refunds carrying {@code merchantReference}, each with its order's id and currency. */
    List<Map<String, Object>> refundsByReference(String merchantId, String merchantReference) {
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        for (Order order : store.all()) {
            if (order.merchantId().equals(merchantId)) {
                for (Order.Refund refund : order.refunds()) {
                    if (refund.merchantReference().equals(merchantReference)) {
                        Map<String, Object> json = new LinkedHashMap<>(OrdersJson.refund(refund));
                        json.put("orderId", order.orderId());
                        json.put("currency", order.currency());
                        found.add(json);
                    }
                }
            }
        }
        return found;
    }

    synchronized void expireChallenges() {
        Instant now = clock.instant();
        for (Order order : store.all()) {
            if (order.status() == OrderStatus.PAYMENT_PENDING
                    && order.challengeExpiresAt() != null
                    && !now.isBefore(order.challengeExpiresAt())) {
                cancelledChallenge(order, "SESSION_EXPIRED", "The customer did not complete 3-D Secure in time");
            }
        }
    }

    private void requirePayable(Order order) {
        if (order.status() != OrderStatus.CREATED) {
            throw OrdersApiException.conflict(
                    "ORDER_ALREADY_PAID",
                    "order " + order.orderId() + " has a payment already (" + order.status() + "): an order is paid"
                            + " at most once",
                    Map.of("orderId", order.orderId(), "status", order.status().name()));
        }
    }

    private Order chargeCard(Order order, CardInput card, boolean onPage) {
        Order.CardSummary summary = validate(card);
        String paymentId = newPaymentId();
        Instant now = clock.instant();
        Optional<OrdersTestCards> test = OrdersTestCards.of(card.number());
        Optional<Failure> scripted = OrdersTestCards.scriptedByAmount(order.totalAmount());
        if (test.isPresent() && test.get().behaviour() == OrdersTestCards.Behaviour.CHALLENGE) {
            return changed(order.withPayment(
                    OrderStatus.PAYMENT_PENDING,
                    paymentId,
                    CARD,
                    "PENDING_3DS",
                    null,
                    null,
                    summary,
                    null,
                    now,
                    now.plus(properties.sessionTimeout())));
        }
        Optional<Failure> failure = test.map(OrdersTestCards::failure).or(() -> scripted);
        if (failure.isPresent()) {
            return failed(order, paymentId, CARD, failure.get(), summary, now);
        }
        return completed(order, paymentId, CARD, summary, now);
    }

    private Order chargeToken(Order order, Token token) {
        Instant now = clock.instant();
        String paymentId = newPaymentId();
        // merchant-initiated: the customer is absent, so never challenged
        Optional<Failure> scripted = OrdersTestCards.scriptedByAmount(order.totalAmount());
        if (scripted.isPresent()) {
            return failed(order, paymentId, CTOKEN, scripted.get(), token.card(), now, token.tokenId());
        }
        return changed(order.withPayment(
                OrderStatus.PAYMENT_COMPLETED,
                paymentId,
                CTOKEN,
                "COMPLETED",
                null,
                null,
                token.card(),
                token.tokenId(),
                now,
                null));
    }

    private Order completed(Order order, String paymentId, String method, Order.CardSummary card, Instant now) {
        String tokenId = null;
        if (order.enforceTokenization()) {
            Token token = new Token(
                    "ctok_" + UUID.randomUUID().toString().replace("-", ""),
                    order.merchantId(),
                    order.orderId(),
                    card,
                    false,
                    now);
            store.save(token);
            tokenId = token.tokenId();
        }
        return changed(order.withPayment(
                OrderStatus.PAYMENT_COMPLETED, paymentId, method, "COMPLETED", null, null, card, tokenId, now, null));
    }

    private Order failed(
            Order order, String paymentId, String method, Failure failure, Order.CardSummary card, Instant now) {
        return failed(order, paymentId, method, failure, card, now, null);
    }

    private Order failed(
            Order order,
            String paymentId,
            String method,
            Failure failure,
            Order.CardSummary card,
            Instant now,
            String tokenId) {
        return changed(order.withPayment(
                OrderStatus.PAYMENT_FAILED,
                paymentId,
                method,
                "FAILED",
                failure.name(),
                failure.message(),
                card,
                tokenId,
                now,
                null));
    }

    private Order cancelledChallenge(Order order, String code, String message) {
        return changed(order.withPayment(
                OrderStatus.PAYMENT_CANCELLED,
                order.paymentId(),
                order.paymentMethod(),
                "CANCELLED",
                code,
                message,
                order.card(),
                null,
                clock.instant(),
                null));
    }

    private Order changed(Order order) {
        store.save(order);
        webhooks.publish(order, "ORDER_STATUS_CHANGED", OrdersJson.event(order, "ORDER_STATUS_CHANGED"));
        return order;
    }

    private Order.CardSummary validate(CardInput card) {
        String number = card.number();
        if (!number.matches("[0-9]{12,19}")) {
            throw OrdersApiException.badRequest(
                    "INVALID_CARD_NUMBER", "card.number", "card.number must be 12 to 19 digits");
        }
        if (!OrdersTestCards.luhn(number)) {
            throw OrdersApiException.badRequest(
                    "INVALID_CARD_NUMBER", "card.number", "card.number fails the Luhn check");
        }
        String brand = OrdersTestCards.brandOf(number)
                .orElseThrow(() -> OrdersApiException.badRequest(
                        "UNSUPPORTED_CARD_BRAND", "card.number", "the card's brand is not accepted"));
        if (card.expiryMonth() < 1 || card.expiryMonth() > 12) {
            throw OrdersApiException.badRequest(
                    "INVALID_EXPIRY_DATE", "card.expiryMonth", "card.expiryMonth must be 1..12");
        }
        if (card.expiryYear() < 2000 || card.expiryYear() > 2099) {
            throw OrdersApiException.badRequest(
                    "INVALID_EXPIRY_DATE", "card.expiryYear", "card.expiryYear must have four digits");
        }
        if (YearMonth.of(card.expiryYear(), card.expiryMonth())
                .isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
            throw OrdersApiException.badRequest("CARD_EXPIRED", "card.expiryYear", "the card has expired");
        }
        int cvcLength = "AMEX".equals(brand) ? 4 : 3;
        if (card.cvc() == null || !card.cvc().matches("[0-9]{" + cvcLength + "}")) {
            throw OrdersApiException.badRequest(
                    "INVALID_CVC", "card.cvc", "card.cvc must be " + cvcLength + " digits for " + brand);
        }
        if (card.holderName() != null && card.holderName().length() > 128) {
            throw OrdersApiException.invalid("card.holderName", "card.holderName must be at most 128 characters");
        }
        return new Order.CardSummary(
                number.substring(0, 6),
                number.substring(number.length() - 4),
                brand,
                card.expiryMonth(),
                card.expiryYear(),
                card.holderName());
    }

    private static String newPaymentId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "");
    }
}

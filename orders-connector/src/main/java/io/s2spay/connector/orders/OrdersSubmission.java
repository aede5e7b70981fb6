package io.s2spay.connector.orders;

import io.s2spay.connector.support.ResolutionSettings;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * At most once on the orders API: an order is created under s2spay's merchantTransactionId as its
 * {@code merchantReference} and paid once. An answer lost on the way is resolved through the API's look-ups
 * before anything is sent again — the order by its reference (found: go on with it; absent: provably not created,
 * create it again), the payment through the order's status (paid: that is the outcome; still CREATED: provably not
 * charged, pay again), a refund through the order's refunds — and the API's own guards (a duplicate
 * merchantReference answers the existing order or refund, an order is paid at most once) keep a late first attempt
 * from charging twice.
 */
final class OrdersSubmission {

    private final OrdersCalls calls;
    private final ResolutionSettings resolution;

    OrdersSubmission(OrdersCalls calls, ResolutionSettings resolution) {
        this.calls = calls;
        this.resolution = resolution;
    }

    /** A DB on card data (SelfHostedPage terminal) or on a stored token (MerchantInitiated terminal, CTOKEN). */
    GatewayTransaction submitInitial(OrdersProperties.Account account, InitialPaymentRequest request) {
        boolean mit = request.storedCardId() != null;
        String reference = request.merchantTransactionId();
        OrdersCalls.NewOrder order = new OrdersCalls.NewOrder(
                mit ? account.mitTerminalId() : account.selfHostedTerminalId(),
                request.amountMinor(),
                OrdersCurrencies.numeric(request.currency()).orElseThrow(),
                request.descriptor() != null ? request.descriptor() : "Payment " + reference,
                !mit && request.storeCard(),
                mit ? "CTOKEN" : "CARD",
                reference,
                request.shopperResultUrl(),
                request.notificationUrl());
        OrderStep created = ensureOrder(account, order);
        if (created.answer() != null) {
            return created.answer();
        }
        // an uncertain creation says nothing about a payment: this call has not sent one yet
        GatewayTransaction paid = pay(account, created.orderId(), request, false);
        if (paid.outcome() != GatewayOutcome.SUCCEEDED) {
            return paid;
        }
        if (mit) {
            return paid.toBuilder().storedCardId(request.storedCardId()).build();
        }
        return request.storeCard()
                ? withStoredCard(account, paid, true)
                : paid.toBuilder().storedCardId(null).build();
    }

    /** A refund of {@code request.amountMinor()} on the order {@code request.gatewayPaymentId()}. */
    GatewayTransaction refund(OrdersProperties.Account account, FollowUpRequest request) {
        OrdersIds.GatewayId id = OrdersIds.GatewayId.parse(request.gatewayPaymentId());
        if (id.isRefund()) {
            throw new IllegalArgumentException(
                    "a refund refers to a payment (an order id), not to the refund " + request.gatewayPaymentId());
        }
        String reference = request.merchantTransactionId();
        String numeric = OrdersCurrencies.numeric(request.currency()).orElseThrow();
        boolean uncertainBefore = false;
        for (int attempt = 0; attempt <= resolution.maxResends(); attempt++) {
            OrdersExchange exchange = calls.refund(account, id.orderId(), request.amountMinor(), reference);
            if (exchange.answeredByApi()) {
                if (exchange.status() == 201
                        || exchange.status() == 409
                                && "DUPLICATE_MERCHANT_REFERENCE".equals(exchange.errorCode())
                                && exchange.body().has("refundId")) {
                    return OrdersAnswers.refund(exchange.body(), id.orderId(), numeric);
                }
                return OrdersAnswers.refused(exchange, TransactionType.RF, reference).toBuilder()
                        .referencedId(id.orderId())
                        .build();
            }
            if (exchange.notSent()) {
                return notSent(uncertainBefore, TransactionType.RF, reference, exchange.reason());
            }
            uncertainBefore = true;
            OrdersExchange status = withRetries(() -> calls.status(account, id.orderId()));
            if (!status.answeredByApi() || status.status() != 200) {
                return OrdersAnswers.uncertain(exchange, TransactionType.RF, reference);
            }
            JsonNode held = refundIn(status.body(), reference);
            if (held != null) {
                return OrdersAnswers.refund(
                        held, id.orderId(), status.body().path("currency").asString(null));
            }
            // the order's refunds do not hold it: it was never made, so it may be sent again
        }
        return OrdersAnswers.notReceived(
                TransactionType.RF,
                reference,
                "the order's refunds hold no refund " + reference + " after every resend");
    }

    /**
     * What the API holds under {@code reference}: the order (as the DB it is; an order never paid is NOT_RECEIVED),
     * or for RF (or no type and no order) the refund; asked once.
     */
    GatewayTransaction find(OrdersProperties.Account account, String reference, TransactionType type) {
        if (type != null && type != TransactionType.DB && type != TransactionType.RF) {
            return OrdersAnswers.notReceived(type, reference, "the orders API has no " + type + " transactions");
        }
        if (type == TransactionType.RF) {
            return findRefund(account, reference);
        }
        OrdersExchange exchange = calls.findOrder(account, reference);
        if (!exchange.answeredByApi() || exchange.status() != 200) {
            return exchange.notSent()
                    ? OrdersAnswers.notSent(TransactionType.DB, reference, exchange.reason())
                    : OrdersAnswers.uncertain(exchange, TransactionType.DB, reference);
        }
        JsonNode orders = exchange.body().path("orders");
        if (orders.isEmpty()) {
            return type == null
                    ? findRefund(account, reference)
                    : OrdersAnswers.notReceived(TransactionType.DB, reference, "no order " + reference);
        }
        JsonNode order = orders.get(0);
        if ("CREATED".equals(order.path("status").asString())) {
            return OrdersAnswers.notReceived(
                    TransactionType.DB,
                    reference,
                    "order " + order.path("orderId").asString() + " was never paid");
        }
        GatewayTransaction answer = OrdersAnswers.orderStatus(order, reference);
        return answer.outcome() == GatewayOutcome.SUCCEEDED && answer.storedCardId() == null
                ? withStoredCard(account, answer, false)
                : answer;
    }

    /** {@link #find} asked again with backoff while its answer stays UNKNOWN. */
    GatewayTransaction resolve(OrdersProperties.Account account, String reference, TransactionType type) {
        GatewayTransaction answer = find(account, reference, type);
        Duration backoff = resolution.initialBackoff();
        for (int query = 1; query < resolution.maxQueries() && answer.outcome() == GatewayOutcome.UNKNOWN; query++) {
            if (!pause(backoff)) {
                break;
            }
            backoff = next(backoff);
            answer = find(account, reference, type);
        }
        return answer;
    }

    /** The order or refund with the port's id ({@code orderId} or {@code orderId/refundId}), asked once. */
    GatewayTransaction lookUp(OrdersProperties.Account account, String gatewayTransactionId) {
        OrdersIds.GatewayId id = OrdersIds.GatewayId.parse(gatewayTransactionId);
        TransactionType type = id.isRefund() ? TransactionType.RF : TransactionType.DB;
        OrdersExchange exchange = calls.status(account, id.orderId());
        if (exchange.answeredByApi() && exchange.status() == 404) {
            return OrdersAnswers.notReceived(type, null, "no order " + id.orderId());
        }
        if (!exchange.answeredByApi() || exchange.status() != 200) {
            return exchange.notSent()
                    ? OrdersAnswers.notSent(type, null, exchange.reason())
                    : OrdersAnswers.uncertain(exchange, type, null);
        }
        if (!id.isRefund()) {
            return OrdersAnswers.orderStatus(exchange.body(), null);
        }
        for (JsonNode refund : exchange.body().path("refunds")) {
            if (id.refundId().equals(refund.path("refundId").asString())) {
                return OrdersAnswers.refund(
                        refund, id.orderId(), exchange.body().path("currency").asString(null));
            }
        }
        return OrdersAnswers.notReceived(type, null, "order " + id.orderId() + " has no refund " + id.refundId());
    }

    /** Deletes a token: deleted now or before is SUCCEEDED, an unknown one NOT_RECEIVED. */
    GatewayTransaction deleteToken(OrdersProperties.Account account, String tokenId) {
        OrdersIds.checked(tokenId, "token id");
        OrdersExchange exchange = calls.deleteToken(account, tokenId);
        if (exchange.notSent()) {
            return OrdersAnswers.notSent(null, null, exchange.reason());
        }
        boolean deleted = exchange.failure() == null
                && (exchange.status() == 204
                        || exchange.status() == 404 && "TOKEN_ALREADY_DELETED".equals(exchange.errorCode()));
        if (deleted) {
            return GatewayTransaction.builder(
                            GatewayOutcome.SUCCEEDED, Evidence.ANSWER, OrdersCategory.SUCCESSFUL.name())
                    .storedCardId(tokenId)
                    .result(exchange.status() == 204 ? "DELETED" : "TOKEN_ALREADY_DELETED", null)
                    .timestamp(java.time.Instant.now())
                    .build();
        }
        if (exchange.answeredByApi() && exchange.status() == 404) {
            return OrdersAnswers.notReceived(null, null, "no token " + tokenId + " for this merchant").toBuilder()
                    .storedCardId(tokenId)
                    .result(exchange.errorCode(), exchange.errorMessage())
                    .build();
        }
        if (exchange.answeredByApi()) {
            return OrdersAnswers.refused(exchange, null, null).toBuilder()
                    .storedCardId(tokenId)
                    .build();
        }
        return OrdersAnswers.uncertain(exchange, null, null);
    }

    /** The order under the reference: created now, or found after a lost answer; or the answer to give instead. */
    private OrderStep ensureOrder(OrdersProperties.Account account, OrdersCalls.NewOrder order) {
        String reference = order.merchantReference();
        boolean uncertainBefore = false;
        for (int attempt = 0; attempt <= resolution.maxResends(); attempt++) {
            OrdersExchange exchange = calls.createOrder(account, order);
            if (exchange.answeredByApi()) {
                String orderId = exchange.body().path("orderId").asString(null);
                if (orderId != null && (exchange.status() == 201 || exchange.status() == 409)) {
                    // 409: a duplicate reference names the order created before (a redelivery, or a lost answer)
                    return new OrderStep(orderId, uncertainBefore, null);
                }
                return new OrderStep(null, false, OrdersAnswers.refused(exchange, TransactionType.DB, reference));
            }
            if (exchange.notSent()) {
                return new OrderStep(
                        null, false, notSent(uncertainBefore, TransactionType.DB, reference, exchange.reason()));
            }
            uncertainBefore = true;
            OrdersExchange found = withRetries(() -> calls.findOrder(account, reference));
            if (!found.answeredByApi() || found.status() != 200) {
                return new OrderStep(null, false, OrdersAnswers.uncertain(exchange, TransactionType.DB, reference));
            }
            JsonNode orders = found.body().path("orders");
            if (!orders.isEmpty()) {
                return new OrderStep(orders.get(0).path("orderId").asString(), true, null);
            }
            // no order under the reference: it was never created, so it may be created again
        }
        return new OrderStep(
                null,
                false,
                OrdersAnswers.notReceived(
                        TransactionType.DB, reference, "no order " + reference + " after every resend"));
    }

    /** The order's one payment, resent only while the order's status proves it was never charged. */
    private GatewayTransaction pay(
            OrdersProperties.Account account, String orderId, InitialPaymentRequest request, boolean uncertainBefore) {
        String reference = request.merchantTransactionId();
        for (int attempt = 0; attempt <= resolution.maxResends(); attempt++) {
            OrdersExchange exchange = request.storedCardId() != null
                    ? calls.payByToken(account, orderId, request.storedCardId())
                    : calls.payByCard(account, orderId, request.card());
            if (exchange.answeredByApi()) {
                if (exchange.status() == 200) {
                    return OrdersAnswers.payment(exchange.body(), reference);
                }
                if (exchange.status() != 409 || !"ORDER_ALREADY_PAID".equals(exchange.errorCode())) {
                    return OrdersAnswers.refused(exchange, TransactionType.DB, reference).toBuilder()
                            .gatewayTransactionId(orderId)
                            .build();
                }
                // paid before (a redelivery, or our own lost answer): the order's status is the outcome
            } else if (exchange.notSent()) {
                return notSent(uncertainBefore, TransactionType.DB, reference, exchange.reason());
            }
            uncertainBefore = uncertainBefore || !exchange.answeredByApi();
            OrdersExchange status = withRetries(() -> calls.status(account, orderId));
            if (!status.answeredByApi() || status.status() != 200) {
                return OrdersAnswers.uncertain(status, TransactionType.DB, reference).toBuilder()
                        .gatewayTransactionId(orderId)
                        .build();
            }
            if (!"CREATED".equals(status.body().path("status").asString())) {
                return OrdersAnswers.orderStatus(status.body(), reference);
            }
            // the order is still CREATED: the payment was never charged, so it may be sent again
        }
        return OrdersAnswers.notReceived(
                        TransactionType.DB, reference, "order " + orderId + " still unpaid after every resend")
                .toBuilder()
                .gatewayTransactionId(orderId)
                .build();
    }

    /**
     * The completed payment with the token its order stored ({@code GET .../tokens}, the seed's way), read with
     * retries when {@code patient}; the token the payment's answer named otherwise.
     */
    private GatewayTransaction withStoredCard(
            OrdersProperties.Account account, GatewayTransaction paid, boolean patient) {
        Supplier<OrdersExchange> read = () -> calls.tokens(account, paid.gatewayTransactionId());
        OrdersExchange tokens = patient ? withRetries(read) : read.get();
        String tokenId = null;
        if (tokens.answeredByApi() && tokens.status() == 200) {
            JsonNode list = tokens.body().path("tokens");
            tokenId = list.isEmpty()
                    ? null
                    : list.get(list.size() - 1).path("tokenId").asString(null);
        }
        return paid.toBuilder()
                .storedCardId(tokenId != null ? tokenId : paid.storedCardId())
                .initialTransactionId(paid.gatewayTransactionId())
                .build();
    }

    private GatewayTransaction findRefund(OrdersProperties.Account account, String reference) {
        OrdersExchange exchange = calls.findRefunds(account, reference);
        if (!exchange.answeredByApi() || exchange.status() != 200) {
            return exchange.notSent()
                    ? OrdersAnswers.notSent(TransactionType.RF, reference, exchange.reason())
                    : OrdersAnswers.uncertain(exchange, TransactionType.RF, reference);
        }
        JsonNode refunds = exchange.body().path("refunds");
        if (refunds.isEmpty()) {
            return OrdersAnswers.notReceived(TransactionType.RF, reference, "no refund " + reference);
        }
        JsonNode refund = refunds.get(0);
        return OrdersAnswers.refund(
                refund,
                refund.path("orderId").asString(),
                refund.path("currency").asString(null));
    }

    private static JsonNode refundIn(JsonNode status, String reference) {
        for (JsonNode refund : status.path("refunds")) {
            if (reference.equals(refund.path("merchantReference").asString())) {
                return refund;
            }
        }
        return null;
    }

    /** A request not sent: safe to resend, unless an earlier attempt got no answer (that one may still count). */
    private static GatewayTransaction notSent(
            boolean uncertainBefore, TransactionType type, String reference, String reason) {
        return uncertainBefore
                ? OrdersAnswers.unknown(
                        OrdersCategory.NO_RESPONSE,
                        type,
                        reference,
                        "an earlier attempt got no answer and the look-up could not be sent: " + reason)
                : OrdersAnswers.notSent(type, reference, reason);
    }

    /** A look-up asked again with backoff while it gets no readable answer. */
    private OrdersExchange withRetries(Supplier<OrdersExchange> lookUp) {
        OrdersExchange exchange = lookUp.get();
        Duration backoff = resolution.initialBackoff();
        for (int query = 1; query < resolution.maxQueries() && !exchange.answeredByApi(); query++) {
            if (!pause(backoff)) {
                break;
            }
            backoff = next(backoff);
            exchange = lookUp.get();
        }
        return exchange;
    }

    private Duration next(Duration backoff) {
        return Duration.ofMillis((long) (Math.max(1, backoff.toMillis()) * resolution.backoffMultiplier()));
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The order to pay, or the answer to give instead; whether an earlier attempt went unanswered. */
    private record OrderStep(String orderId, boolean uncertainBefore, GatewayTransaction answer) {}
}

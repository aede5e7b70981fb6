package io.s2spay.sandbox.orders;

import io.s2spay.sandbox.journal.Journal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The orders and tokens, in memory and in the sandbox's journal (kinds {@code orders.order}, {@code orders.token}),
 * so they survive a restart; an index finds an order by its merchant's reference.
 */
@Component
class OrdersStore {

    static final String ORDER = "orders.order";
    static final String TOKEN = "orders.token";

    private final Journal journal;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, String> orderByReference = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    OrdersStore(Journal journal) {
        this.journal = journal;
        journal.restored(ORDER, Order.class).forEach(this::index);
        journal.restored(TOKEN, Token.class).forEach(t -> tokens.put(t.tokenId(), t));
    }

    void save(Order order) {
        index(order);
        journal.append(ORDER, order.orderId(), order);
    }

    void save(Token token) {
        tokens.put(token.tokenId(), token);
        journal.append(TOKEN, token.tokenId(), token);
    }

    Optional<Order> order(String orderId) {
        return Optional.ofNullable(orderId == null ? null : orders.get(orderId));
    }

    Optional<Order> byReference(String merchantId, String merchantReference) {
        return order(orderByReference.get(key(merchantId, merchantReference)));
    }

    Optional<Order> byPaymentId(String paymentId) {
        return orders.values().stream()
                .filter(o -> paymentId.equals(o.paymentId()))
                .findFirst();
    }

    Optional<Token> token(String tokenId) {
        return Optional.ofNullable(tokenId == null ? null : tokens.get(tokenId));
    }

    List<Token> tokensOf(String orderId) {
        return tokens.values().stream().filter(t -> t.orderId().equals(orderId)).toList();
    }

    List<Order> all() {
        List<Order> all = new ArrayList<>(orders.values());
        all.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return all;
    }

    private void index(Order order) {
        orders.put(order.orderId(), order);
        if (order.merchantReference() != null) {
            orderByReference.put(key(order.merchantId(), order.merchantReference()), order.orderId());
        }
    }

    private static String key(String merchantId, String merchantReference) {
        return merchantId + "\n" + merchantReference;
    }
}

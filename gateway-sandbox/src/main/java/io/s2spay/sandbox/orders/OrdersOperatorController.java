package io.s2spay.sandbox.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox operator's view of the orders API (not part of it): the ledger of what was really charged and
 * refunded, and the webhook deliveries.
 */
@RestController
class OrdersOperatorController {

    private final OrdersStore store;
    private final OrdersWebhooks webhooks;

    OrdersOperatorController(OrdersStore store, OrdersWebhooks webhooks) {
        this.store = store;
        this.webhooks = webhooks;
    }

    /**
     * Per merchant: every completed payment and refund, counts, and per currency the minor units paid, refunded and
     * net.
     */
    @GetMapping("/sandbox/orders/ledger")
    Map<String, Object> ledger(
            @RequestParam(required = false) String merchantId,
            @RequestParam(required = false) String merchantReference) {
        Map<String, List<Order>> byMerchant = new TreeMap<>();
        for (Order order : store.all()) {
            if (order.status().paid()
                    && (merchantId == null || merchantId.equals(order.merchantId()))
                    && (merchantReference == null || merchantReference.equals(order.merchantReference()))) {
                byMerchant
                        .computeIfAbsent(order.merchantId(), m -> new ArrayList<>())
                        .add(order);
            }
        }
        List<Map<String, Object>> merchants = new ArrayList<>();
        byMerchant.forEach((merchant, orders) -> merchants.add(merchantLedger(merchant, orders)));
        return Map.of("merchants", merchants);
    }

    @GetMapping("/sandbox/orders/notifications")
    Map<String, Object> notifications(@RequestParam(required = false) String orderId) {
        return Map.of("notifications", webhooks.deliveries(orderId));
    }

    private static Map<String, Object> merchantLedger(String merchantId, List<Order> orders) {
        List<Map<String, Object>> payments = new ArrayList<>();
        List<Map<String, Object>> refunds = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        for (Order order : orders) {
            Map<String, Object> payment = new LinkedHashMap<>();
            payment.put("orderId", order.orderId());
            payment.put("paymentId", order.paymentId());
            payment.put("merchantReference", order.merchantReference());
            payment.put("paymentMethod", order.paymentMethod());
            payment.put("amount", order.totalAmount());
            payment.put("currency", order.currency());
            payments.add(payment);
            long[] sums = totals.computeIfAbsent(order.currency(), c -> new long[2]);
            sums[0] += order.totalAmount();
            for (Order.Refund refund : order.refunds()) {
                if ("COMPLETED".equals(refund.status())) {
                    Map<String, Object> row = new LinkedHashMap<>(OrdersJson.refund(refund));
                    row.put("orderId", order.orderId());
                    row.put("currency", order.currency());
                    refunds.add(row);
                    sums[1] += refund.amount();
                }
            }
        }
        Map<String, Object> byCurrency = new LinkedHashMap<>();
        totals.forEach((currency, sums) ->
                byCurrency.put(currency, Map.of("paid", sums[0], "refunded", sums[1], "net", sums[0] - sums[1])));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("merchantId", merchantId);
        json.put("counts", Map.of("payments", payments.size(), "refunds", refunds.size()));
        json.put("totals", byCurrency);
        json.put("payments", payments);
        json.put("refunds", refunds);
        return json;
    }
}

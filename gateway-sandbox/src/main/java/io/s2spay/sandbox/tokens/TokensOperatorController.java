package io.s2spay.sandbox.tokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's own view of the tokens API (not part of the API): the ledger of what was really charged and refunded,
 * the webhook deliveries, and the shopper abandoning a 3-D Secure page now.
 */
@RestController
class TokensOperatorController {

    private final TokensStore store;
    private final TokensWebhooks webhooks;
    private final TokensPaymentService payments;

    TokensOperatorController(TokensStore store, TokensWebhooks webhooks, TokensPaymentService payments) {
        this.store = store;
        this.webhooks = webhooks;
        this.payments = payments;
    }

    /**
     * Per account: every succeeded payment and refund, counts, and totals per currency ({@code paid},
     * {@code refunded}, {@code net}); optionally one account's, and only the payment with a reference (and its
     * refunds).
     */
    @GetMapping("/sandbox/tokens/ledger")
    Map<String, Object> ledger(
            @RequestParam(required = false) String account, @RequestParam(required = false) String reference) {
        Map<String, List<TokensPayment>> paid = new TreeMap<>();
        for (TokensPayment payment : store.payments()) {
            if (payment.status() == TokensPayment.Status.SUCCEEDED
                    && (account == null || account.equals(payment.account()))
                    && (reference == null || reference.equals(payment.reference()))) {
                paid.computeIfAbsent(payment.account(), a -> new ArrayList<>()).add(payment);
            }
        }
        List<Map<String, Object>> accounts = new ArrayList<>();
        paid.forEach((name, list) -> {
            Map<String, long[]> totals = new TreeMap<>();
            List<Map<String, Object>> paymentRows = new ArrayList<>();
            List<Map<String, Object>> refundRows = new ArrayList<>();
            for (TokensPayment payment : list) {
                paymentRows.add(TokensJson.payment(payment));
                totals.computeIfAbsent(payment.currency(), c -> new long[2])[0] += payment.amount();
                for (TokensRefund refund : store.refundsOf(payment.id())) {
                    refundRows.add(TokensJson.refund(refund));
                    totals.get(payment.currency())[1] += refund.amount();
                }
            }
            Map<String, Object> totalsJson = new TreeMap<>();
            totals.forEach((currency, t) ->
                    totalsJson.put(currency, Map.of("paid", t[0], "refunded", t[1], "net", t[0] - t[1])));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("account", name);
            entry.put("counts", Map.of("payments", paymentRows.size(), "refunds", refundRows.size()));
            entry.put("totals", totalsJson);
            entry.put("payments", paymentRows);
            entry.put("refunds", refundRows);
            accounts.add(entry);
        });
        return Map.of("accounts", accounts);
    }

    /** The webhook events about a payment (and its refunds), or all of them, with their delivery state. */
    @GetMapping("/sandbox/tokens/notifications")
    List<TokensEvent> notifications(@RequestParam(required = false) String paymentId) {
        return webhooks.events(paymentId);
    }

    @PostMapping("/sandbox/tokens/payments/{id}/abandon")
    ResponseEntity<Map<String, Object>> abandon(@PathVariable String id) {
        return payments.abandon(id)
                .map(p -> ResponseEntity.ok(TokensJson.payment(p)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}

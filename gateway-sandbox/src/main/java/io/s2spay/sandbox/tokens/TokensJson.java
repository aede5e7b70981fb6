package io.s2spay.sandbox.tokens;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tokens API's JSON objects: a token, a payment, a refund, a saved card (fields in snake case, times in seconds). */
final class TokensJson {

    private TokensJson() {}

    static Map<String, Object> token(CardToken token) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", token.id());
        json.put("object", "token");
        json.put("type", "card");
        json.put("card", card(token.card(), true));
        json.put("used", token.used());
        json.put("created", token.created().getEpochSecond());
        json.put("expires_at", token.expiresAt().getEpochSecond());
        return json;
    }

    static Map<String, Object> payment(TokensPayment payment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", payment.id());
        json.put("object", "payment");
        json.put("status", payment.status().apiName);
        json.put("amount", payment.amount());
        json.put("amount_refunded", payment.refunded());
        json.put("currency", payment.currency());
        json.put("reference", payment.reference());
        json.put("description", payment.description());
        json.put("customer_id", payment.customerId());
        json.put("off_session", payment.offSession());
        json.put("save_card", payment.saveCard());
        json.put("card", card(payment.card(), false));
        json.put("return_url", payment.returnUrl());
        json.put(
                "redirect_url",
                payment.status() == TokensPayment.Status.REQUIRES_ACTION ? payment.redirectUrl() : null);
        json.put("failure_code", payment.failureCode());
        json.put("failure_message", payment.failureMessage());
        json.put("decline_code", payment.declineCode());
        json.put("payment_method_id", payment.paymentMethodId());
        json.put("created", payment.created().getEpochSecond());
        return json;
    }

    static Map<String, Object> refund(TokensRefund refund) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", refund.id());
        json.put("object", "refund");
        json.put("status", refund.status());
        json.put("amount", refund.amount());
        json.put("currency", refund.currency());
        json.put("payment_id", refund.paymentId());
        json.put("reference", refund.reference());
        json.put("created", refund.created().getEpochSecond());
        return json;
    }

    static Map<String, Object> paymentMethod(PaymentMethod method) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", method.id());
        json.put("object", "payment_method");
        json.put("type", "card");
        json.put("customer_id", method.customerId());
        json.put("card", card(method.card(), true));
        json.put("detached", method.detached());
        json.put("created", method.created().getEpochSecond());
        return json;
    }

    private static Map<String, Object> card(TokensPayment.CardSummary card, boolean withExpiry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("brand", card.brand());
        json.put("last4", card.last4());
        if (withExpiry) {
            json.put("exp_month", card.expMonth());
            json.put("exp_year", card.expYear());
        }
        return json;
    }
}

package io.s2spay.connector.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayTransaction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The orders API's JSON in s2spay's words: payments, statuses, refunds, refusals and the answers that are none. */
class OrdersAnswersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsACompletedPayment() {
        GatewayTransaction t = OrdersAnswers.payment(JSON.readTree("""
                        {"paymentId":"pay_1","orderId":"o-1","status":"COMPLETED","amount":29900,"currency":"752",
                         "card":{"bin":"420000","last4":"0000","brand":"VISA","expiryMonth":12,"expiryYear":2034}}"""), "ref-1");
        assertThat(t.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(t.evidence()).isEqualTo(Evidence.ANSWER);
        assertThat(t.gatewayTransactionId()).isEqualTo("o-1");
        assertThat(t.type()).isEqualTo(TransactionType.DB);
        assertThat(t.amountMinor()).isEqualTo(29900);
        assertThat(t.currency()).isEqualTo("SEK");
        assertThat(t.card().brand()).isEqualTo("VISA");
        assertThat(t.card().expiryYear()).isEqualTo(2034);
        assertThat(t.paymentBrand()).isEqualTo("VISA");
        assertThat(t.merchantTransactionId()).isEqualTo("ref-1");
    }

    @Test
    void readsAChallengeAsAGetRedirect() {
        GatewayTransaction t = OrdersAnswers.payment(JSON.readTree("""
                        {"paymentId":"pay_2","orderId":"o-2","status":"PENDING_3DS","amount":100,"currency":"978",
                         "redirectUrl":"http://sandbox/orders-api/3ds/pay_2"}"""), "ref-2");
        assertThat(t.outcome()).isEqualTo(GatewayOutcome.PENDING);
        assertThat(t.requiresRedirect()).isTrue();
        assertThat(t.redirect().method()).isEqualTo("GET");
        assertThat(t.redirect().parameters()).isEmpty();
        assertThat(t.currency()).isEqualTo("EUR");
    }

    @Test
    void readsFailuresByTheirCode() {
        GatewayTransaction declined = OrdersAnswers.payment(
                JSON.readTree("{\"orderId\":\"o\",\"status\":\"FAILED\",\"failureCode\":\"STOLEN_CARD\"}"), "r");
        assertThat(declined.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(declined.resultCode()).isEqualTo("STOLEN_CARD");
        GatewayTransaction technical = OrdersAnswers.payment(
                JSON.readTree("{\"orderId\":\"o\",\"status\":\"FAILED\",\"failureCode\":\"PROCESSING_ERROR\"}"), "r");
        assertThat(technical.outcome()).isEqualTo(GatewayOutcome.FAILED);
        GatewayTransaction novel = OrdersAnswers.payment(
                JSON.readTree("{\"orderId\":\"o\",\"status\":\"FAILED\",\"failureCode\":\"BRAND_NEW\"}"), "r");
        assertThat(novel.outcome()).as("a failed payment stays failed").isEqualTo(GatewayOutcome.DECLINED);
    }

    @Test
    void readsAnOrdersStatusAsItsPayment() {
        GatewayTransaction refunded = OrdersAnswers.orderStatus(
                JSON.readTree("{\"orderId\":\"o\",\"status\":\"REFUNDED\",\"amount\":5,\"currency\":\"752\","
                        + "\"merchantReference\":\"m\",\"updatedAt\":\"2026-12-07T10:00:00Z\"}"),
                null);
        assertThat(refunded.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(refunded.merchantTransactionId()).isEqualTo("m");
        assertThat(refunded.timestamp()).hasToString("2026-12-07T10:00:00Z");
        GatewayTransaction expired = OrdersAnswers.orderStatus(
                JSON.readTree(
                        "{\"orderId\":\"o\",\"status\":\"PAYMENT_CANCELLED\",\"failureCode\":\"SESSION_EXPIRED\"}"),
                "r");
        assertThat(expired.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(expired.sessionExpired()).isTrue();
        GatewayTransaction byMerchant = OrdersAnswers.orderStatus(
                JSON.readTree(
                        "{\"orderId\":\"o\",\"status\":\"PAYMENT_CANCELLED\",\"failureCode\":\"CANCELLED_BY_MERCHANT\"}"),
                "r");
        assertThat(byMerchant.outcome()).isEqualTo(GatewayOutcome.FAILED);
    }

    @Test
    void readsARefundWithItsCompositeId() {
        GatewayTransaction t = OrdersAnswers.refund(
                JSON.readTree(
                        "{\"refundId\":\"rf_1\",\"merchantReference\":\"r\",\"status\":\"COMPLETED\",\"amount\":300}"),
                "o-9",
                "826");
        assertThat(t.outcome()).isEqualTo(GatewayOutcome.SUCCEEDED);
        assertThat(t.type()).isEqualTo(TransactionType.RF);
        assertThat(t.gatewayTransactionId()).isEqualTo("o-9/rf_1");
        assertThat(t.referencedId()).isEqualTo("o-9");
        assertThat(t.currency()).isEqualTo("GBP");
        assertThat(OrdersIds.GatewayId.parse(t.gatewayTransactionId()).refundId())
                .isEqualTo("rf_1");
    }

    @Test
    void readsRefusalsAndMissingAnswers() {
        OrdersExchange refused = OrdersExchange.answered(
                400, "{\"error\":{\"code\":\"INVALID_CVC\",\"message\":\"card.cvc must be 3 digits\"}}");
        GatewayTransaction card = OrdersAnswers.refused(refused, TransactionType.DB, "r");
        assertThat(card.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(card.resultDescription()).contains("cvc");
        OrdersExchange conflict = OrdersExchange.answered(409, "{\"error\":{\"code\":\"ORDER_ALREADY_PAID\"}}");
        assertThat(OrdersAnswers.refused(conflict, TransactionType.DB, "r").outcome())
                .isEqualTo(GatewayOutcome.FAILED);

        GatewayTransaction page = OrdersAnswers.uncertain(OrdersExchange.answered(503, "<html>"), null, "r");
        assertThat(page.outcome()).isEqualTo(GatewayOutcome.UNKNOWN);
        assertThat(page.category()).isEqualTo("GATEWAY_HTTP_ERROR");
        assertThat(page.safeToResend()).isFalse();
        assertThat(OrdersExchange.answered(200, "not json").uncertain()).isTrue();
        assertThat(OrdersAnswers.notSent(null, "r", "refused").safeToResend()).isTrue();
        assertThat(OrdersAnswers.notReceived(null, "r", "none").safeToResend()).isTrue();
    }
}

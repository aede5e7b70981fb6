package io.s2spay.sandbox;

import static io.s2spay.sandbox.OrdersApi.SELF_TERMINAL;
import static io.s2spay.sandbox.OrdersApi.card;
import static io.s2spay.sandbox.OrdersApi.order;
import static io.s2spay.sandbox.OrdersApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fault plan in front of the orders API: by header and by magic amount (the order's total for a payment), the
 * faults before processing charge nothing and the lost response charges once; the HTML pages are never faulted.
 */
class OrdersFaultsIT {

    private static GatewaySandbox sandbox;
    private static OrdersApi api;

    @BeforeAll
    static void start() {
        sandbox = GatewaySandbox.start(Map.of("sandbox.faults.timeout-hold", "2s"));
        api = new OrdersApi(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static OrdersApi.Reply payWithFault(String orderId, String fault) {
        return api.send(api.authorized(HttpRequest.newBuilder(URI.create(api.base() + "payments")))
                .header("Content-Type", "application/json")
                .header("X-Sandbox-Fault", fault)
                .POST(HttpRequest.BodyPublishers.ofString(card(orderId, "4200000000000000")))
                .build());
    }

    @Test
    void http500And503ChargeNothing() {
        for (String fault : new String[] {"http500", "http503"}) {
            String orderId = api.newOrder(SELF_TERMINAL, 1000, false);
            OrdersApi.Reply reply = payWithFault(orderId, fault);
            assertThat(reply.status()).isEqualTo(fault.equals("http500") ? 500 : 503);
            assertThat(api.status(orderId).text("status")).isEqualTo("CREATED");
        }
    }

    @Test
    void resetAndTimeoutCloseTheConnectionAndChargeNothing() {
        for (String fault : new String[] {"reset", "timeout"}) {
            String orderId = api.newOrder(SELF_TERMINAL, 1000, false);
            assertThatThrownBy(() -> payWithFault(orderId, fault)).isInstanceOf(UncheckedIOException.class);
            assertThat(api.status(orderId).text("status")).isEqualTo("CREATED");
        }
    }

    @Test
    void latencyDelaysThenProcesses() {
        String orderId = api.newOrder(SELF_TERMINAL, 1000, false);
        long start = System.nanoTime();
        OrdersApi.Reply reply = payWithFault(orderId, "latency=700");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(reply.text("status")).isEqualTo("COMPLETED");
    }

    @Test
    void aLostResponseIsChargedOnceAndTheOrderSaysSo() {
        String reference = unique();
        String orderId = api.createOrder(order(SELF_TERMINAL, 1000, "752", false, reference))
                .text("orderId");
        assertThatThrownBy(() -> payWithFault(orderId, "lost-response")).isInstanceOf(UncheckedIOException.class);

        assertThat(api.status(orderId).text("status")).isEqualTo("PAYMENT_COMPLETED");
        assertThat(api.pay(card(orderId, "4200000000000000")).status()).isEqualTo(409);
        assertThat(ledger(reference).path("counts").path("payments").asInt()).isEqualTo(1);
    }

    @Test
    void theOrderTotalIsThePaymentsMagicAmount() {
        // 99901: the order's creation is processed and its answer lost; found by its reference
        String reference = unique();
        assertThatThrownBy(() -> api.createOrder(order(SELF_TERMINAL, 99901, "752", false, reference)))
                .isInstanceOf(UncheckedIOException.class);
        String lost = api.findByReference(reference)
                .json()
                .path("orders")
                .get(0)
                .path("orderId")
                .asString();
        assertThat(api.status(lost).text("status")).isEqualTo("CREATED");
        // and so is its payment's
        assertThatThrownBy(() -> api.pay(card(lost, "4200000000000000"))).isInstanceOf(UncheckedIOException.class);
        assertThat(api.status(lost).text("status")).isEqualTo("PAYMENT_COMPLETED");

        // an order's creation carries its lines' total: 99902 answers HTTP 500 and creates nothing
        OrdersApi.Reply refused = api.createOrder(order(SELF_TERMINAL, 99902, "752", false, unique()));
        assertThat(refused.status()).isEqualTo(500);
    }

    @Test
    void aRefundsAmountIsItsMagicAmount() {
        String orderId = api.newOrder(SELF_TERMINAL, 200_000, false);
        api.pay(card(orderId, "4200000000000000"));

        assertThat(api.refund(orderId, 99906, "rf-503").status()).isEqualTo(503);
        assertThat(api.status(orderId).json().path("refunds")).isEmpty();
        assertThatThrownBy(() -> api.refund(orderId, 99901, "rf-lost")).isInstanceOf(UncheckedIOException.class);
        assertThat(api.status(orderId).json().path("refunds")).hasSize(1);
    }

    @Test
    void thePagesAreNeverFaulted() {
        String orderId = api.newOrder(SELF_TERMINAL, 1000, false);
        String paymentId = api.pay(card(orderId, "4711100000000000")).text("paymentId");
        OrdersApi.Reply page = api.send(HttpRequest.newBuilder(URI.create(api.base() + "3ds/" + paymentId))
                .header("X-Sandbox-Fault", "http500")
                .GET()
                .build());
        assertThat(page.status()).isEqualTo(200);
    }

    private static JsonNode ledger(String reference) {
        return api.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                                + "sandbox/orders/ledger?merchantId=merchant-a&merchantReference=" + reference))
                        .GET()
                        .build())
                .json()
                .path("merchants")
                .get(0);
    }
}

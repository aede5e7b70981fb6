package io.s2spay.sandbox.orders;

import io.s2spay.sandbox.SandboxProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The orders API (seed 003) under {@code /orders-api/}: orders, payments by card or token, status, tokens, refunds,
 * cancellation. Every request is authenticated by {@code API-KEY}, {@code API-SECRET} and {@code MERCHANT-ID}; the
 * work is {@link OrdersService}'s.
 */
@RestController
@RequestMapping(path = "/orders-api", produces = "application/json")
class OrdersController {

    private final OrdersProperties properties;
    private final SandboxProperties sandbox;
    private final OrdersService orders;

    OrdersController(OrdersProperties properties, SandboxProperties sandbox, OrdersService orders) {
        this.properties = properties;
        this.sandbox = sandbox;
        this.orders = orders;
    }

    @PostMapping("/merchants/{merchantId}/orders")
    ResponseEntity<Map<String, Object>> create(
            @PathVariable String merchantId, @RequestBody(required = false) String body, HttpServletRequest request) {
        authorize(request, merchantId);
        Order order = orders.create(merchantId, OrdersRequests.createOrder(OrdersRequests.parse(body)));
        String page = order.terminalType() == OrdersProperties.TerminalType.PaymentPage
                ? baseUrl() + "orders-api/pay/" + order.orderId()
                : null;
        return ResponseEntity.status(HttpStatus.CREATED).body(OrdersJson.created(order, page));
    }

    @GetMapping("/merchants/{merchantId}/orders")
    Map<String, Object> find(
            @PathVariable String merchantId,
            @RequestParam(required = false) String merchantReference,
            HttpServletRequest request) {
        authorize(request, merchantId);
        if (merchantReference == null || merchantReference.isBlank()) {
            throw OrdersApiException.invalid("merchantReference", "merchantReference is required");
        }
        return Map.of(
                "orders",
                orders.byReference(merchantId, merchantReference).map(this::status).stream()
                        .toList());
    }

    @GetMapping("/merchants/{merchantId}/refunds")
    Map<String, Object> findRefunds(
            @PathVariable String merchantId,
            @RequestParam(required = false) String merchantReference,
            HttpServletRequest request) {
        authorize(request, merchantId);
        if (merchantReference == null || merchantReference.isBlank()) {
            throw OrdersApiException.invalid("merchantReference", "merchantReference is required");
        }
        return Map.of("refunds", orders.refundsByReference(merchantId, merchantReference));
    }

    @GetMapping("/merchants/{merchantId}/orders/{orderId}/status")
    Map<String, Object> status(
            @PathVariable String merchantId, @PathVariable String orderId, HttpServletRequest request) {
        authorize(request, merchantId);
        return status(orders.order(merchantId, orderId));
    }

    @GetMapping("/merchants/{merchantId}/orders/{orderId}/tokens")
    Map<String, Object> tokens(
            @PathVariable String merchantId, @PathVariable String orderId, HttpServletRequest request) {
        authorize(request, merchantId);
        return OrdersJson.tokens(orders.tokens(merchantId, orderId));
    }

    @PostMapping("/merchants/{merchantId}/orders/{orderId}/refunds")
    ResponseEntity<Map<String, Object>> refund(
            @PathVariable String merchantId,
            @PathVariable String orderId,
            @RequestBody(required = false) String body,
            HttpServletRequest request) {
        authorize(request, merchantId);
        Order.Refund refund = orders.refund(merchantId, orderId, OrdersRequests.refund(OrdersRequests.parse(body)));
        return ResponseEntity.status(HttpStatus.CREATED).body(OrdersJson.refund(refund));
    }

    @PostMapping("/merchants/{merchantId}/orders/{orderId}/cancel")
    Map<String, Object> cancel(
            @PathVariable String merchantId, @PathVariable String orderId, HttpServletRequest request) {
        authorize(request, merchantId);
        return status(orders.cancel(merchantId, orderId));
    }

    @DeleteMapping("/merchants/{merchantId}/tokens/{tokenId}")
    ResponseEntity<Void> deleteToken(
            @PathVariable String merchantId, @PathVariable String tokenId, HttpServletRequest request) {
        authorize(request, merchantId);
        orders.deleteToken(merchantId, tokenId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/payments")
    Map<String, Object> pay(@RequestBody(required = false) String body, HttpServletRequest request) {
        String merchantId = authenticate(request);
        Order order = orders.pay(merchantId, OrdersRequests.payment(OrdersRequests.parse(body)));
        String redirect =
                "PENDING_3DS".equals(order.paymentStatus()) ? baseUrl() + "orders-api/3ds/" + order.paymentId() : null;
        return OrdersJson.payment(order, redirect);
    }

    private Map<String, Object> status(Order order) {
        return OrdersJson.status(order, baseUrl() + "orders-api/3ds/" + order.paymentId());
    }

    /** The merchant the three headers authenticate; 401 otherwise. */
    private String authenticate(HttpServletRequest request) {
        String merchantId = request.getHeader("MERCHANT-ID");
        String key = request.getHeader("API-KEY");
        String secret = request.getHeader("API-SECRET");
        for (String[] header :
                List.of(new String[] {"MERCHANT-ID", merchantId}, new String[] {"API-KEY", key}, new String[] {
                    "API-SECRET", secret
                })) {
            if (header[1] == null || header[1].isBlank()) {
                throw new OrdersApiException(
                        401, "UNAUTHORIZED", "the " + header[0] + " header is required", null, null);
            }
        }
        if (properties.authenticate(merchantId, key, secret).isEmpty()) {
            throw new OrdersApiException(
                    401, "UNAUTHORIZED", "unknown merchant or wrong API-KEY/API-SECRET", null, null);
        }
        return merchantId;
    }

    /** Authenticated, and the path's merchant is the caller; 403 otherwise. */
    private void authorize(HttpServletRequest request, String pathMerchantId) {
        String merchantId = authenticate(request);
        if (!merchantId.equals(pathMerchantId)) {
            throw new OrdersApiException(
                    403,
                    "FORBIDDEN",
                    "MERCHANT-ID " + merchantId + " may not act for merchant " + pathMerchantId,
                    null,
                    null);
        }
    }

    private String baseUrl() {
        if (sandbox.publicBaseUrl() != null) {
            return sandbox.publicBaseUrl().toString();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + "/";
    }
}

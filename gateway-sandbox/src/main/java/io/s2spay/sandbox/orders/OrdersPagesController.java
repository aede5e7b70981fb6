package io.s2spay.sandbox.orders;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's pages: the hosted payment page of a PaymentPage order and the 3-D Secure challenge. Each ends with
 * a 302 to the order's returnUrl carrying {@code orderId} and {@code status} (a page with the outcome when the order
 * has no returnUrl).
 */
@RestController
class OrdersPagesController {

    private final OrdersService orders;
    private final OrdersStore store;

    OrdersPagesController(OrdersService orders, OrdersStore store) {
        this.orders = orders;
        this.store = store;
    }

    @GetMapping("/orders-api/pay/{orderId}")
    ResponseEntity<String> paymentPage(@PathVariable String orderId) {
        Optional<Order> order =
                store.order(orderId).filter(o -> o.terminalType() == OrdersProperties.TerminalType.PaymentPage);
        if (order.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, OrdersPages.message("Payment", "Unknown order", null));
        }
        if (order.get().status() != OrderStatus.CREATED) {
            return finished(order.get());
        }
        return page(HttpStatus.OK, OrdersPages.paymentPage(order.get(), null));
    }

    @PostMapping(path = "/orders-api/pay/{orderId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submitPayment(
            @PathVariable String orderId,
            @RequestParam(defaultValue = "pay") String action,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) String expiryMonth,
            @RequestParam(required = false) String expiryYear,
            @RequestParam(required = false) String cvc,
            @RequestParam(required = false) String holderName) {
        Optional<Order> found =
                store.order(orderId).filter(o -> o.terminalType() == OrdersProperties.TerminalType.PaymentPage);
        if (found.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, OrdersPages.message("Payment", "Unknown order", null));
        }
        if (found.get().status() != OrderStatus.CREATED) {
            return finished(found.get());
        }
        try {
            Order order;
            if ("cancel".equals(action)) {
                order = orders.cancelOnPage(orderId);
            } else {
                order = orders.payOnPage(
                        orderId,
                        new OrdersRequests.CardInput(
                                number == null ? "" : number.replace(" ", ""),
                                parse(expiryMonth),
                                parse(expiryYear),
                                cvc == null || cvc.isBlank() ? null : cvc,
                                holderName == null || holderName.isBlank() ? null : holderName));
            }
            if (order.status() == OrderStatus.PAYMENT_PENDING) {
                return redirect("/orders-api/3ds/" + order.paymentId());
            }
            return finished(order);
        } catch (OrdersApiException e) {
            if (e.status() == 409) {
                return finished(store.order(orderId).orElseThrow());
            }
            return page(HttpStatus.BAD_REQUEST, OrdersPages.paymentPage(found.get(), e.getMessage()));
        }
    }

    @GetMapping("/orders-api/3ds/{paymentId}")
    ResponseEntity<String> challenge(@PathVariable String paymentId) {
        Optional<Order> order = orders.challenged(paymentId);
        if (order.isEmpty()) {
            return page(
                    HttpStatus.NOT_FOUND, OrdersPages.message("3-D Secure", "Unknown authentication session", null));
        }
        if (order.get().status() != OrderStatus.PAYMENT_PENDING) {
            return finished(order.get());
        }
        return page(HttpStatus.OK, OrdersPages.challenge(order.get()));
    }

    @PostMapping(path = "/orders-api/3ds/{paymentId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> completeChallenge(
            @PathVariable String paymentId, @RequestParam(required = false) String action) {
        if (orders.challenged(paymentId).isEmpty()) {
            return page(
                    HttpStatus.NOT_FOUND, OrdersPages.message("3-D Secure", "Unknown authentication session", null));
        }
        if (!"approve".equals(action) && !"fail".equals(action) && !"cancel".equals(action)) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    OrdersPages.message("3-D Secure", "action must be approve, fail or cancel", null));
        }
        return finished(orders.completeChallenge(paymentId, action));
    }

    /** The order is past the customer's part: back to the shop with the outcome. */
    private static ResponseEntity<String> finished(Order order) {
        if (order.returnUrl() == null) {
            return page(
                    HttpStatus.OK,
                    OrdersPages.message(
                            "Payment", "The order's status is " + order.status().name(), null));
        }
        return redirect(returnUrl(order));
    }

    static String returnUrl(Order order) {
        String url = order.returnUrl();
        return url + (url.contains("?") ? "&" : "?") + "orderId="
                + URLEncoder.encode(order.orderId(), StandardCharsets.UTF_8) + "&status="
                + order.status().name();
    }

    private static int parse(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ResponseEntity<String> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, location)
                .build();
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }
}

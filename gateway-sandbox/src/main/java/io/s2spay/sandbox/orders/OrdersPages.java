package io.s2spay.sandbox.orders;

import org.springframework.web.util.HtmlUtils;

/** The HTML of the orders API's customer-facing pages (hosted payment page, 3-D Secure challenge); values escaped. */
final class OrdersPages {

    private static final String STYLE = "body{font-family:sans-serif;max-width:32rem;margin:3rem auto;color:#222}"
            + "button{font-size:1rem;margin:.3rem;padding:.5rem 1rem}.approve{background:#2a7}.fail{background:#d54}"
            + "label{display:block;margin:.4rem 0}.error{color:#b00}"
            + "dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}";

    private OrdersPages() {}

    static String paymentPage(Order order, String error) {
        return layout(
                "Payment",
                "<h1>Pay your order</h1>" + summary(order)
                        + (error == null ? "" : "<p class=\"error\" id=\"error\">" + esc(error) + "</p>")
                        + "<form id=\"payment\" method=\"POST\" action=\"/orders-api/pay/" + esc(order.orderId())
                        + "\">"
                        + field("Card number", "number") + field("Expiry month", "expiryMonth")
                        + field("Expiry year", "expiryYear") + field("CVC", "cvc")
                        + field("Name on card", "holderName")
                        + "<button class=\"approve\" type=\"submit\" name=\"action\" value=\"pay\">Pay</button>"
                        + "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>");
    }

    static String challenge(Order order) {
        String card = order.card() == null ? "" : order.card().maskedPan();
        return layout(
                "3-D Secure authentication",
                "<h1>3-D Secure authentication</h1>"
                        + "<p>Your card issuer asks you to confirm this payment (sandbox ACS, no real bank).</p>"
                        + summary(order) + "<dl><dt>Card</dt><dd>" + esc(card) + "</dd></dl>"
                        + "<form id=\"challenge\" method=\"POST\" action=\"/orders-api/3ds/" + esc(order.paymentId())
                        + "\">"
                        + "<button class=\"approve\" type=\"submit\" name=\"action\" value=\"approve\">Approve</button>"
                        + "<button class=\"fail\" type=\"submit\" name=\"action\" value=\"fail\">Fail</button>"
                        + "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>");
    }

    static String message(String heading, String text, String returnUrl) {
        return layout(
                heading,
                "<h1>" + esc(heading) + "</h1><p>" + esc(text) + "</p>"
                        + (returnUrl == null
                                ? ""
                                : "<p><a id=\"return\" href=\"" + esc(returnUrl) + "\">Return to the shop</a></p>"));
    }

    private static String summary(Order order) {
        return "<dl><dt>Order</dt><dd>" + esc(order.orderId()) + "</dd><dt>Amount</dt><dd>" + order.totalAmount()
                + " (minor units, currency " + esc(order.currency()) + ")</dd></dl>";
    }

    private static String field(String label, String name) {
        return "<label>" + esc(label) + " <input type=\"text\" name=\"" + name + "\"></label>";
    }

    private static String layout(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + STYLE + "</style></head><body>" + body + "</body></html>";
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}

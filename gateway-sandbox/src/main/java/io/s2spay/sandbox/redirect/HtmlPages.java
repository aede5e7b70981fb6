package io.s2spay.sandbox.redirect;

import io.s2spay.sandbox.gateway.Transaction;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/** The HTML of the sandbox's shopper-facing pages; every value shown is escaped. */
final class HtmlPages {

    private static final String STYLE = "body{font-family:sans-serif;max-width:32rem;margin:3rem auto;color:#222}"
            + "button{font-size:1rem;margin:.3rem;padding:.5rem 1rem}.approve{background:#2a7}.fail{background:#d54}"
            + "dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}";

    private HtmlPages() {}

    static String challenge(Transaction tx, String token) {
        String card =
                tx.card() == null ? "" : tx.card().bin() + "******" + tx.card().last4Digits();
        return layout(
                "3-D Secure authentication",
                "<h1>3-D Secure authentication</h1>"
                        + "<p>Your card issuer asks you to confirm this payment (sandbox ACS, no real bank).</p>"
                        + "<dl><dt>Merchant</dt><dd>" + esc(tx.descriptor()) + "</dd><dt>Amount</dt><dd>"
                        + esc(RedirectPagesController.amount(tx)) + "</dd><dt>Card</dt><dd>" + esc(card) + "</dd></dl>"
                        + "<form id=\"challenge\" method=\"POST\" action=\"/connectors/threeds/challenge/complete\">"
                        + "<input type=\"hidden\" name=\"threeDSSessionData\" value=\"" + esc(token) + "\">"
                        + buttons() + "</form>");
    }

    static String bank(Transaction tx, String token) {
        String brand = tx.paymentBrand().name().toLowerCase(Locale.ROOT);
        return layout(
                "Online banking",
                "<h1>Online banking: " + esc(tx.paymentBrand().name()) + "</h1>"
                        + "<p>Confirm the transfer in your bank (sandbox bank, no real account).</p>"
                        + "<dl><dt>Payee</dt><dd>" + esc(tx.descriptor()) + "</dd><dt>Amount</dt><dd>"
                        + esc(RedirectPagesController.amount(tx)) + "</dd></dl>"
                        + "<form id=\"transfer\" method=\"POST\" action=\"/connectors/bank/" + esc(brand)
                        + "/complete\">"
                        + "<input type=\"hidden\" name=\"sessionId\" value=\"" + esc(token) + "\">"
                        + buttons() + "</form>");
    }

    static String message(String title, String heading, String text, String returnUrl) {
        return layout(
                title,
                "<h1>" + esc(heading) + "</h1><p>" + esc(text) + "</p>"
                        + (returnUrl == null
                                ? ""
                                : "<p><a id=\"return\" href=\"" + esc(returnUrl) + "\">Return to the shop</a></p>"));
    }

    private static String buttons() {
        return "<button class=\"approve\" type=\"submit\" name=\"action\" value=\"approve\">Approve</button>"
                + "<button class=\"fail\" type=\"submit\" name=\"action\" value=\"fail\">Fail</button>"
                + "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button>";
    }

    private static String layout(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + STYLE + "</style></head><body>" + body + "</body></html>";
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}

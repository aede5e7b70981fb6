package io.s2spay.sandbox.tokens;

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
import org.springframework.web.util.HtmlUtils;

/**
 * The issuer's 3-D Secure page a {@code requires_action} payment's {@code redirect_url} opens (no key: the shopper's
 * browser opens it). Approve, Fail or Cancel ends with a 302 to the payment's {@code return_url} with
 * {@code payment_id} and {@code status=succeeded|failed}.
 */
@RestController
class TokensThreeDsController {

    private final TokensPaymentService payments;
    private final TokensStore store;

    TokensThreeDsController(TokensPaymentService payments, TokensStore store) {
        this.payments = payments;
        this.store = store;
    }

    @GetMapping("/tokens-api/3ds/{paymentId}")
    ResponseEntity<String> page(@PathVariable String paymentId) {
        Optional<TokensPayment> found = store.payment(paymentId);
        if (found.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, message("Unknown authentication", "This payment does not exist."));
        }
        TokensPayment payment = found.get();
        if (payment.status() != TokensPayment.Status.REQUIRES_ACTION) {
            return html(
                    HttpStatus.CONFLICT,
                    message("Authentication finished", "This payment is " + payment.status().apiName + " already."));
        }
        return html(HttpStatus.OK, challenge(payment));
    }

    @PostMapping("/tokens-api/3ds/{paymentId}")
    ResponseEntity<String> complete(@PathVariable String paymentId, @RequestParam(required = false) String action) {
        if (!"approve".equals(action) && !"fail".equals(action) && !"cancel".equals(action)) {
            return html(HttpStatus.BAD_REQUEST, message("Invalid choice", "Choose approve, fail or cancel."));
        }
        Optional<TokensPayment> before = store.payment(paymentId);
        if (before.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, message("Unknown authentication", "This payment does not exist."));
        }
        if (before.get().status() != TokensPayment.Status.REQUIRES_ACTION) {
            return html(
                    HttpStatus.CONFLICT,
                    message(
                            "Authentication finished",
                            "This payment is " + before.get().status().apiName + " already."));
        }
        TokensPayment after = payments.completeChallenge(paymentId, action).orElseThrow();
        String returnUrl = after.returnUrl() + (after.returnUrl().contains("?") ? "&" : "?") + "payment_id="
                + URLEncoder.encode(after.id(), StandardCharsets.UTF_8) + "&status=" + after.status().apiName;
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, returnUrl)
                .build();
    }

    private static String challenge(TokensPayment payment) {
        return layout(
                "3-D Secure authentication",
                "<h1>3-D Secure authentication</h1>"
                        + "<p>Your card issuer asks you to confirm this payment (sandbox issuer, no real bank).</p>"
                        + "<dl><dt>Amount</dt><dd>" + esc(payment.amount() + " " + payment.currency())
                        + " (minor units)"
                        + "</dd><dt>Card</dt><dd>"
                        + esc(payment.card().brand() + " •••• " + payment.card().last4())
                        + "</dd></dl>"
                        + "<form id=\"challenge\" method=\"POST\" action=\"/tokens-api/3ds/" + esc(payment.id()) + "\">"
                        + "<button type=\"submit\" name=\"action\" value=\"approve\">Approve</button>"
                        + "<button type=\"submit\" name=\"action\" value=\"fail\">Fail</button>"
                        + "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>");
    }

    private static String message(String heading, String text) {
        return layout(heading, "<h1>" + esc(heading) + "</h1><p>" + esc(text) + "</p>");
    }

    private static String layout(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title></head><body>" + body + "</body></html>";
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(body);
    }
}

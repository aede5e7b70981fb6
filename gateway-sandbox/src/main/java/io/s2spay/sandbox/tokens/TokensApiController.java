package io.s2spay.sandbox.tokens;

import io.s2spay.sandbox.SandboxProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The tokens API (seed 004) under {@code /tokens-api/v1}: tokens, payments, refunds and saved cards. JSON only. */
@RestController
@RequestMapping(path = "/tokens-api/v1", produces = "application/json")
class TokensApiController {

    private final TokensAuthenticator auth;
    private final TokensPaymentService payments;
    private final TokensStore store;
    private final SandboxProperties sandbox;

    TokensApiController(
            TokensAuthenticator auth, TokensPaymentService payments, TokensStore store, SandboxProperties sandbox) {
        this.auth = auth;
        this.payments = payments;
        this.store = store;
        this.sandbox = sandbox;
    }

    @PostMapping("/tokens")
    Map<String, Object> createToken(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        String account = auth.anyKey(authorization);
        return TokensJson.token(payments.tokenize(account, TokensRequests.body(body)));
    }

    @PostMapping("/payments")
    Map<String, Object> createPayment(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body,
            HttpServletRequest request) {
        String account = auth.secretKey(authorization);
        TokensPayment payment = payments.pay(account, TokensRequests.body(body), baseUrl(request));
        if (payment.status() == TokensPayment.Status.FAILED) {
            throw TokensApiException.paymentFailed(payment);
        }
        return TokensJson.payment(payment);
    }

    @GetMapping("/payments/{id}")
    Map<String, Object> payment(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        String account = auth.secretKey(authorization);
        return TokensJson.payment(store.payment(account, id).orElseThrow(() -> TokensApiException.notFound("id", id)));
    }

    /** The payments with a reference: a list of one, or empty when the API holds none under it. */
    @GetMapping("/payments")
    Map<String, Object> paymentsByReference(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String reference) {
        String account = auth.secretKey(authorization);
        if (reference == null || reference.isBlank()) {
            throw TokensApiException.missing("reference");
        }
        return list(store.paymentByReference(account, reference).map(TokensJson::payment).stream()
                .toList());
    }

    @PostMapping("/refunds")
    Map<String, Object> createRefund(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) String body) {
        String account = auth.secretKey(authorization);
        return TokensJson.refund(payments.refund(account, TokensRequests.body(body)));
    }

    @GetMapping("/refunds/{id}")
    Map<String, Object> refund(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        String account = auth.secretKey(authorization);
        return TokensJson.refund(store.refund(account, id).orElseThrow(() -> TokensApiException.notFound("id", id)));
    }

    /** The refunds with a reference, or of a payment. */
    @GetMapping("/refunds")
    Map<String, Object> refunds(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String reference,
            @RequestParam(name = "payment_id", required = false) String paymentId) {
        String account = auth.secretKey(authorization);
        if (reference != null && !reference.isBlank()) {
            return list(store.refundByReference(account, reference).map(TokensJson::refund).stream()
                    .toList());
        }
        if (paymentId != null && !paymentId.isBlank()) {
            store.payment(account, paymentId).orElseThrow(() -> TokensApiException.notFound("payment_id", paymentId));
            return list(
                    store.refundsOf(paymentId).stream().map(TokensJson::refund).toList());
        }
        throw TokensApiException.missing("reference");
    }

    @GetMapping("/payment_methods/{id}")
    Map<String, Object> paymentMethod(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        String account = auth.secretKey(authorization);
        return TokensJson.paymentMethod(
                store.paymentMethod(account, id).orElseThrow(() -> TokensApiException.notFound("id", id)));
    }

    @DeleteMapping("/payment_methods/{id}")
    Map<String, Object> detach(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable String id) {
        String account = auth.secretKey(authorization);
        return TokensJson.paymentMethod(payments.detach(account, id));
    }

    private static Map<String, Object> list(List<Map<String, Object>> data) {
        return Map.of("object", "list", "data", data);
    }

    private String baseUrl(HttpServletRequest request) {
        if (sandbox.publicBaseUrl() != null) {
            return sandbox.publicBaseUrl().toString();
        }
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path("/")
                .build()
                .toUriString();
    }
}

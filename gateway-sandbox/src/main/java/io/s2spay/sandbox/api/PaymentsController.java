package io.s2spay.sandbox.api;

import io.s2spay.sandbox.SandboxProperties;
import io.s2spay.sandbox.gateway.BackOfficeRequest;
import io.s2spay.sandbox.gateway.GatewayBackOfficeService;
import io.s2spay.sandbox.gateway.GatewayPaymentService;
import io.s2spay.sandbox.gateway.GatewayResultCodes;
import io.s2spay.sandbox.gateway.Ids;
import io.s2spay.sandbox.gateway.MerchantAccount;
import io.s2spay.sandbox.gateway.OppRejection;
import io.s2spay.sandbox.gateway.PaymentJson;
import io.s2spay.sandbox.gateway.PaymentRequest;
import io.s2spay.sandbox.gateway.Registration;
import io.s2spay.sandbox.gateway.Transaction;
import io.s2spay.sandbox.gateway.TransactionStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The OPP server-to-server API: payments, back-office operations, payment status (rate limited), the unlimited
 * query endpoint and registrations. Processed transactions answer 200 whatever their result; refused requests 4xx.
 */
@RestController
class PaymentsController {

    private final OppAuthenticator authenticator;
    private final OppRequestParser parser;
    private final GatewayPaymentService payments;
    private final GatewayBackOfficeService backOffice;
    private final TransactionStore store;
    private final StatusRequestLimiter statusLimiter;
    private final SandboxProperties properties;
    private final Clock clock;

    PaymentsController(
            OppAuthenticator authenticator,
            OppRequestParser parser,
            GatewayPaymentService payments,
            GatewayBackOfficeService backOffice,
            TransactionStore store,
            StatusRequestLimiter statusLimiter,
            SandboxProperties properties,
            Clock clock) {
        this.authenticator = authenticator;
        this.parser = parser;
        this.payments = payments;
        this.backOffice = backOffice;
        this.store = store;
        this.statusLimiter = statusLimiter;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/v1/payments")
    Map<String, Object> pay(HttpServletRequest request) {
        MerchantAccount merchant = authenticator.merchant(request);
        Map<String, String> params = FormParameters.body(request);
        authenticator.checkEntity(merchant, params.get("entityId"));
        PaymentRequest payment = parser.payment(params, false);
        return PaymentJson.payment(payments.pay(merchant, payment, baseUrl(request)));
    }

    @PostMapping("/v1/payments/{id}")
    Map<String, Object> backOffice(@PathVariable String id, HttpServletRequest request) {
        MerchantAccount merchant = authenticator.merchant(request);
        Map<String, String> params = FormParameters.body(request);
        authenticator.checkEntity(merchant, params.get("entityId"));
        requireId(id);
        BackOfficeRequest operation = parser.backOffice(params);
        return PaymentJson.payment(backOffice.execute(id, operation, false));
    }

    @GetMapping("/v1/payments/{id}")
    ResponseEntity<Map<String, Object>> status(@PathVariable String id, HttpServletRequest request) {
        MerchantAccount merchant = authenticator.merchant(request);
        String entityId = FormParameters.query(request).get("entityId");
        authenticator.checkEntity(merchant, entityId);
        requireId(id);
        Transaction tx = store.find(id, entityId)
                .orElseThrow(() -> new OppRejection(404, GatewayResultCodes.TRANSACTION_NOT_FOUND));
        Optional<Duration> retryAfter = statusLimiter.acquire(id);
        if (retryAfter.isPresent()) {
            return ResponseEntity.status(429)
                    .header(
                            HttpHeaders.RETRY_AFTER,
                            String.valueOf(Math.max(1, retryAfter.get().toSeconds() + 1)))
                    .body(PaymentJson.resultOnly(
                            GatewayResultCodes.THROTTLED, List.of(), PaymentJson.ndc(entityId), clock.instant()));
        }
        return ResponseEntity.ok(PaymentJson.payment(tx));
    }

    @GetMapping("/v1/query/{id}")
    Map<String, Object> queryById(@PathVariable String id, HttpServletRequest request) {
        MerchantAccount merchant = authenticator.merchant(request);
        String entityId = FormParameters.query(request).get("entityId");
        authenticator.checkEntity(merchant, entityId);
        requireId(id);
        return PaymentJson.payment(store.find(id, entityId)
                .orElseThrow(() -> new OppRejection(404, GatewayResultCodes.TRANSACTION_NOT_FOUND)));
    }

    @GetMapping("/v1/query")
    Map<String, Object> queryByMerchantTransactionId(HttpServletRequest request) {
        MerchantAccount merchant = authenticator.merchant(request);
        Map<String, String> params = FormParameters.query(request);
        String entityId = params.get("entityId");
        authenticator.checkEntity(merchant, entityId);
        String merchantTransactionId = params.get("merchantTransactionId");
        if (merchantTransactionId == null || merchantTransactionId.isEmpty()) {
            throw OppRejection.invalidParameter("merchantTransactionId", merchantTransactionId, "may not be empty");
        }
        List<Transaction> found = store.byMerchantTransactionId(entityId, merchantTransactionId);
        if (found.isEmpty()) {
            throw new OppRejection(404, GatewayResultCodes.TRANSACTION_NOT_FOUND);
        }
        List<Map<String, Object>> paymentsJson = new ArrayList<>(found.size());
        found.forEach(tx -> paymentsJson.add(PaymentJson.payment(tx)));
        Map<String, Object> json = new LinkedHashMap<>(PaymentJson.resultOnly(
                GatewayResultCodes.SUCCESS_QUERY, List.of(), PaymentJson.ndc(entityId), clock.instant()));
        json.put("payments", paymentsJson);
        return json;
    }

    @PostMapping("/v1/registrations/{id}/payments")
    Map<String, Object> payWithRegistration(@PathVariable String id, HttpServletRequest request) {
        MerchantAccount merchant = authenticator.merchant(request);
        Map<String, String> params = FormParameters.body(request);
        authenticator.checkEntity(merchant, params.get("entityId"));
        PaymentRequest payment = parser.payment(params, true);
        return PaymentJson.payment(payments.payWithRegistration(merchant, id, payment, baseUrl(request)));
    }

    @DeleteMapping("/v1/registrations/{id}")
    Map<String, Object> deregister(@PathVariable String id, HttpServletRequest request) {
        MerchantAccount merchant = authenticator.merchant(request);
        String entityId = FormParameters.query(request).get("entityId");
        authenticator.checkEntity(merchant, entityId);
        Registration registration = payments.deregister(merchant, id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Ids.next());
        json.put("referencedId", registration.id());
        json.putAll(PaymentJson.resultOnly(
                merchant.successCode(), List.of(), PaymentJson.ndc(entityId), registration.updatedAt()));
        return json;
    }

    private String baseUrl(HttpServletRequest request) {
        if (properties.publicBaseUrl() != null) {
            return properties.publicBaseUrl().toString();
        }
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path("/")
                .build()
                .toUriString();
    }

    private static void requireId(String id) {
        if (!Ids.isId(id)) {
            throw OppRejection.badRequest(GatewayResultCodes.INVALID_UNIQUE_ID);
        }
    }
}

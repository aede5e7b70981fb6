package io.s2spay.sandbox.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OPP JSON representation of transactions and results, as the API, notifications and operator endpoints send it. */
public final class PaymentJson {

    /** Like OPP's build numbers: a commit hash and the build time. */
    public static final String BUILD_NUMBER = "5d4d5cf1b1e4b5d0cfb4d9ee4e8e3a1d7f1b2c3a@2026-11-20 04:35:03 +0000";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private PaymentJson() {}

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A transaction as {@code POST/GET /v1/payments} answer it, including buildNumber, timestamp and ndc. */
    public static Map<String, Object> payment(Transaction tx) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tx.id());
        if (tx.registrationId() != null) {
            json.put("registrationId", tx.registrationId());
        }
        if (tx.referencedId() != null) {
            json.put("referencedId", tx.referencedId());
        }
        json.put("paymentType", tx.paymentType().name());
        json.put("paymentBrand", tx.paymentBrand().name());
        json.put("amount", Amounts.format(tx.amountMinor(), tx.currency()));
        json.put("currency", tx.currency());
        json.put("descriptor", tx.descriptor());
        if (tx.merchantTransactionId() != null) {
            json.put("merchantTransactionId", tx.merchantTransactionId());
        }
        json.put("result", result(tx.resultCode(), List.of()));
        CardData card = tx.card();
        if (card != null) {
            Map<String, Object> cardJson = new LinkedHashMap<>();
            cardJson.put("bin", card.bin());
            cardJson.put("last4Digits", card.last4Digits());
            if (card.holder() != null) {
                cardJson.put("holder", card.holder());
            }
            cardJson.put("expiryMonth", card.expiryMonth());
            cardJson.put("expiryYear", card.expiryYear());
            json.put("card", cardJson);
        }
        StandingInstruction si = tx.standingInstruction();
        if (si != null) {
            Map<String, Object> siJson = new LinkedHashMap<>();
            siJson.put("source", si.source());
            siJson.put("type", si.type());
            siJson.put("mode", si.mode());
            if (si.initialTransactionId() != null) {
                siJson.put("initialTransactionId", si.initialTransactionId());
            }
            json.put("standingInstruction", siJson);
        }
        RedirectInfo redirect = tx.redirect();
        if (redirect != null) {
            Map<String, Object> redirectJson = new LinkedHashMap<>();
            redirectJson.put("url", redirect.url());
            redirectJson.put("method", redirect.method());
            List<Map<String, String>> parameters = new ArrayList<>();
            for (RedirectInfo.Parameter parameter : redirect.parameters()) {
                parameters.add(Map.of("name", parameter.name(), "value", parameter.value()));
            }
            redirectJson.put("parameters", parameters);
            json.put("redirect", redirectJson);
        }
        json.put("buildNumber", BUILD_NUMBER);
        json.put("timestamp", timestamp(tx.updatedAt()));
        json.put("ndc", tx.ndc());
        return json;
    }

    public static Map<String, Object> result(String code, List<OppRejection.ParameterError> parameterErrors) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("code", code);
        result.put("description", GatewayResultCodes.describe(code));
        if (!parameterErrors.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (OppRejection.ParameterError error : parameterErrors) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", error.name());
                item.put("value", error.value());
                item.put("message", error.message());
                errors.add(item);
            }
            result.put("parameterErrors", errors);
        }
        return result;
    }

    /** A response that carries only a result (errors, query lists, deregistrations). */
    public static Map<String, Object> resultOnly(
            String code, List<OppRejection.ParameterError> errors, String ndc, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", result(code, errors));
        json.put("buildNumber", BUILD_NUMBER);
        json.put("timestamp", timestamp(now));
        json.put("ndc", ndc);
        return json;
    }

    public static String ndc(String entityId) {
        return (entityId == null ? "unknown" : entityId) + "_" + Ids.randomHex();
    }
}

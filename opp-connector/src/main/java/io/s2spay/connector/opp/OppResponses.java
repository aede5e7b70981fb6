package io.s2spay.connector.opp;

import io.s2spay.domain.money.InvalidAmountException;
import io.s2spay.domain.money.MoneyAmounts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads OPP's JSON answers (payments, query lists, webhook payloads) into {@link OppTransaction}s. */
final class OppResponses {

    private static final Logger log = LoggerFactory.getLogger(OppResponses.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** OPP writes "2026-11-21 08:35:11+0000", sometimes with milliseconds. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendPattern("Z")
            .toFormatter();

    private OppResponses() {}

    /** The JSON document in {@code body}, or null when it is not a JSON object. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** OPP's {@code result.code} of a document, or null. */
    static String resultCode(JsonNode document) {
        return text(document.path("result"), "code");
    }

    /** OPP's {@code result.description} of a document, or null. */
    static String resultDescription(JsonNode document) {
        return text(document.path("result"), "description");
    }

    /** True when the document describes a transaction (it has the gateway's {@code id}) rather than a refused request. */
    static boolean isTransaction(JsonNode document) {
        return text(document, "id") != null;
    }

    /** The transaction a payment document describes, classified by its result code. */
    static OppTransaction transaction(JsonNode payment, String fallbackMerchantTransactionId) {
        String code = resultCode(payment);
        ResultCategory category = OppResultCodes.classify(code);
        OppOutcome outcome = OppResultCodes.outcomeOf(code);
        String currency = text(payment, "currency");
        String merchantTransactionId = text(payment, "merchantTransactionId");
        return new OppTransaction(
                outcome,
                category,
                text(payment, "id"),
                text(payment, "paymentType"),
                code,
                resultDescription(payment),
                amount(text(payment, "amount"), currency),
                currency,
                merchantTransactionId != null ? merchantTransactionId : fallbackMerchantTransactionId,
                card(payment),
                redirect(payment.path("redirect")),
                text(payment, "registrationId"),
                timestamp(text(payment, "timestamp")),
                category == ResultCategory.UNCLASSIFIED ? "result code " + code + " matches no documented group" : null,
                text(payment, "paymentBrand"),
                text(payment, "referencedId"),
                text(payment.path("standingInstruction"), "initialTransactionId"));
    }

    /** The transactions listed by a query answer ({@code payments[]}), or the single one it describes. */
    static List<OppTransaction> transactions(JsonNode document, String fallbackMerchantTransactionId) {
        List<OppTransaction> transactions = new ArrayList<>();
        JsonNode payments = document.path("payments");
        if (payments.isArray()) {
            for (JsonNode payment : payments.values()) {
                if (payment.isObject()) {
                    transactions.add(transaction(payment, fallbackMerchantTransactionId));
                }
            }
        } else if (isTransaction(document)) {
            transactions.add(transaction(document, fallbackMerchantTransactionId));
        }
        return transactions;
    }

    /**
     * The transaction that tells the truth about an attempt among all those the gateway holds under one
     * merchantTransactionId: money that moved (or may still move) outranks rejections such as a blocked duplicate,
     * and the latest wins among equals.
     */
    static OppTransaction mostSignificant(List<OppTransaction> transactions) {
        Comparator<OppTransaction> byRank = Comparator.comparingInt(OppResponses::rank);
        Comparator<OppTransaction> byTime =
                Comparator.comparing(OppTransaction::timestamp, Comparator.nullsFirst(Comparator.naturalOrder()));
        return transactions.stream().max(byRank.thenComparing(byTime)).orElseThrow();
    }

    private static int rank(OppTransaction transaction) {
        return switch (transaction.outcome()) {
            case SUCCEEDED -> 4;
            case PENDING -> 3;
            case UNKNOWN -> 2;
            case DECLINED, FAILED -> 1;
        };
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    private static Long amount(String amount, String currency) {
        if (amount == null || currency == null) {
            return null;
        }
        try {
            return MoneyAmounts.parseMinorUnits(amount, currency);
        } catch (InvalidAmountException e) {
            log.warn(
                    "OPP answered with an amount that does not fit its currency: {} {} ({})",
                    amount,
                    currency,
                    e.getMessage());
            return null;
        }
    }

    private static OppCardSummary card(JsonNode payment) {
        JsonNode card = payment.get("card");
        if (card == null || !card.isObject()) {
            return null;
        }
        return new OppCardSummary(
                text(card, "bin"),
                text(card, "last4Digits"),
                text(card, "holder"),
                integer(text(card, "expiryMonth")),
                integer(text(card, "expiryYear")),
                text(payment, "paymentBrand"));
    }

    private static OppRedirect redirect(JsonNode redirect) {
        if (!redirect.isObject() || text(redirect, "url") == null) {
            return null;
        }
        List<OppRedirect.Parameter> parameters = new ArrayList<>();
        JsonNode list = redirect.path("parameters");
        if (list.isArray()) {
            for (JsonNode parameter : list.values()) {
                String name = text(parameter, "name");
                if (name != null) {
                    String value = text(parameter, "value");
                    parameters.add(new OppRedirect.Parameter(name, value == null ? "" : value));
                }
            }
        }
        return new OppRedirect(text(redirect, "url"), text(redirect, "method"), parameters);
    }

    private static Integer integer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant timestamp(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}

package io.s2spay.checkout.payment;

import io.s2spay.checkout.web.FieldError;
import io.s2spay.checkout.web.InvalidRequestException;
import io.s2spay.domain.money.InvalidAmountException;
import io.s2spay.domain.money.MoneyAmounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of an operation on a payment ({@code {"amount"?, "currency"?, "reference"?}}) against the payment
 * it is about: the amount in the payment's currency with that currency's decimals, above zero; whether the amount
 * fits the balances is the back office's rule, not this one's.
 */
@Component
class OperationRequestValidator {

    private static final Set<String> FIELDS = Set.of("amount", "currency", "reference");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    /** What a merchant may use as its reference: letters, digits and common punctuation, no spaces. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:/#+@\\-]{1,255}");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The operation asked for, or {@link InvalidRequestException} naming every wrong field. */
    OperationRequest validate(OperationType type, PaymentRow payment, byte[] body) {
        JsonNode root = parse(body);
        List<FieldError> errors = new ArrayList<>();
        root.propertyNames().stream()
                .filter(name -> !FIELDS.contains(name))
                .sorted()
                .forEach(name -> errors.add(new FieldError(name, "unknown field")));
        String currency = text(root, "currency", errors);
        if (currency != null && !currency.equals(payment.currency())) {
            errors.add(new FieldError("currency", "must be the payment's currency, " + payment.currency()));
        }
        Long amountMinor = amount(root, payment.currency(), errors);
        if (amountMinor == null && !root.has("amount") && type.amountRule() == OperationType.AmountRule.REQUIRED) {
            errors.add(new FieldError("amount", "is required: a " + type.apiName() + " names the amount to charge"));
        }
        if (amountMinor != null && type.amountRule() == OperationType.AmountRule.NONE) {
            errors.add(new FieldError(
                    "amount", "must not be sent: a " + type.apiName() + " releases the whole authorization"));
        }
        String reference = text(root, "reference", errors);
        if (reference != null && !REFERENCE.matcher(reference).matches()) {
            errors.add(new FieldError("reference", "must be 1 to 255 letters, digits or ._:/#+@-"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new OperationRequest(type, amountMinor, reference);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.createObjectNode(); // every field is optional: an empty body asks for the whole amount
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            String what =
                    e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate")
                            ? "has the same field twice"
                            : "is not valid JSON";
            throw new InvalidRequestException("body", "the request body " + what);
        }
        if (root == null || root.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!root.isObject()) {
            throw new InvalidRequestException("body", "the request body must be a JSON object");
        }
        return root;
    }

    private static String text(JsonNode root, String field, List<FieldError> errors) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.stringValue().isEmpty()) {
            errors.add(new FieldError(field, "must be a non-empty JSON string"));
            return null;
        }
        return value.stringValue();
    }

    private static Long amount(JsonNode root, String currency, List<FieldError> errors) {
        String amount = text(root, "amount", errors);
        if (amount == null) {
            return null;
        }
        if (amount.startsWith("-")) {
            errors.add(new FieldError("amount", "must be greater than zero, not negative"));
            return null;
        }
        if (!DECIMAL.matcher(amount).matches()) {
            errors.add(new FieldError(
                    "amount",
                    "must be a plain decimal number such as \"10.00\""
                            + " (no sign, exponent, spaces or thousands separators)"));
            return null;
        }
        try {
            long minor = MoneyAmounts.parseMinorUnits(amount, currency);
            if (minor <= 0) {
                errors.add(new FieldError("amount", "must be greater than zero"));
                return null;
            }
            return minor;
        } catch (InvalidAmountException e) {
            errors.add(new FieldError("amount", e.getMessage().replace("amount '" + amount + "' ", "amount ")));
            return null;
        }
    }

    /**
     * A validated operation request.
     *
     * @param amountMinor null for the whole amount the operation may take
     */
    record OperationRequest(OperationType type, Long amountMinor, String reference) {}
}

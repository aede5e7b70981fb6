package io.s2spay.checkout.payment;

import io.s2spay.checkout.web.FieldError;
import io.s2spay.checkout.web.InvalidRequestException;
import io.s2spay.domain.brand.PaymentBrand;
import io.s2spay.domain.card.CardNumbers;
import io.s2spay.domain.money.InvalidAmountException;
import io.s2spay.domain.money.MoneyAmounts;
import io.s2spay.schema.PaymentType;
import io.s2spay.vault.CardDetails;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code POST /v1/payments} body and checks every field, collecting all errors so a merchant can fix
 * a request in one go. Messages name the field and what is wrong but never repeat a card number (only its
 * masked form), holder name or security code.
 */
@Component
class PaymentRequestValidator {

    /** Stored-credential agreements: how the merchant will charge a stored card later. */
    static final Set<String> STORED_CREDENTIAL_TYPES = Set.of("UNSCHEDULED", "RECURRING", "INSTALLMENT");

    /**
     * The gateways' ids of a stored card, as s2spay shows them: OPP's registration ids (32 lower-case hex digits,
     * also what other systems send on Kafka), or another family's prefixed ids (the tokens API's saved card
     * {@code pm_…}, the orders API's token {@code ctok_…}).
     */
    static final Pattern STORED_CREDENTIAL_ID = Pattern.compile("[0-9a-f]{32}|[a-z]{2,8}_[A-Za-z0-9]{8,64}");

    /** Letters, digits and the punctuation OPP accepts in references; no spaces or control characters. */
    static final Pattern MERCHANT_TRANSACTION_ID = Pattern.compile("[A-Za-z0-9._:/#+@\\-]{1,255}");

    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MONTH = Pattern.compile("0[1-9]|1[0-2]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");
    private static final int MAX_YEARS_AHEAD = 20;

    private static final Set<String> FIELDS = Set.of(
            "paymentType",
            "amount",
            "currency",
            "paymentBrand",
            "card",
            "merchantTransactionId",
            "descriptor",
            "shopperResultUrl",
            "storeCard",
            "storedCredentialType",
            "storedCredentialId");
    private static final Set<String> CARD_FIELDS = Set.of("number", "holder", "expiryMonth", "expiryYear", "cvv");

    /** Strict about duplicate keys: {@code {"amount":"1.00","amount":"900.00"}} must not be guessed at. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Clock clock;

    PaymentRequestValidator(Clock clock) {
        this.clock = clock;
    }

    /** The validated payment, or {@link InvalidRequestException} listing every error. */
    ValidatedPayment validate(byte[] body) {
        JsonNode root = parse(body);
        Errors errors = new Errors();
        root.propertyNames().stream()
                .filter(name -> !FIELDS.contains(name))
                .sorted()
                .forEach(name -> errors.add(name, "unknown field"));

        PaymentType paymentType = paymentType(root, errors);
        String currency = currency(root, errors);
        Long amount = amount(root, currency, errors);
        String merchantTransactionId = merchantTransactionId(root, errors);
        String descriptor = optionalText(root, "descriptor", 127, errors);
        String shopperResultUrl = shopperResultUrl(root, errors);
        String storedCredentialId = storedCredentialId(root, errors);
        boolean storeCard = flag(root, "storeCard", errors);
        String storedCredentialType = storedCredentialType(root, errors);

        String brandName;
        CardDetails card = null;
        if (storedCredentialId != null || root.has("storedCredentialId")) {
            // a merchant-initiated charge of a stored card: the credential says brand, card and agreement
            brandName = optionalBrand(root, errors);
            refuse(root, "card", "must not be sent with storedCredentialId: the stored card is charged", errors);
            if (storeCard) {
                errors.add(
                        "storeCard",
                        "a stored credential is already stored; storeCard is for a customer-initiated payment");
            }
            refuse(
                    root,
                    "storedCredentialType",
                    "is the stored credential's own; it cannot be changed per charge",
                    errors);
            refuse(
                    root,
                    "shopperResultUrl",
                    "must not be sent with storedCredentialId: a merchant-initiated charge"
                            + " never redirects the shopper",
                    errors);
        } else {
            Optional<PaymentBrand> brand = paymentBrand(root, paymentType, errors);
            brandName = brand.map(Enum::name).orElse(null);
            boolean isCard = brand.map(PaymentBrand::isCard).orElse(true);
            if (isCard) {
                card = card(root, brandName, errors);
            } else {
                refuse(
                        root,
                        "card",
                        "must not be sent for " + brandName + ", a bank transfer: the shopper pays at the"
                                + " bank's page",
                        errors);
                if (storeCard) {
                    errors.add("storeCard", "only a card can be stored, not a " + brandName + " transfer");
                }
            }
            if (storedCredentialType != null && !storeCard) {
                errors.add("storedCredentialType", "is only meaningful with \"storeCard\": true");
            }
            if (shopperResultUrl == null && !root.has("shopperResultUrl")) {
                errors.add(
                        "shopperResultUrl",
                        "is required: a customer-initiated payment may redirect the shopper"
                                + (isCard ? " (3-D Secure)" : " (to the bank)") + ", who comes back to this URL");
            }
        }

        if (!errors.list.isEmpty()) {
            throw new InvalidRequestException(errors.list);
        }
        return new ValidatedPayment(
                paymentType,
                amount,
                currency,
                brandName,
                card,
                merchantTransactionId,
                descriptor,
                shopperResultUrl,
                storeCard,
                storeCard ? (storedCredentialType == null ? "UNSCHEDULED" : storedCredentialType) : null,
                storedCredentialId);
    }

    private static void refuse(JsonNode root, String field, String message, Errors errors) {
        JsonNode value = root.get(field);
        if (value != null && !value.isNull()) {
            errors.add(field, message);
        }
    }

    private static boolean flag(JsonNode root, String field, Errors errors) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(field, "must be a JSON boolean (true or false)");
            return false;
        }
        return value.booleanValue();
    }

    private static String storedCredentialType(JsonNode root, Errors errors) {
        String type = optionalText(root, "storedCredentialType", 16, errors);
        if (type != null && !STORED_CREDENTIAL_TYPES.contains(type)) {
            errors.add(
                    "storedCredentialType",
                    "must be one of "
                            + STORED_CREDENTIAL_TYPES.stream().sorted().toList());
            return null;
        }
        return type;
    }

    private static String storedCredentialId(JsonNode root, Errors errors) {
        String id = optionalText(root, "storedCredentialId", 64, errors);
        if (id != null && !STORED_CREDENTIAL_ID.matcher(id).matches()) {
            errors.add(
                    "storedCredentialId",
                    "must be a stored credential id: 32 lower-case hex digits, or a gateway's prefixed id such as pm_…");
            return null;
        }
        return id;
    }

    private static String optionalBrand(JsonNode root, Errors errors) {
        String brand = optionalText(root, "paymentBrand", 32, errors);
        if (brand != null && PaymentBrand.of(brand).filter(PaymentBrand::isCard).isEmpty()) {
            errors.add(
                    "paymentBrand",
                    "must be a card brand " + PaymentBrand.namesOf(PaymentBrand.Workflow.CARD)
                            + " (or left out: the stored card's brand is used)");
            return null;
        }
        return brand;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("body", "the request body is required: a JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            // the parser's own message may quote the offending token, which may be a card number
            String what =
                    e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate")
                            ? "has the same field twice"
                            : "is not valid JSON";
            throw new InvalidRequestException("body", "the request body " + what + where(e.getLocation()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("body", "the request body must be a JSON object");
        }
        return root;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static PaymentType paymentType(JsonNode root, Errors errors) {
        Optional<String> value = requiredText(root, "paymentType", errors);
        if (value.isEmpty()) {
            return null;
        }
        return switch (value.get()) {
            case "DB" -> PaymentType.DB;
            case "PA" -> PaymentType.PA;
            default -> {
                errors.add("paymentType", "must be DB (debit) or PA (pre-authorization)");
                yield null;
            }
        };
    }

    private static String currency(JsonNode root, Errors errors) {
        Optional<String> value = requiredText(root, "currency", errors);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return MoneyAmounts.currency(value.get()).getCurrencyCode();
        } catch (InvalidAmountException e) {
            errors.add(
                    "currency",
                    value.get().length() > 3 ? "must be an ISO 4217 code of three upper-case letters" : e.getMessage());
            return null;
        }
    }

    private static Long amount(JsonNode root, String currency, Errors errors) {
        Optional<String> value = requiredText(root, "amount", errors);
        if (value.isEmpty()) {
            return null;
        }
        String amount = value.get();
        if (amount.startsWith("-")) {
            errors.add("amount", "must be greater than zero, not negative");
            return null;
        }
        if (!DECIMAL.matcher(amount).matches()) {
            errors.add(
                    "amount",
                    "must be a plain decimal number such as \"92.00\""
                            + " (no sign, exponent, spaces or thousands separators)");
            return null;
        }
        if (currency == null) {
            return null; // the currency error says it all; the exponent cannot be checked without one
        }
        try {
            return MoneyAmounts.parseMinorUnits(amount, currency);
        } catch (InvalidAmountException e) {
            // the amount is not echoed: a mistyped field may hold anything, even a card number
            errors.add("amount", e.getMessage().replace("amount '" + amount + "' ", "amount "));
            return null;
        }
    }

    private static Optional<PaymentBrand> paymentBrand(JsonNode root, PaymentType paymentType, Errors errors) {
        Optional<String> value = requiredText(root, "paymentBrand", errors);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<PaymentBrand> brand = PaymentBrand.of(value.get());
        if (brand.isEmpty()) {
            errors.add(
                    "paymentBrand",
                    "must be one of the supported brands: cards "
                            + PaymentBrand.namesOf(PaymentBrand.Workflow.CARD) + ", bank transfers "
                            + PaymentBrand.namesOf(
                                    PaymentBrand.Workflow.BANK_REDIRECT_INSTANT,
                                    PaymentBrand.Workflow.BANK_REDIRECT_WITH_RECEIPT));
            return Optional.empty();
        }
        if (paymentType != null && !brand.get().allows(paymentType.name())) {
            errors.add(
                    "paymentType",
                    brand.get().name() + " allows only "
                            + brand.get().initialTypes().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .toList() + ", not " + paymentType.name());
        }
        return brand;
    }

    private CardDetails card(JsonNode root, String paymentBrand, Errors errors) {
        JsonNode card = root.get("card");
        if (card == null || card.isNull()) {
            errors.add("card", "is required");
            return null;
        }
        if (!card.isObject()) {
            errors.add("card", "must be an object with number, holder, expiryMonth, expiryYear and cvv");
            return null;
        }
        card.propertyNames().stream()
                .filter(name -> !CARD_FIELDS.contains(name))
                .sorted()
                .forEach(name -> errors.add("card." + name, "unknown field"));

        String number = cardNumber(card, paymentBrand, errors);
        String holder = holder(card, errors);
        Integer month = null;
        Optional<String> monthText = requiredText(card, "card.expiryMonth", "expiryMonth", errors);
        if (monthText.isPresent()) {
            if (MONTH.matcher(monthText.get()).matches()) {
                month = Integer.parseInt(monthText.get());
            } else {
                errors.add("card.expiryMonth", "must be two digits from \"01\" to \"12\"");
            }
        }
        Integer year = null;
        Optional<String> yearText = requiredText(card, "card.expiryYear", "expiryYear", errors);
        if (yearText.isPresent()) {
            if (YEAR.matcher(yearText.get()).matches()) {
                year = Integer.parseInt(yearText.get());
            } else {
                errors.add("card.expiryYear", "must be four digits, such as \"2031\"");
            }
        }
        if (month != null && year != null) {
            YearMonth expiry = YearMonth.of(year, month);
            YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
            if (expiry.isBefore(now)) {
                errors.add(
                        "card.expiryYear", "the card expired at the end of " + String.format("%02d/%04d", month, year));
            } else if (expiry.isAfter(now.plusYears(MAX_YEARS_AHEAD))) {
                errors.add("card.expiryYear", "must be at most " + MAX_YEARS_AHEAD + " years ahead");
            }
        }
        String brandForCvv =
                number == null ? paymentBrand : CardNumbers.brandOf(number).orElse(paymentBrand);
        String cvv = cvv(card, brandForCvv, errors);

        if (number == null || holder == null || month == null || year == null || cvv == null) {
            return null;
        }
        return new CardDetails(number, holder, month, year, cvv);
    }

    private static String cardNumber(JsonNode card, String paymentBrand, Errors errors) {
        Optional<String> value = requiredText(card, "card.number", "number", errors);
        if (value.isEmpty()) {
            return null;
        }
        String number = value.get();
        if (!DIGITS.matcher(number).matches() || number.length() < 12 || number.length() > 19) {
            errors.add("card.number", "must be 12 to 19 digits without spaces or separators");
            return null;
        }
        if (!CardNumbers.isValid(number)) {
            errors.add("card.number", CardNumbers.mask(number) + " is not a valid card number (Luhn check failed)");
            return null;
        }
        Optional<String> detected = CardNumbers.brandOf(number);
        if (paymentBrand != null && detected.isPresent() && !detected.get().equals(paymentBrand)) {
            errors.add(
                    "paymentBrand",
                    "is " + paymentBrand + " but card " + CardNumbers.mask(number) + " is a " + detected.get()
                            + " card");
        }
        return number;
    }

    private static String holder(JsonNode card, Errors errors) {
        Optional<String> value = requiredText(card, "card.holder", "holder", errors);
        if (value.isEmpty()) {
            return null;
        }
        String holder = value.get().strip();
        if (holder.isEmpty()
                || holder.length() > 128
                || !PRINTABLE.matcher(holder).matches()) {
            errors.add("card.holder", "must be the name on the card: 1 to 128 characters, no control characters");
            return null;
        }
        return holder;
    }

    private static String cvv(JsonNode card, String brand, Errors errors) {
        Optional<String> value = requiredText(card, "card.cvv", "cvv", errors);
        if (value.isEmpty()) {
            return null;
        }
        int digits = "AMEX".equals(brand) ? 4 : 3;
        if (!DIGITS.matcher(value.get()).matches() || value.get().length() != digits) {
            errors.add("card.cvv", "must be " + digits + " digits" + (digits == 4 ? " for AMEX cards" : ""));
            return null;
        }
        return value.get();
    }

    private static String merchantTransactionId(JsonNode root, Errors errors) {
        Optional<String> value = requiredText(root, "merchantTransactionId", errors);
        if (value.isEmpty()) {
            return null;
        }
        if (!MERCHANT_TRANSACTION_ID.matcher(value.get()).matches()) {
            errors.add(
                    "merchantTransactionId",
                    "must be 1 to 255 characters: letters, digits and . _ : / # + @ - (no spaces)");
            return null;
        }
        return value.get();
    }

    private static String shopperResultUrl(JsonNode root, Errors errors) {
        String url = optionalText(root, "shopperResultUrl", 2048, errors);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute()
                    || uri.getHost() == null
                    || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                errors.add("shopperResultUrl", "must be an absolute http or https URL");
                return null;
            }
        } catch (URISyntaxException e) {
            errors.add("shopperResultUrl", "is not a valid URL");
            return null;
        }
        return url;
    }

    private static String optionalText(JsonNode node, String field, int maxLength, Errors errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(field, "must be a JSON string");
            return null;
        }
        String text = value.stringValue();
        if (text.isEmpty()
                || text.length() > maxLength
                || !PRINTABLE.matcher(text).matches()) {
            errors.add(field, "must be 1 to " + maxLength + " characters without control characters");
            return null;
        }
        return text;
    }

    private static Optional<String> requiredText(JsonNode node, String field, Errors errors) {
        return requiredText(node, field, field, errors);
    }

    private static Optional<String> requiredText(JsonNode node, String path, String field, Errors errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(path, "is required");
            return Optional.empty();
        }
        if (!value.isString()) {
            errors.add(path, "must be a JSON string");
            return Optional.empty();
        }
        if (value.stringValue().isEmpty()) {
            errors.add(path, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(value.stringValue());
    }

    /** The errors found so far, in the order the fields were checked. */
    private static final class Errors {

        final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }
    }
}

package io.s2spay.sandbox.api;

import io.s2spay.sandbox.gateway.Amounts;
import io.s2spay.sandbox.gateway.BackOfficeRequest;
import io.s2spay.sandbox.gateway.CardInput;
import io.s2spay.sandbox.gateway.GatewayBrand;
import io.s2spay.sandbox.gateway.GatewayResultCodes;
import io.s2spay.sandbox.gateway.OppRejection;
import io.s2spay.sandbox.gateway.OppRejection.ParameterError;
import io.s2spay.sandbox.gateway.PaymentRequest;
import io.s2spay.sandbox.gateway.PaymentType;
import io.s2spay.sandbox.gateway.StandingInstruction;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns OPP form parameters into validated requests: first every parameter's format (all failures listed under
 * {@code 200.300.404}), then the specific codes OPP gives for cards, currencies and amounts.
 */
@Component
class OppRequestParser {

    private static final Pattern CARD_NUMBER = Pattern.compile("^[0-9]{12,19}$");
    private static final Pattern MONTH = Pattern.compile("^(0[1-9]|1[0-2])$");
    private static final Pattern YEAR = Pattern.compile("^(19|20)[0-9]{2}$");
    private static final Pattern CVV = Pattern.compile("^[0-9]{3,4}$");
    private static final Set<String> SI_MODES = Set.of("INITIAL", "REPEATED");
    private static final Set<String> SI_TYPES = Set.of("UNSCHEDULED", "RECURRING", "INSTALLMENT");
    private static final Set<String> SI_SOURCES = Set.of("CIT", "MIT");
    private static final Set<PaymentType> AMOUNT_REQUIRED =
            Set.of(PaymentType.CP, PaymentType.RF, PaymentType.RB, PaymentType.CB, PaymentType.CR);

    private final Clock clock;

    OppRequestParser(Clock clock) {
        this.clock = clock;
    }

    /** Parameters of {@code POST /v1/payments}, or of a payment on a registration (no card, no brand). */
    PaymentRequest payment(Map<String, String> params, boolean onRegistration) {
        List<ParameterError> errors = new ArrayList<>();
        String paymentTypeValue = params.get("paymentType");
        PaymentType paymentType =
                PaymentType.of(paymentTypeValue).filter(PaymentType::isInitial).orElse(null);
        if (paymentType == null) {
            errors.add(error("paymentType", paymentTypeValue, "must be PA or DB"));
        }
        String amount = params.get("amount");
        if (!Amounts.isAmountFormat(amount)) {
            errors.add(error("amount", amount, "must match ^[0-9]{1,12}(\\.[0-9]{1,6})?$"));
        }
        String currency = params.get("currency");
        if (!Amounts.isCurrencyFormat(currency)) {
            errors.add(error("currency", currency, "must match ^[A-Z]{3}$"));
        }
        String brandValue = params.get("paymentBrand");
        if (!onRegistration && (brandValue == null || brandValue.isEmpty())) {
            errors.add(error("paymentBrand", brandValue, "may not be empty"));
        }
        String merchantTransactionId = optionalText(params, "merchantTransactionId", 255, errors);
        String descriptor = optionalText(params, "descriptor", 127, errors);
        String shopperResultUrl = optionalUrl(params, "shopperResultUrl", errors);
        String notificationUrl = optionalUrl(params, "notificationUrl", errors);
        String createRegistrationValue = params.get("createRegistration");
        if (createRegistrationValue != null
                && !"true".equals(createRegistrationValue)
                && !"false".equals(createRegistrationValue)) {
            errors.add(error("createRegistration", createRegistrationValue, "must be true or false"));
        }
        StandingInstruction standingInstruction = standingInstruction(params, errors);
        if (!errors.isEmpty()) {
            throw new OppRejection(400, GatewayResultCodes.INVALID_PARAMETER, errors);
        }

        GatewayBrand brand = null;
        if (!onRegistration) {
            brand = GatewayBrand.of(brandValue)
                    .orElseThrow(() -> OppRejection.badRequest(GatewayResultCodes.INVALID_BRAND));
        }
        Currency iso = Amounts.currency(currency)
                .orElseThrow(() -> OppRejection.badRequest(GatewayResultCodes.INVALID_CURRENCY));
        long amountMinor = Amounts.toMinor(amount, iso)
                .orElseThrow(() -> OppRejection.badRequest(GatewayResultCodes.AMOUNT_FORMAT));
        if (amountMinor <= 0) {
            throw OppRejection.badRequest(GatewayResultCodes.AMOUNT_TOO_LOW);
        }
        CardInput card = brand != null && brand.isCard() ? card(params, brand) : null;
        return new PaymentRequest(
                params.get("entityId"),
                paymentType,
                brand,
                amountMinor,
                currency,
                merchantTransactionId,
                card,
                "true".equals(createRegistrationValue),
                standingInstruction,
                shopperResultUrl,
                notificationUrl,
                descriptor);
    }

    /** Parameters of {@code POST /v1/payments/{id}}. */
    BackOfficeRequest backOffice(Map<String, String> params) {
        List<ParameterError> errors = new ArrayList<>();
        String typeValue = params.get("paymentType");
        PaymentType type = PaymentType.of(typeValue).filter(t -> !t.isInitial()).orElse(null);
        if (type == null) {
            errors.add(error("paymentType", typeValue, "must be one of CP, RV, RF, RB, CB, CR, RC"));
        }
        String amount = params.get("amount");
        String currency = params.get("currency");
        boolean amountRequired = type != null && AMOUNT_REQUIRED.contains(type);
        if (amount != null || amountRequired) {
            if (!Amounts.isAmountFormat(amount)) {
                errors.add(error("amount", amount, "must match ^[0-9]{1,12}(\\.[0-9]{1,6})?$"));
            }
            if (!Amounts.isCurrencyFormat(currency)) {
                errors.add(error("currency", currency, "must match ^[A-Z]{3}$"));
            }
        }
        String merchantTransactionId = optionalText(params, "merchantTransactionId", 255, errors);
        String notificationUrl = optionalUrl(params, "notificationUrl", errors);
        if (!errors.isEmpty()) {
            throw new OppRejection(400, GatewayResultCodes.INVALID_PARAMETER, errors);
        }
        Long amountMinor = null;
        if (amount != null) {
            Currency iso = Amounts.currency(currency)
                    .orElseThrow(() -> OppRejection.badRequest(GatewayResultCodes.INVALID_CURRENCY));
            amountMinor = Amounts.toMinor(amount, iso)
                    .orElseThrow(() -> OppRejection.badRequest(GatewayResultCodes.AMOUNT_FORMAT));
            if (amountMinor <= 0) {
                throw OppRejection.badRequest(GatewayResultCodes.AMOUNT_TOO_LOW);
            }
        }
        return new BackOfficeRequest(
                params.get("entityId"),
                type,
                amountMinor,
                amount != null ? currency : null,
                merchantTransactionId,
                notificationUrl,
                null);
    }

    private CardInput card(Map<String, String> params, GatewayBrand brand) {
        String number = params.get("card.number");
        if (number == null || number.isEmpty()) {
            throw OppRejection.badRequest(GatewayResultCodes.NO_CARD_NUMBER);
        }
        if (!CARD_NUMBER.matcher(number).matches()) {
            // never echo what may be a card number
            throw OppRejection.invalidParameter("card.number", mask(number), "must match ^[0-9]{12,19}$");
        }
        if (!luhn(number)) {
            throw OppRejection.badRequest(GatewayResultCodes.INVALID_CARD_NUMBER);
        }
        if (!brand.matchesNumber(number)) {
            throw OppRejection.badRequest(GatewayResultCodes.NUMBER_BRAND_MISMATCH);
        }
        String holder = params.get("card.holder");
        if (holder != null && (holder.length() < 2 || holder.length() > 128)) {
            throw OppRejection.badRequest(GatewayResultCodes.HOLDER_LENGTH);
        }
        String month = params.get("card.expiryMonth");
        if (month == null || month.isEmpty()) {
            throw OppRejection.badRequest(GatewayResultCodes.NO_MONTH);
        }
        if (!MONTH.matcher(month).matches()) {
            throw OppRejection.badRequest(GatewayResultCodes.INVALID_MONTH);
        }
        String year = params.get("card.expiryYear");
        if (year == null || year.isEmpty()) {
            throw OppRejection.badRequest(GatewayResultCodes.NO_YEAR);
        }
        if (!YEAR.matcher(year).matches()) {
            throw OppRejection.badRequest(GatewayResultCodes.INVALID_YEAR);
        }
        if (YearMonth.of(Integer.parseInt(year), Integer.parseInt(month))
                .isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw OppRejection.badRequest(GatewayResultCodes.CARD_EXPIRED);
        }
        String cvv = params.get("card.cvv");
        if (cvv != null && (!CVV.matcher(cvv).matches() || cvv.length() != brand.cvvLength())) {
            throw OppRejection.badRequest(GatewayResultCodes.INVALID_CVV);
        }
        return new CardInput(number, holder, month, year, cvv);
    }

    private static StandingInstruction standingInstruction(Map<String, String> params, List<ParameterError> errors) {
        String mode = params.get("standingInstruction.mode");
        String type = params.get("standingInstruction.type");
        String source = params.get("standingInstruction.source");
        String initialTransactionId = params.get("standingInstruction.initialTransactionId");
        if (mode == null && type == null && source == null) {
            if (initialTransactionId != null) {
                errors.add(error("standingInstruction.mode", null, "is required with standingInstruction.*"));
            }
            return null;
        }
        int before = errors.size();
        if (mode == null || !SI_MODES.contains(mode)) {
            errors.add(error("standingInstruction.mode", mode, "must be INITIAL or REPEATED"));
        }
        if (type == null || !SI_TYPES.contains(type)) {
            errors.add(error("standingInstruction.type", type, "must be UNSCHEDULED, RECURRING or INSTALLMENT"));
        }
        if (source == null || !SI_SOURCES.contains(source)) {
            errors.add(error("standingInstruction.source", source, "must be CIT or MIT"));
        } else if ("INITIAL".equals(mode) && !"CIT".equals(source)) {
            errors.add(error(
                    "standingInstruction.source",
                    source,
                    "an INITIAL standing instruction must be customer-initiated (CIT)"));
        }
        if (initialTransactionId != null && (initialTransactionId.isEmpty() || initialTransactionId.length() > 64)) {
            errors.add(error(
                    "standingInstruction.initialTransactionId", initialTransactionId, "must be 1 to 64 characters"));
        }
        return errors.size() > before ? null : new StandingInstruction(mode, type, source, initialTransactionId);
    }

    private static String optionalText(
            Map<String, String> params, String name, int maxLength, List<ParameterError> errors) {
        String value = params.get(name);
        if (value != null && (value.isEmpty() || value.length() > maxLength)) {
            errors.add(error(name, value, "must be 1 to " + maxLength + " characters"));
            return null;
        }
        return value;
    }

    private static String optionalUrl(Map<String, String> params, String name, List<ParameterError> errors) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (uri.isAbsolute()
                    && uri.getHost() != null
                    && Set.of("http", "https").contains(uri.getScheme())
                    && value.length() <= 2048) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(error(name, value, "must be an absolute http(s) URL"));
        return null;
    }

    private static ParameterError error(String name, String value, String message) {
        return new ParameterError(name, value, message);
    }

    static boolean luhn(String number) {
        int sum = 0;
        boolean doubled = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static String mask(String value) {
        return value.length() <= 10 ? "****" : value.substring(0, 6) + "****" + value.substring(value.length() - 4);
    }
}

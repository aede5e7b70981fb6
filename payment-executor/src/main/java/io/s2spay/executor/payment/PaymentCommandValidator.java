package io.s2spay.executor.payment;

import io.s2spay.domain.brand.PaymentBrand;
import io.s2spay.domain.money.InvalidAmountException;
import io.s2spay.domain.money.MoneyAmounts;
import io.s2spay.schema.CardSummary;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks what the executor can check about a payment command before anything is recorded or sent: the amount and
 * currency, the brand (by the brand table {@link PaymentBrand}: its payment types, its instrument, the shopper's
 * return URL a bank brand needs), the merchantTransactionId, and that the merchant has a gateway account. Whether
 * the card is in the vault is checked when it is revealed.
 */
final class PaymentCommandValidator {

    private static final int MAX_URL_LENGTH = 2048;
    // OPP accepts up to 255 printable characters; control characters would end up in logs and the gateway's reports
    private static final Pattern MERCHANT_TRANSACTION_ID =
            Pattern.compile("\\p{Graph}(?:[\\p{Graph} ]{0,253}\\p{Graph})?");

    private final Predicate<String> merchantHasGatewayAccount;

    PaymentCommandValidator(Predicate<String> merchantHasGatewayAccount) {
        this.merchantHasGatewayAccount = merchantHasGatewayAccount;
    }

    /** The first reason to refuse {@code command}, or empty when it can be run. */
    Optional<CommandRejection> validate(PaymentInstruction command) {
        if (command.currency() == null) {
            return reject(PaymentRejectionReason.INVALID_CURRENCY, "amount.currency is required");
        }
        try {
            MoneyAmounts.currency(command.currency());
        } catch (InvalidAmountException e) {
            return reject(PaymentRejectionReason.INVALID_CURRENCY, "amount.currency: " + e.getMessage());
        }
        if (command.amountMinor() <= 0) {
            return reject(
                    PaymentRejectionReason.INVALID_AMOUNT,
                    "amount.amountMinor must be positive, was " + command.amountMinor());
        }
        if (command.amountMinor() > MoneyAmounts.MAX_MINOR_UNITS) {
            return reject(
                    PaymentRejectionReason.INVALID_AMOUNT,
                    "amount.amountMinor must not exceed " + MoneyAmounts.MAX_MINOR_UNITS + ", was "
                            + command.amountMinor());
        }
        Optional<PaymentBrand> brand = PaymentBrand.of(command.paymentBrand());
        if (brand.isEmpty()) {
            return reject(
                    PaymentRejectionReason.INVALID_PAYMENT_BRAND,
                    "paymentBrand must be one of " + Arrays.toString(PaymentBrand.values()) + ", was "
                            + command.paymentBrand());
        }
        if (!brand.get().allows(command.paymentType().name())) {
            return reject(
                    PaymentRejectionReason.PAYMENT_TYPE_NOT_ALLOWED_FOR_BRAND,
                    brand.get() + " allows " + brand.get().initialTypes() + " only, not " + command.paymentType());
        }
        if (command.merchantTransactionId() == null
                || !MERCHANT_TRANSACTION_ID
                        .matcher(command.merchantTransactionId())
                        .matches()) {
            return reject(
                    PaymentRejectionReason.INVALID_MERCHANT_TRANSACTION_ID,
                    "merchantTransactionId must be 1 to 255 printable characters without leading or trailing spaces");
        }
        Optional<CommandRejection> instrumentProblem =
                brand.get().isCard() ? validateCardInstrument(command) : validateBankTransfer(brand.get(), command);
        if (instrumentProblem.isPresent()) {
            return instrumentProblem;
        }
        if (command.shopperResultUrl() != null && !isHttpUrl(command.shopperResultUrl())) {
            return reject(
                    PaymentRejectionReason.INVALID_SHOPPER_RESULT_URL,
                    "shopperResultUrl must be an absolute http(s) URL of at most " + MAX_URL_LENGTH + " characters");
        }
        if (!merchantHasGatewayAccount.test(command.merchantId())) {
            return reject(
                    PaymentRejectionReason.UNKNOWN_MERCHANT_ACCOUNT,
                    "merchant " + command.merchantId() + " has no gateway account configured");
        }
        return Optional.empty();
    }

    /** A card brand is paid with exactly one of a vaulted card and a stored registration. */
    private static Optional<CommandRejection> validateCardInstrument(PaymentInstruction command) {
        boolean hasCard = command.vaultId() != null || command.card() != null;
        boolean hasRegistration = command.registrationId() != null;
        if (!hasCard && !hasRegistration) {
            return reject(
                    PaymentRejectionReason.MISSING_PAYMENT_INSTRUMENT,
                    "a " + command.paymentBrand() + " payment needs either card or registrationId");
        }
        if (hasCard && hasRegistration) {
            return reject(
                    PaymentRejectionReason.AMBIGUOUS_PAYMENT_INSTRUMENT,
                    "card and registrationId are mutually exclusive");
        }
        if (hasCard) {
            return validateCardReference(command.vaultId(), command.card());
        }
        if (PaymentInstruction.isBlank(command.registrationId())) {
            return reject(PaymentRejectionReason.MISSING_PAYMENT_INSTRUMENT, "registrationId must not be blank");
        }
        return Optional.empty();
    }

    /**
     * A bank brand carries no instrument (the shopper pays at the bank's page) and cannot be stored for later
     * payments; the gateway refuses it without a page to send the shopper back to (100.380.305), so that is
     * refused here before anything is recorded or sent.
     */
    private static Optional<CommandRejection> validateBankTransfer(PaymentBrand brand, PaymentInstruction command) {
        if (command.vaultId() != null || command.card() != null || command.registrationId() != null) {
            return reject(
                    PaymentRejectionReason.INSTRUMENT_NOT_ALLOWED_FOR_BRAND,
                    brand + " is a bank transfer paid at the"
                            + " shopper's bank: it takes neither card nor registrationId");
        }
        if (command.createRegistration() || command.standingInstruction() != null) {
            return reject(
                    PaymentRejectionReason.INSTRUMENT_NOT_ALLOWED_FOR_BRAND,
                    brand + " is a bank transfer: it cannot"
                            + " be stored (createRegistration) nor run under a standingInstruction");
        }
        if (PaymentInstruction.isBlank(command.shopperResultUrl())) {
            return reject(
                    PaymentRejectionReason.MISSING_SHOPPER_RESULT_URL,
                    brand + " redirects the shopper to the bank:"
                            + " shopperResultUrl, where the shopper returns, is required");
        }
        return Optional.empty();
    }

    private static boolean isHttpUrl(String value) {
        if (value.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Optional<CommandRejection> validateCardReference(String vaultId, CardSummary summary) {
        if (PaymentInstruction.isBlank(vaultId)) {
            return reject(PaymentRejectionReason.INVALID_CARD_REFERENCE, "card.vaultId is required");
        }
        if (summary == null) {
            return reject(PaymentRejectionReason.INVALID_CARD_REFERENCE, "card.summary is required");
        }
        if (summary.getExpiryMonth() < 1 || summary.getExpiryMonth() > 12) {
            return reject(PaymentRejectionReason.INVALID_CARD_REFERENCE, "card.summary.expiryMonth must be 1 to 12");
        }
        if (summary.getBin() == null
                || !summary.getBin().matches("\\d{6,8}")
                || summary.getLast4Digits() == null
                || !summary.getLast4Digits().matches("\\d{4}")) {
            return reject(
                    PaymentRejectionReason.INVALID_CARD_REFERENCE,
                    "card.summary must carry the card's BIN (6-8 digits) and last 4 digits");
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> reject(PaymentRejectionReason code, String reason) {
        return Optional.of(new CommandRejection(code, reason));
    }
}

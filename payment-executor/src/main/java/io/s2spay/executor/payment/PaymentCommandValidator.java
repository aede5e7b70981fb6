package io.s2spay.executor.payment;

import io.s2spay.domain.money.InvalidAmountException;
import io.s2spay.domain.money.MoneyAmounts;
import io.s2spay.schema.CardSummary;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks what the executor can check about a payment command before anything is recorded or sent: the amount and
 * currency, the brand, the merchantTransactionId, exactly one payment instrument, and that the merchant has a
 * gateway account. Whether the card is in the vault is checked when it is revealed.
 */
final class PaymentCommandValidator {

    private static final Pattern BRAND = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    // OPP accepts up to 255 printable characters; control characters would end up in logs and the gateway's reports
    private static final Pattern MERCHANT_TRANSACTION_ID = Pattern.compile("\\p{Graph}(?:[\\p{Graph} ]{0,253}\\p{Graph})?");

    private final Predicate<String> merchantHasGatewayAccount;

    PaymentCommandValidator(Predicate<String> merchantHasGatewayAccount) {
        this.merchantHasGatewayAccount = merchantHasGatewayAccount;
    }

    /** The first reason to refuse {@code command}, or empty when it can be run. */
    Optional<CommandRejection> validate(PaymentInstruction command) {
        if (command.currency() == null) {
            return reject(RejectionReason.INVALID_CURRENCY, "amount.currency is required");
        }
        try {
            MoneyAmounts.currency(command.currency());
        } catch (InvalidAmountException e) {
            return reject(RejectionReason.INVALID_CURRENCY, "amount.currency: " + e.getMessage());
        }
        if (command.amountMinor() <= 0) {
            return reject(RejectionReason.INVALID_AMOUNT,
                    "amount.amountMinor must be positive, was " + command.amountMinor());
        }
        if (command.amountMinor() > MoneyAmounts.MAX_MINOR_UNITS) {
            return reject(RejectionReason.INVALID_AMOUNT,
                    "amount.amountMinor must not exceed " + MoneyAmounts.MAX_MINOR_UNITS + ", was " + command.amountMinor());
        }
        if (command.paymentBrand() == null || !BRAND.matcher(command.paymentBrand()).matches()) {
            return reject(RejectionReason.INVALID_PAYMENT_BRAND,
                    "paymentBrand must be a gateway brand code such as VISA or MASTER");
        }
        if (command.merchantTransactionId() == null
                || !MERCHANT_TRANSACTION_ID.matcher(command.merchantTransactionId()).matches()) {
            return reject(RejectionReason.INVALID_MERCHANT_TRANSACTION_ID,
                    "merchantTransactionId must be 1 to 255 printable characters without leading or trailing spaces");
        }
        boolean hasCard = command.vaultId() != null || command.card() != null;
        boolean hasRegistration = command.registrationId() != null;
        if (!hasCard && !hasRegistration) {
            return reject(RejectionReason.MISSING_PAYMENT_INSTRUMENT, "either card or registrationId is required");
        }
        if (hasCard && hasRegistration) {
            return reject(RejectionReason.AMBIGUOUS_PAYMENT_INSTRUMENT,
                    "card and registrationId are mutually exclusive");
        }
        if (hasCard) {
            Optional<CommandRejection> cardProblem = validateCardReference(command.vaultId(), command.card());
            if (cardProblem.isPresent()) {
                return cardProblem;
            }
        } else if (PaymentInstruction.isBlank(command.registrationId())) {
            return reject(RejectionReason.MISSING_PAYMENT_INSTRUMENT, "registrationId must not be blank");
        }
        if (!merchantHasGatewayAccount.test(command.merchantId())) {
            return reject(RejectionReason.UNKNOWN_MERCHANT_ACCOUNT,
                    "merchant " + command.merchantId() + " has no gateway account configured");
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> validateCardReference(String vaultId, CardSummary summary) {
        if (PaymentInstruction.isBlank(vaultId)) {
            return reject(RejectionReason.INVALID_CARD_REFERENCE, "card.vaultId is required");
        }
        if (summary == null) {
            return reject(RejectionReason.INVALID_CARD_REFERENCE, "card.summary is required");
        }
        if (summary.getExpiryMonth() < 1 || summary.getExpiryMonth() > 12) {
            return reject(RejectionReason.INVALID_CARD_REFERENCE, "card.summary.expiryMonth must be 1 to 12");
        }
        if (summary.getBin() == null || !summary.getBin().matches("\\d{6,8}")
                || summary.getLast4Digits() == null || !summary.getLast4Digits().matches("\\d{4}")) {
            return reject(RejectionReason.INVALID_CARD_REFERENCE,
                    "card.summary must carry the card's BIN (6-8 digits) and last 4 digits");
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> reject(RejectionReason code, String reason) {
        return Optional.of(new CommandRejection(code, reason));
    }
}

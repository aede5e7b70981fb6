package io.s2spay.checkout.payment;

import io.s2spay.domain.balance.PaymentMovements;
import java.util.Locale;
import java.util.Optional;

/**
 * The operations on an existing payment, each with its path under {@code /v1/payments/{id}}, the back-office
 * command that carries it, the movement its success adds, and whether an amount may (or must) be given.
 */
enum OperationType {
    CAPTURE("captures", "CapturePayment", PaymentMovements.Kind.CAPTURED, AmountRule.OPTIONAL),
    REFUND("refunds", "RefundPayment", PaymentMovements.Kind.REFUNDED, AmountRule.OPTIONAL),
    REVERSAL("reversals", "ReversePayment", PaymentMovements.Kind.REVERSED, AmountRule.NONE),
    REBILL("rebills", "RebillPayment", PaymentMovements.Kind.REBILLED, AmountRule.REQUIRED),
    CHARGEBACK("chargebacks", "RecordChargeback", PaymentMovements.Kind.CHARGED_BACK, AmountRule.OPTIONAL),
    CHARGEBACK_REVERSAL(
            "chargeback-reversals",
            "ReverseChargeback",
            PaymentMovements.Kind.CHARGEBACK_REVERSED,
            AmountRule.OPTIONAL),
    RECEIPT("receipts", "ConfirmReceipt", PaymentMovements.Kind.RECEIPT_CONFIRMED, AmountRule.OPTIONAL);

    /** Whether a request may carry an amount: a reversal releases the whole authorization, a rebill needs one. */
    enum AmountRule {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    private final String path;
    private final String commandType;
    private final PaymentMovements.Kind movement;
    private final AmountRule amountRule;

    OperationType(String path, String commandType, PaymentMovements.Kind movement, AmountRule amountRule) {
        this.path = path;
        this.commandType = commandType;
        this.movement = movement;
        this.amountRule = amountRule;
    }

    /** The collection under the payment, e.g. {@code refunds}. */
    String path() {
        return path;
    }

    /** The back-office command's record name, e.g. {@code RefundPayment}. */
    String commandType() {
        return commandType;
    }

    PaymentMovements.Kind movement() {
        return movement;
    }

    AmountRule amountRule() {
        return amountRule;
    }

    /** The API's name, e.g. {@code chargeback_reversal}. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<OperationType> ofPath(String path) {
        for (OperationType type : values()) {
            if (type.path.equals(path)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static Optional<OperationType> ofCommandType(String commandType) {
        for (OperationType type : values()) {
            if (type.commandType.equals(commandType)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static OperationType fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

package io.s2spay.checkout.payment;

import io.s2spay.domain.lifecycle.TransactionType;
import java.util.Locale;
import java.util.Optional;

/**
 * The operations on an existing payment, each with its path under {@code /v1/payments/{id}}, the back-office
 * command that carries it, the lifecycle's transaction it is (whose success adds its movement), and whether an amount may (or must) be given.
 */
enum OperationType {
    CAPTURE("captures", "CapturePayment", TransactionType.CP, AmountRule.OPTIONAL),
    REFUND("refunds", "RefundPayment", TransactionType.RF, AmountRule.OPTIONAL),
    REVERSAL("reversals", "ReversePayment", TransactionType.RV, AmountRule.NONE),
    REBILL("rebills", "RebillPayment", TransactionType.RB, AmountRule.REQUIRED),
    CHARGEBACK("chargebacks", "RecordChargeback", TransactionType.CB, AmountRule.OPTIONAL),
    CHARGEBACK_REVERSAL("chargeback-reversals", "ReverseChargeback", TransactionType.CR, AmountRule.OPTIONAL),
    RECEIPT("receipts", "ConfirmReceipt", TransactionType.RC, AmountRule.OPTIONAL);

    /** Whether a request may carry an amount: a reversal releases the whole authorization, a rebill needs one. */
    enum AmountRule {
        NONE,
        OPTIONAL,
        REQUIRED
    }

    private final String path;
    private final String commandType;
    private final TransactionType transaction;
    private final AmountRule amountRule;

    OperationType(String path, String commandType, TransactionType transaction, AmountRule amountRule) {
        this.path = path;
        this.commandType = commandType;
        this.transaction = transaction;
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

    /** The lifecycle's transaction type, e.g. {@code RF}. */
    TransactionType transaction() {
        return transaction;
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

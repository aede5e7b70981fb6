package io.s2spay.sandbox.gateway;

import java.util.Optional;
import java.util.regex.Pattern;

/** The payment brands the sandbox accepts, with the workflow each one follows. */
public enum GatewayBrand {
    VISA(Workflow.CARD, "^4[0-9]{11,18}$", 3),
    MASTER(Workflow.CARD, "^(5[1-5][0-9]{14}|2(2[2-9][1-9]|2[3-9][0-9]|[3-6][0-9]{2}|7[01][0-9]|720)[0-9]{12})$", 3),
    AMEX(Workflow.CARD, "^3[47][0-9]{13}$", 4),
    DINERS(Workflow.CARD, "^3(0[0-5]|[68][0-9])[0-9]{10,16}$", 3),
    DISCOVER(Workflow.CARD, "^6(011|5[0-9]{2})[0-9]{12,15}$", 3),
    JCB(Workflow.CARD, "^35(2[89]|[3-8][0-9])[0-9]{12,15}$", 3),
    MAESTRO(Workflow.CARD, "^(5[06-9]|6[0-9])[0-9]{10,17}$", 3),
    /** Online bank transfer whose money is confirmed later by the bank's receipt. */
    SOFORTUEBERWEISUNG(Workflow.BANK_REDIRECT_WITH_RECEIPT, null, 0),
    /** Online bank transfer confirmed at once when the shopper approves it at the bank. */
    GIROPAY(Workflow.BANK_REDIRECT_INSTANT, null, 0);

    /** How a payment of the brand proceeds. */
    public enum Workflow {
        CARD,
        BANK_REDIRECT_INSTANT,
        BANK_REDIRECT_WITH_RECEIPT
    }

    private final Workflow workflow;
    private final Pattern numberPattern;
    private final int cvvLength;

    GatewayBrand(Workflow workflow, String numberPattern, int cvvLength) {
        this.workflow = workflow;
        this.numberPattern = numberPattern == null ? null : Pattern.compile(numberPattern);
        this.cvvLength = cvvLength;
    }

    public Workflow workflow() {
        return workflow;
    }

    public boolean isCard() {
        return workflow == Workflow.CARD;
    }

    public boolean matchesNumber(String number) {
        return numberPattern != null && numberPattern.matcher(number).matches();
    }

    public int cvvLength() {
        return cvvLength;
    }

    public static Optional<GatewayBrand> of(String name) {
        for (GatewayBrand brand : values()) {
            if (brand.name().equals(name)) {
                return Optional.of(brand);
            }
        }
        return Optional.empty();
    }
}
